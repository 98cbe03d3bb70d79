//! Phân công xử lý: `action=assign&assignee=<user id>` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer or a leader of the agency whose step the
//! dossier is at (the receiving agency, or the one taking its processing
//! step: liên thông). When: received or processing (again, to another
//! specialist) → processing. Rule: a specialist is chosen (nobody is by
//! default), and is an enabled specialist of that agency.
//! Nobody outside the back office is told; the inbox shows it.

use super::core::{Halt, Step};
use super::Outcome;
use app::access::Role;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    let Some(assignee) = step.request.assignee_id else {
        return Err(Outcome::NoAssigneeChosen.into());
    };
    let is_specialist = sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM user_roles r JOIN users u ON u.id = r.user_id
           WHERE r.user_id = $1 AND r.role = $3 AND u.agency_id = $2 AND u.disabled_at IS NULL) AS "is!""#,
        assignee,
        step.dossier.handling_agency_id,
        Role::Specialist as Role,
    )
    .fetch_one(&mut *step.tx)
    .await?;
    if !is_specialist {
        return Err(Outcome::NotASpecialistHere.into());
    }
    step.change.assignee_id = Some(assignee);
    Ok(())
}
