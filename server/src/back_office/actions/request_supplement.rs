//! Yêu cầu bổ sung (slip 02): `action=request_supplement` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer before processing, or the assigned specialist.
//! When: submitted, received or processing → awaiting supplement, which
//! remembers where to come back to. Rule: a written reason. Effect: the
//! clock stops (`paused_at`) and the officer who asked is remembered, to be
//! told when the supplement comes ([`super::supplement`]).

use super::core::{Halt, Step};

pub(super) async fn effect(_step: &mut Step<'_>) -> Result<(), Halt> {
    // The pause itself is written with the state: every move into
    // "awaiting supplement" stops the clock.
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure, reason) = (&about.code, &about.procedure, step.reason());
    let title = format!("Hồ sơ {code} cần bổ sung");
    let body = format!(
        "Hồ sơ “{procedure}” cần bổ sung, hoàn thiện: {reason}\nThời hạn giải quyết tạm dừng cho đến khi bạn gửi bổ sung."
    );
    step.tell_applicant(&about, title, body).await
}
