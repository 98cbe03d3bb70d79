//! Tiếp nhận: `action=accept` on `POST /can-bo/ho-so/{code}/thao-tac`, and
//! at once when a reception officer files at the counter.
//!
//! Who: a reception officer of the dossier's agency. When: submitted →
//! received. Effect: the clock starts — the appointment is counted from now
//! (after the cut-off, from the next working day) and is also the legal
//! one; the applicant is told the date.

use super::core::{Halt, Step};
use crate::dossiers::appointments::appointment_for;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    let appointment = appointment_for(step.tx, step.calendar, step.dossier.id, step.now).await?;
    step.change.legal_due_at = Some(appointment.due);
    step.change.due_at = Some(appointment.due);
    step.change.counted_from = Some(appointment.counted_from);
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure) = (&about.code, &about.procedure);
    let due = about.due_on.clone().unwrap_or_default();
    let title = format!("Hồ sơ {code} đã được tiếp nhận");
    let body = format!(
        "Hồ sơ “{procedure}” đã được bộ phận một cửa tiếp nhận. Ngày hẹn trả kết quả: {due}."
    );
    step.tell_applicant(&about, title, body).await
}
