//! `GET /tai-khoan/du-lieu.pdf`: the same data as the JSON download, as a
//! document a person can read and print (Law 91/2025/QH15: data provided
//! in a form the subject can use). Every part of the export, in the same
//! order, each row on its own lines as "field: value"; the Vietnamese
//! font is embedded, so the text is searchable and copyable.

use super::personal_data::everything_about;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::documents::layout::{Document, DocumentError, Style};
use crate::errors::HandlerResult;
use crate::forms::Asker;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use chrono::NaiveDate;
use serde_json::{json, Value};

/// The export's parts as the document heads them.
const PARTS: [(&str, &str); 17] = [
    ("account", "Tài khoản"),
    ("roles", "Vai trò"),
    ("dossiers", "Hồ sơ"),
    ("dossier_history", "Quá trình xử lý hồ sơ"),
    ("files", "Giấy tờ đã tải lên"),
    ("payments", "Thanh toán"),
    ("dossier_ratings", "Đánh giá hồ sơ"),
    ("questions", "Câu hỏi gửi cơ quan"),
    ("field_reports", "Phản ánh hiện trường"),
    ("followed_reports", "Phản ánh đang theo dõi"),
    ("field_report_ratings", "Đánh giá phản ánh"),
    ("notifications", "Thông báo"),
    ("sessions", "Phiên đăng nhập"),
    (
        "privacy_consents",
        "Sự đồng ý với thông báo xử lý dữ liệu cá nhân",
    ),
    ("identity_links", "Liên kết tài khoản định danh điện tử"),
    ("audit_log", "Nhật ký thao tác và lần cán bộ mở hồ sơ"),
    ("exported_at", "Thời điểm xuất"),
];

pub async fn download(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
) -> HandlerResult {
    let export = everything_about(&state.pool, user.id).await?;
    let today = state.clock.today_in_vietnam();
    let pdf = render(&export, &user.full_name, today)?;
    audit::record(
        &state.pool,
        Some(user.id),
        AuditAction::PersonalDataExported,
        json!({ "format": "pdf" }),
        asker.ip,
    )
    .await?;
    let name = format!("du-lieu-ca-nhan-{}.pdf", today.format("%Y%m%d"));
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}

fn render(export: &Value, full_name: &str, today: NaiveDate) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Dữ liệu cá nhân", today);
    doc.text("DỮ LIỆU CÁ NHÂN LƯU TẠI CỔNG DỊCH VỤ CÔNG", Style::TITLE);
    doc.gap(2.0);
    doc.text(&format!("Của: {full_name}"), Style::BODY.bold());
    doc.text(
        &format!("Ngày xuất: {}", today.format("%d/%m/%Y")),
        Style::BODY,
    );
    doc.text(
        "Bản này gồm cùng dữ liệu như tệp JSON tải về cùng trang, theo Luật Bảo vệ dữ liệu cá nhân (Luật số 91/2025/QH15).",
        Style::NOTE,
    );
    for (key, heading) in PARTS {
        doc.gap(3.0);
        doc.text(heading, Style::HEADING);
        match &export[key] {
            Value::Array(rows) if rows.is_empty() => doc.text("Không có.", Style::BODY),
            Value::Array(rows) => {
                for (number, row) in rows.iter().enumerate() {
                    doc.text(&format!("{}. {}", number + 1, readable(row)), Style::BODY);
                }
            }
            other => doc.text(&readable(other), Style::BODY),
        }
    }
    doc.finish()
}

/// A row as "field: value; field: value" (the database's field names, in
/// alphabetical order), empty fields left out.
fn readable(value: &Value) -> String {
    match value {
        Value::Object(fields) => fields
            .iter()
            .filter(|(_, value)| !value.is_null())
            .map(|(name, value)| format!("{name}: {}", readable(value)))
            .collect::<Vec<_>>()
            .join("; "),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_as_its_fields_in_order_without_the_empty_ones() {
        let row = json!({ "code": "000.01.40.H34-261207-0001", "status": "received", "paused_at": null, "fee_total": 0 });
        assert_eq!(
            readable(&row),
            "code: 000.01.40.H34-261207-0001; fee_total: 0; status: received"
        );
    }
}
