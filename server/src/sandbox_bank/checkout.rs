//! The bank's checkout page and the payer's choice on it.

use super::{checkout_data, verify, PATH};
use crate::errors::HandlerResult;
use crate::forms::Posted;
use crate::state::AppState;
use app::money::Vnd;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use rand::Rng;
use std::collections::HashMap;

/// `GET /cong-thanh-toan-thu-nghiem?ref=&amount=&info=&return=&sig=`: the
/// order as the merchant signed it, and three buttons.
pub async fn page(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
) -> HandlerResult {
    let Some(secret) = super::secret(&state) else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let field = |name: &str| query.get(name).cloned().unwrap_or_default();
    let (reference, info, return_url) = (field("ref"), field("info"), field("return"));
    let Ok(amount) = field("amount").parse::<i64>() else {
        return Ok(refused("Số tiền không hợp lệ."));
    };
    let signed = checkout_data(&reference, amount, &info, &return_url);
    if reference.is_empty() || !verify(secret, signed.as_bytes(), &field("sig")) {
        return Ok(refused(
            "Yêu cầu thanh toán không có chữ ký hợp lệ của đơn vị bán hàng.",
        ));
    }
    let transaction = format!(
        "SBX{:010}",
        rand::thread_rng().gen_range(0..10_000_000_000u64)
    );
    sqlx::query!(
        "INSERT INTO sandbox_gateway_orders (reference, amount_vnd, order_info, return_url, transaction_number)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (reference) DO NOTHING",
        reference,
        amount,
        info,
        return_url,
        transaction
    )
    .execute(&state.pool)
    .await?;
    let outcome = sqlx::query_scalar!(
        "SELECT outcome FROM sandbox_gateway_orders WHERE reference = $1",
        reference
    )
    .fetch_one(&state.pool)
    .await?;
    if outcome != "pending" {
        return Ok(bank_page(&format!(
            r#"<p>Giao dịch này đã được xử lý.</p><p><a href="{}">Quay lại đơn vị bán hàng</a></p>"#,
            escape(&return_url)
        )));
    }
    Ok(bank_page(&format!(
        r#"<dl>
  <dt>Đơn vị nhận tiền</dt><dd>Cổng dịch vụ công Một Cửa</dd>
  <dt>Nội dung</dt><dd>{info}</dd>
  <dt>Mã giao dịch</dt><dd>{reference}</dd>
  <dt>Số tiền</dt><dd class="amount">{amount}</dd>
</dl>
<form method="post" action="{PATH}/xac-nhan">
  <input type="hidden" name="ref" value="{reference}">
  <button name="outcome" value="success">Thanh toán thành công</button>
  <button name="outcome" value="failure" class="secondary">Thanh toán thất bại</button>
  <button name="outcome" value="cancel" class="secondary">Hủy giao dịch</button>
</form>"#,
        info = escape(&info),
        reference = escape(&reference),
        amount = Vnd(amount),
    )))
}

/// `POST …/xac-nhan`: the payer's choice. The bank records it once, queues
/// its notifications to the merchant and sends the browser back.
pub async fn decide(State(state): State<AppState>, form: Posted) -> HandlerResult {
    let Some(sandbox) = super::settings(&state) else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let reference = form.get("ref");
    let outcome = form.get("outcome");
    if !["success", "failure", "cancel"].contains(&outcome.as_str()) {
        return Ok(refused("Lựa chọn không hợp lệ."));
    }
    let decided = super::delivery::decide(&state.pool, sandbox, &reference, &outcome).await?;
    Ok(match decided {
        Some(return_url) => Redirect::to(&return_url).into_response(),
        None => refused("Không tìm thấy giao dịch, hoặc giao dịch đã được xử lý."),
    })
}

fn refused(message: &str) -> Response {
    let mut response = bank_page(&format!("<p role=\"alert\">{}</p>", escape(message)));
    *response.status_mut() = StatusCode::BAD_REQUEST;
    response
}

/// The bank's own look: not the portal's, so nobody mistakes one for the other.
fn bank_page(body: &str) -> Response {
    Html(format!(
        r#"<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Ngân hàng thử nghiệm — Cổng thanh toán</title>
<link rel="stylesheet" href="/sandbox-bank.css">
</head>
<body>
<header><p class="bank">NGÂN HÀNG THỬ NGHIỆM</p><p>Cổng thanh toán trực tuyến (môi trường thử nghiệm — không có tiền thật)</p></header>
<main>
<h1>Xác nhận thanh toán</h1>
{body}
</main>
</body>
</html>"#
    ))
    .into_response()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
