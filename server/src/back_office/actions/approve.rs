//! Phê duyệt: `action=approve` on `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a leader of the dossier's agency. When: awaiting approval → result
//! ready. Effect: the drafted result is issued (numbered in the agency's
//! register of results, signed); the applicant is told the result is
//! ready; reception returns it ([`super::return_result`]).

use super::core::{Halt, Step};
use crate::back_office::results::issue_result;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    let dossier = (step.dossier.id, step.dossier.result_file_id);
    if let Some(issued) = issue_result(step.state, step.tx, dossier.0, dossier.1).await? {
        step.change.result_file = Some(issued);
    }
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure) = (&about.code, &about.procedure);
    let title = format!("Hồ sơ {code} đã có kết quả");
    let body = format!(
        "Hồ sơ “{procedure}” đã có kết quả giải quyết. Bộ phận một cửa sẽ trả kết quả cho bạn."
    );
    step.tell_applicant(&about, title, body).await
}
