//! Dừng giải quyết (slip 05): `action=stop` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer or a leader of the dossier's agency. When: an
//! accepted dossier, not yet finished → stopped, final (before acceptance
//! the unit refuses it with slip 03). Rule: a written reason. Effect: a fee
//! already paid is owed back, open payment attempts are given up.

use super::core::{Halt, Step};

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    step.give_up_payments().await?;
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure, reason) = (&about.code, &about.procedure, step.reason());
    let title = format!("Dừng giải quyết hồ sơ {code}");
    let body = format!("Hồ sơ “{procedure}” đã dừng giải quyết. Lý do: {reason}");
    step.tell_applicant(&about, title, body).await
}
