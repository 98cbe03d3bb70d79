//! Yêu cầu bổ sung (slip 02): `action=request_supplement` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer before processing, or the assigned specialist;
//! a leader of the dossier's agency too. When: submitted, received or
//! processing → awaiting supplement, which remembers where to come back to.
//! Rule: a written reason. The agency guides the applicant once and
//! completely ("hướng dẫn một lần, đầy đủ", docs/legal-basis.md): a second
//! request on the same dossier is the leader's own decision, and is
//! counted on the dossier (`repeat_supplement_requests`) for the officials'
//! page and the statistics. Effect: the clock stops (`paused_at`) and the
//! officer who asked is remembered, to be told when the supplement comes
//! ([`super::supplement`]).

use super::core::{Halt, Step};
use super::Outcome;
use app::access::Role;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    // The pause itself is written with the state: every move into
    // "awaiting supplement" stops the clock.
    let earlier = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM dossier_history
           WHERE dossier_id = $1 AND to_status = 'awaiting_supplement'"#,
        step.dossier.id
    )
    .fetch_one(&mut *step.tx)
    .await?;
    if earlier == 0 {
        return Ok(());
    }
    if !step
        .request
        .by
        .has_role_in(Role::Leader, step.dossier.agency_id)
    {
        return Err(Outcome::RepeatSupplementNeedsLeader.into());
    }
    sqlx::query!(
        "UPDATE dossiers SET repeat_supplement_requests = repeat_supplement_requests + 1 WHERE id = $1",
        step.dossier.id
    )
    .execute(&mut *step.tx)
    .await?;
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
