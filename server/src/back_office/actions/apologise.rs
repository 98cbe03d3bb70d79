//! Xin lỗi và hẹn lại (slip 04): `action=extend&new_due=<day>` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer or a leader of the dossier's agency. When:
//! accepted and not yet returned; the state does not change. Rule: a
//! written reason, and a new working day after the appointment in force.
//! Effect: the appointment moves; the legal one stays, so statistics still
//! count the dossier late against the first date.

use super::core::{Halt, Step};
use super::Outcome;
use app::deadlines;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    let current = step.change.due_at;
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
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure, reason) = (&about.code, &about.procedure, step.reason());
    let due = about.due_on.clone().unwrap_or_default();
    let title = format!("Xin lỗi: hồ sơ {code} được hẹn lại ngày trả kết quả");
    let body = format!(
        "Hồ sơ “{procedure}” không thể trả kết quả đúng hẹn. Lý do: {reason}\nChúng tôi xin lỗi vì sự chậm trễ này. Ngày hẹn trả kết quả mới: {due}. Văn bản xin lỗi có trong trang hồ sơ."
    );
    step.tell_applicant(&about, title, body).await
}
