//! Từ chối tiếp nhận (slip 03): `action=refuse` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer of the dossier's agency. When: submitted, or
//! waiting for a supplement asked for before acceptance that never came →
//! refused, final. Rule: a written reason. Effect: a fee already paid is
//! owed back, open payment attempts are given up.

use super::core::{Halt, Step};

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    step.give_up_payments().await?;
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure, reason) = (&about.code, &about.procedure, step.reason());
    let title = format!("Hồ sơ {code} bị từ chối tiếp nhận");
    let body = format!("Hồ sơ “{procedure}” bị từ chối tiếp nhận. Lý do: {reason}");
    step.tell_applicant(&about, title, body).await
}
