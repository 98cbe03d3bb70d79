use crate::catalogue::model::AgencyRef;
use crate::eforms::{Answers, FormDefinition};
use serde::{Deserialize, Serialize};

/// The procedure being filed, as the filing page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub code: String,
    pub name: String,
    pub version_id: i64,
    /// Where the dossier can be filed (the agencies implementing it).
    pub agencies: Vec<AgencyRef>,
}

/// Everything the filing page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingView {
    pub procedure: ProcedureSummary,
    pub form: FormDefinition,
    /// The draft's answers, or the profile's prefill for a new one.
    pub answers: Answers,
    /// The agency chosen in the draft, if any.
    pub agency_code: Option<String>,
    /// When the draft was last saved (`dd/mm/yyyy HH:MM`), if there is one.
    pub draft_saved_at: Option<String>,
}
