//! Rút hồ sơ: the applicant's `POST /ho-so/{code}/rut`
//! (`crate::dossiers::withdrawal`, which reads the version to act on).
//!
//! Who: the applicant. When: submitted (before acceptance) → withdrawn,
//! final. Effect: a fee already paid is owed back, open payment attempts
//! are given up. Nobody is told: the applicant did it themself.

use super::core::{Halt, Step};

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    step.give_up_payments().await?;
    Ok(())
}
