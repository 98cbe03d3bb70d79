//! The check page before submission ("Kiểm tra hồ sơ trước khi nộp", the
//! GOV.UK "check your answers" pattern) at `/nop-ho-so/{code}/kiem-tra`:
//! the office, the answers, the documents, the exact fee and the
//! appointment as they would be if the dossier were accepted now, each with
//! "Thay đổi" back to its place on the filing page, and "Nộp hồ sơ", which
//! posts to the same address. [`store::readiness`] is the one judgement of
//! whether a draft can be submitted, used by this page, by the filing
//! page's "Tiếp tục" and by the submission itself.

pub mod page;
#[cfg(feature = "ssr")]
pub mod store;

use super::model::{DocumentSlot, ProcedureSummary};
use crate::catalogue::model::AgencyRef;
use crate::error::AppError;
use crate::fees::{Assessment, PaymentDue};
use crate::forms::FieldError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Everything the check page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckView {
    pub procedure: ProcedureSummary,
    /// The office chosen; `None` until the citizen chooses one.
    pub office: Option<AgencyRef>,
    pub answers: Vec<AnswerRow>,
    pub documents: Vec<DocumentSlot>,
    /// What the dossier will be billed, and when it is due; `None` when the
    /// procedure charges nothing.
    pub fees: Option<(Assessment, PaymentDue)>,
    /// The appointment if the dossier were accepted now, `dd/mm/yyyy`.
    pub appointment: String,
    /// What stops submission; empty when the dossier can be submitted.
    pub problems: Vec<FieldError>,
    /// A paged form's page of each problem's field, by the problem's order
    /// (`None`: the filing's own part), so its link opens that page.
    pub problem_pages: Vec<Option<String>>,
    /// A paged form's own part (office, documents, fees): `?trang=ho-so`.
    pub own_part: Option<String>,
}

/// One answer, and the id of its field on the filing page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerRow {
    pub anchor: String,
    /// A paged form's page the answer is given on (its key).
    pub page: Option<String>,
    pub label: String,
    pub value: String,
}

impl CheckView {
    /// The total the page shows, which "Nộp hồ sơ" posts back so that the
    /// dossier is never billed an amount the citizen was not shown.
    pub fn fee_total(&self) -> i64 {
        self.fees
            .as_ref()
            .map_or(0, |(assessment, _)| assessment.total.0)
    }
}

/// The check page of the signed-in citizen's draft of procedure `code`;
/// `NotFound` when there is no such procedure or no draft of it.
#[server(endpoint = "filing/check-page")]
pub async fn load_check(code: String) -> Result<CheckView, AppError> {
    use crate::access::{require, Permission};
    let citizen = require(Permission::FileDossier)?;
    let pool = crate::database::pool()?;
    let clock = crate::clock::current()?;
    let lang = crate::i18n::current_lang();
    store::check_view(&pool, &clock, lang, citizen.id, code.trim())
        .await?
        .ok_or(AppError::NotFound)
}
