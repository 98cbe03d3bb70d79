//! Trả lại chuyên viên: `action=send_back` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a leader of the dossier's agency. When: awaiting approval →
//! processing, with the same specialist. Rule: a written reason, for the
//! specialist. The proposed result stays, to be proposed again or replaced.

use super::core::{Halt, Step};

pub(super) async fn effect(_step: &mut Step<'_>) -> Result<(), Halt> {
    Ok(())
}
