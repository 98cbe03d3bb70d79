use crate::dossiers::DossierStatus;
use serde::{Deserialize, Serialize};

/// One line of `/ho-so`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierRow {
    pub code: Option<String>,
    pub procedure_code: String,
    pub procedure_name: String,
    pub status: DossierStatus,
    /// `dd/mm/yyyy`.
    pub submitted_on: Option<String>,
    pub due_on: Option<String>,
}

/// One page of `/ho-so`, filtered by state or not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyDossiers {
    pub rows: Vec<DossierRow>,
    /// How many dossiers match the filter, on every page.
    pub total: i64,
    /// The page shown, from 1.
    pub page: i64,
    /// The state filtered on, if any.
    pub status: Option<DossierStatus>,
}

/// Dossiers per page of `/ho-so`.
pub const MY_DOSSIERS_PAGE_SIZE: i64 = 20;

/// One state change, as the timeline shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// Its id: a notice slip the step issued is printed from it.
    pub id: i64,
    /// What was done (none for the submission itself).
    pub action: Option<crate::dossiers::Action>,
    /// `dd/mm/yyyy HH:MM`, Vietnam time.
    pub at: String,
    pub status: DossierStatus,
    pub note: Option<String>,
    /// Who signed the slip the step issued, when it is signed.
    pub signed_by: Option<String>,
}

/// A dossier as its applicant sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierDetail {
    pub code: String,
    pub pin: String,
    pub procedure_name: String,
    pub agency_name: String,
    pub status: DossierStatus,
    pub submitted_at: Option<String>,
    pub due_on: Option<String>,
    /// Label and answer, in the form's order.
    pub answers: Vec<(String, String)>,
    pub history: Vec<HistoryEntry>,
    /// The version the applicant saw, sent back with their supplement.
    pub version: i32,
    /// While awaiting a supplement: what the officer asked for.
    pub supplement_request: Option<String>,
    /// Once returned: the result document.
    pub result: Option<crate::filing::AttachedFile>,
    /// Who signed the result, when it is signed.
    pub result_signed_by: Option<String>,
    /// The documents and their files: listed on the page, and while awaiting
    /// a supplement, offered to add what is missing.
    pub documents: Vec<crate::filing::DocumentSlot>,
    /// What it owes and where the payment stands; `None` when it owes nothing.
    pub fees: Option<crate::fees::view::FeeView>,
    /// The result was handed over in person; the file is its electronic copy.
    pub handed_over_at_counter: bool,
    /// The applicant's satisfaction rating, once given.
    pub rating: Option<crate::ratings::Rating>,
    /// Which officials opened it, and when.
    pub reads: Vec<crate::dossiers::reads::DossierRead>,
}

/// What anyone with the code and PIN may see: no personal data.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublicDossier {
    pub code: String,
    pub procedure_name: String,
    pub agency_name: String,
    /// The state's code (`submitted`, `received`, …).
    pub status: String,
    /// The state as citizens read it.
    pub status_label: String,
    pub submitted_at: Option<String>,
    pub due_on: Option<String>,
    /// `[at, status label]`, oldest first.
    pub history: Vec<(String, String)>,
}
