//! Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (slip 04,
//! Circular 03/2025): `action=extend&new_due=<day>` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a leader of the dossier's agency, the processing agency that signs
//! it. When: accepted and not yet returned, and at risk of being late —
//! due within [`APOLOGY_WINDOW_DAYS`] working days, or overdue (the slip
//! then says it is overdue); the state does not change. Rule: a written
//! reason for the delay, and a proposed new working day after the
//! appointment in force. Effect: the appointment in force moves; the legal
//! one never does, so statistics still count the dossier late against it.
//! Every apology is counted on the dossier: a second one is flagged.

use super::core::{Halt, Step};
use super::Outcome;
use app::deadlines;

/// A dossier is at risk of being late, and slip 04 may be issued, when its
/// appointment is at most this many working days away (or has passed).
pub(super) const APOLOGY_WINDOW_DAYS: u32 = 3;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    let current = step.change.due_at;
    let today = deadlines::vietnam_local(step.now).date();
    let at_risk_until = step
        .calendar
        .add_working_days(today, APOLOGY_WINDOW_DAYS)
        .and_time(step.calendar.end_of_day());
    if current.is_some_and(|current| current > at_risk_until) {
        return Err(Outcome::ApologyNotYetDue.into());
    }
    let new_day = step
        .request
        .new_due
        .as_deref()
        .and_then(deadlines::parse_day)
        .ok_or(Outcome::NewDateMissing)?;
    if current.is_some_and(|current| new_day <= current.date()) {
        return Err(Outcome::NewDateNotLater.into());
    }
    if !step.calendar.is_working_day(new_day) {
        return Err(Outcome::NewDateNotWorkingDay.into());
    }
    step.change.due_at = Some(new_day.and_time(step.calendar.end_of_day()));
    sqlx::query!(
        "UPDATE dossiers SET apologies = apologies + 1 WHERE id = $1",
        step.dossier.id
    )
    .execute(&mut *step.tx)
    .await?;
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure, reason) = (&about.code, &about.procedure, step.reason());
    let due = about.due_on.clone().unwrap_or_default();
    let title = format!("Xin lỗi: hồ sơ {code} được đề nghị gia hạn thời gian giải quyết");
    let body = format!(
        "Hồ sơ “{procedure}” không thể trả kết quả đúng hẹn. Lý do: {reason}\nChúng tôi xin lỗi vì sự chậm trễ này. Ngày hẹn trả kết quả mới: {due}. Văn bản xin lỗi có trong trang hồ sơ."
    );
    step.tell_applicant(&about, title, body).await
}
