//! Trình phê duyệt: `action=propose` on `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: the specialist the dossier is assigned to. When: processing →
//! awaiting approval. Effect: the result document is drafted from the
//! answers (dự thảo: numbered and signed only at approval), unless the specialist attached their own
//! (`POST /can-bo/ho-so/{code}/ket-qua`) or an earlier proposal's stands,
//! sent back for another look. The leader sees it in the inbox.

use super::core::{Halt, Step};
use crate::back_office::results::draft_result;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    if step.dossier.result_file_id.is_none() {
        let drafted = draft_result(step.state, step.tx, step.dossier.id).await?;
        step.change.result_file = Some(drafted);
    }
    Ok(())
}
