//! Officers at the one-stop desk: `POST /can-bo/ho-so/{code}/thu-phi`
//! records a fee paid in cash or by card at the counter (with the number
//! of the paper receipt they wrote), and `POST …/hoan-phi` records that a
//! refund owed after a refusal or a stop was paid back. Reception officers
//! of the dossier's agency only.

use super::receipts::next_receipt_number;
use super::settle;
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::{Role, SignedInUser};
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::money::Vnd;
use app::paths;
use axum::extract::{Path, State};
use tower_sessions::Session;

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "record_counter_payment"))]
pub async fn record_payment(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let back = paths::office_dossier(&code);
    let method = form.get("method");
    let paper_receipt = app::text::normalize(form.get("counter_receipt").trim());
    let words = words(asker.lang);
    if !["cash", "card"].contains(&method.as_str()) || paper_receipt.is_empty() {
        feedback::notice(&session, NoticeTone::Error, words.payment_details_missing).await;
        return Ok(see_other(&back));
    }
    let outcome = async {
        let mut tx = state.pool.begin().await?;
        let Some(dossier) = dossier_for(&mut tx, &user, &code).await? else {
            return Ok::<_, anyhow::Error>(Err(words.not_allowed));
        };
        let open = app::dossiers::DossierStatus::parse(&dossier.status).is_some_and(|s| s.is_open());
        if dossier.fee_total == 0 || !open {
            return Ok(Err(words.nothing_to_collect));
        }
        let now = state.clock.now();
        let year = chrono::Datelike::year(&state.clock.today_in_vietnam());
        let receipt = next_receipt_number(&mut tx, dossier.agency_id, year).await?;
        // The partial unique index allows one settled payment per dossier:
        // a second officer recording the same fee is refused, not doubled.
        let inserted = sqlx::query!(
            "INSERT INTO payments (reference, dossier_id, gateway, method, amount_vnd, status, expires_at,
                                   settled_at, receipt_number, recorded_by, counter_receipt)
             SELECT 'QUAY-' || $2::text, $1, 'counter', $3, $4, 'paid', $7, $7, $2, $5, $6
             WHERE NOT EXISTS (SELECT 1 FROM payments WHERE dossier_id = $1
                               AND status IN ('paid', 'refund_due', 'refunded'))",
            dossier.id,
            receipt,
            method,
            dossier.fee_total,
            user.id,
            paper_receipt,
            now as _
        )
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Ok(Err(words.already_paid));
        }
        // Attempts still open online are given up: the fee is paid.
        sqlx::query!(
            "UPDATE payments SET status = 'expired' WHERE dossier_id = $1 AND status = 'pending'",
            dossier.id
        )
        .execute(&mut *tx)
        .await?;
        settle::tell_applicant(&state, &mut tx, dossier.id, Vnd(dossier.fee_total), &receipt).await?;
        tx.commit().await?;
        Ok(Ok((words.payment_recorded)(&receipt)))
    }
    .await;
    answer(&session, outcome?, &back).await
}

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "record_refund"))]
pub async fn record_refund(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let back = paths::office_dossier(&code);
    let note = app::text::normalize(form.get("note").trim());
    let words = words(asker.lang);
    if note.is_empty() {
        feedback::notice(&session, NoticeTone::Error, words.refund_note_missing).await;
        return Ok(see_other(&back));
    }
    let outcome = async {
        let mut tx = state.pool.begin().await?;
        let Some(dossier) = dossier_for(&mut tx, &user, &code).await? else {
            return Ok::<_, anyhow::Error>(Err(words.not_allowed));
        };
        let refunded = sqlx::query!(
            "UPDATE payments SET status = 'refunded', refunded_at = $4, refunded_by = $2, refund_note = $3
             WHERE dossier_id = $1 AND status = 'refund_due'",
            dossier.id,
            user.id,
            note,
            state.clock.now() as _
        )
        .execute(&mut *tx)
        .await?;
        if refunded.rows_affected() == 0 {
            return Ok(Err(words.no_refund_due));
        }
        tx.commit().await?;
        Ok(Ok(words.refund_recorded.to_string()))
    }
    .await;
    answer(&session, outcome?, &back).await
}

struct Dossier {
    id: i64,
    agency_id: i64,
    status: String,
    fee_total: i64,
}

/// The dossier, locked, when `user` receives at its agency.
async fn dossier_for(
    tx: &mut sqlx::PgConnection,
    user: &SignedInUser,
    code: &str,
) -> sqlx::Result<Option<Dossier>> {
    let dossier = sqlx::query_as!(
        Dossier,
        "SELECT id, agency_id, status, fee_total FROM dossiers WHERE code = $1 FOR UPDATE",
        code
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(dossier.filter(|dossier| user.has_role_in(Role::Reception, dossier.agency_id)))
}

async fn answer(
    session: &Session,
    outcome: Result<String, &'static str>,
    back: &str,
) -> HandlerResult {
    match outcome {
        Ok(done) => feedback::notice(session, NoticeTone::Success, done).await,
        Err(refusal) => feedback::notice(session, NoticeTone::Error, refusal).await,
    }
    Ok(see_other(back))
}

struct Words {
    payment_details_missing: &'static str,
    not_allowed: &'static str,
    nothing_to_collect: &'static str,
    already_paid: &'static str,
    payment_recorded: fn(&str) -> String,
    refund_note_missing: &'static str,
    no_refund_due: &'static str,
    refund_recorded: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            payment_details_missing:
                "Chọn hình thức thu (tiền mặt hoặc thẻ) và nhập số biên lai giấy.",
            not_allowed: "Bạn không có quyền thu phí cho hồ sơ này.",
            nothing_to_collect: "Hồ sơ này không còn khoản phí nào để thu.",
            already_paid: "Hồ sơ này đã được thanh toán.",
            payment_recorded: |receipt| format!("Đã ghi nhận thu phí. Biên lai số {receipt}."),
            refund_note_missing: "Nhập cách thức hoàn trả (ví dụ: chuyển khoản ngày 05/12/2026).",
            no_refund_due: "Hồ sơ này không có khoản nào cần hoàn trả.",
            refund_recorded: "Đã ghi nhận hoàn trả phí, lệ phí.",
        },
        Lang::En => Words {
            payment_details_missing:
                "Choose how it was paid (cash or card) and enter the paper receipt's number.",
            not_allowed: "You may not collect fees for this dossier.",
            nothing_to_collect: "This dossier has no fee left to collect.",
            already_paid: "This dossier is already paid for.",
            payment_recorded: |receipt| format!("Payment recorded. Receipt number {receipt}."),
            refund_note_missing:
                "Enter how the money was paid back (for example: bank transfer on 05/12/2026).",
            no_refund_due: "Nothing is owed back on this dossier.",
            refund_recorded: "Refund recorded.",
        },
    }
}
