use crate::catalogue::model::{AgencyRef, FormTemplate};
use crate::counter::WalkInApplicant;
use crate::eforms::{Answers, FormDefinition, Place};
use crate::paths;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The procedure being filed, as the filing page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProcedureSummary {
    pub code: String,
    pub name: String,
    pub version_id: i64,
    /// Where the dossier can be filed (the agencies implementing it).
    pub agencies: Vec<AgencyRef>,
    /// Offered only partly online (Decree 42/2022): the originals still go
    /// to the counter when the result is collected.
    pub partly_online: bool,
    /// The form version citizens fill now (the live version of the
    /// procedure's form), which the dossier keeps.
    pub form_version_id: Option<i64>,
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
    /// The required documents (thành phần hồ sơ) with the files attached so far.
    pub documents: Vec<DocumentSlot>,
    /// The files held for the form's file questions.
    pub answer_files: Vec<AnswerFile>,
    /// The questions prefilled from a verified identity: read-only.
    pub verified_fields: Vec<String>,
    /// Files the citizen already holds (the document wallet), to attach again.
    pub wallet: Vec<AttachedFile>,
    /// What the address fields offer.
    pub places: AddressChoices,
    /// At the counter: the walk-in applicant the reception officer files
    /// for. `None` when citizens file for themselves.
    pub counter: Option<WalkInApplicant>,
    /// What the procedure charges, applied to the answers on the page as
    /// they change ([`crate::fees::filing_fee`]); `None` when it charges
    /// nothing.
    pub fee_schedule: Option<crate::fees::FeeSchedule>,
    /// The questions of the draft's older form version that the version in
    /// use no longer asks: their answers were dropped, and the page says so.
    pub dropped_answers: Vec<crate::eforms::Localised>,
    /// A paged form's question page shown (a section's index); `None`: the
    /// filing's own part (office, documents, fees, declaration), or a form
    /// on one page.
    pub page: Option<usize>,
    /// A paged form's question pages on the route the answers lead.
    pub route: Vec<usize>,
    /// The exit page the answers end at: the form cannot be filed.
    pub exit: Option<usize>,
    /// The day in Vietnam by the server's clock: the form's rules on ages
    /// and dates read it, in the browser too.
    pub today: chrono::NaiveDate,
}

impl FilingView {
    /// Where the page's forms post: the citizen's own filing, or the
    /// counter's filing for one applicant.
    pub fn base_path(&self) -> String {
        filing_path(
            &self.procedure.code,
            self.counter.as_ref().map(|applicant| applicant.id),
        )
    }

    /// The address of a paged form's question page `index`, or of the
    /// filing's own part.
    pub fn page_path(&self, index: Option<usize>) -> String {
        form_page_path(&self.base_path(), &self.form, index)
    }
}

/// The filing page of `procedure` for the signed-in citizen, or at the
/// counter for `applicant`.
pub fn filing_path(procedure: &str, applicant: Option<i64>) -> String {
    match applicant {
        Some(applicant) => paths::counter_file(applicant, procedure),
        None => paths::file_dossier(procedure),
    }
}

/// A paged form's question page `index` on the filing page at `base`, or
/// the filing's own part (`?trang=ho-so`).
pub fn form_page_path(
    base: &str,
    form: &crate::eforms::FormDefinition,
    index: Option<usize>,
) -> String {
    let key = match index {
        Some(index) => form.sections[index].key(index),
        None => crate::eforms::pages::FINAL_PART.to_string(),
    };
    format!("{base}?trang={key}")
}

/// The id of a required document's slot on the filing page, which uploads
/// come back to: `tai-lieu-<slot>`.
pub fn document_anchor(slot: i64) -> String {
    format!("tai-lieu-{slot}")
}

/// The provinces, and the communes of each province already chosen in the
/// answers (the browser fetches others as the citizen changes province).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressChoices {
    pub provinces: Vec<Place>,
    pub communes: BTreeMap<String, Vec<Place>>,
}

/// A file held for one of the form's file questions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerFile {
    /// The question's key.
    pub field: String,
    pub file: AttachedFile,
}

/// One required document of the procedure and the files attached to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSlot {
    pub id: i64,
    pub name: String,
    pub originals: i32,
    pub copies: i32,
    pub mandatory: bool,
    /// `upload`, `eform` (the e-form stands for it) or `present` (shown in person).
    pub provision: String,
    pub files: Vec<AttachedFile>,
    /// Needed only when an authorised person files (the văn bản ủy quyền).
    pub when_represented: bool,
    /// Its blank form, offered beside the slot to fill in and upload.
    pub template: Option<FormTemplate>,
}

impl DocumentSlot {
    /// Whether submission must wait for a file in this slot, for a dossier
    /// filed by an authorised person (`represented`) or by the applicant.
    pub fn needs_upload(&self, represented: bool) -> bool {
        self.mandatory
            && (represented || !self.when_represented)
            && self.provision == "upload"
            && self.files.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachedFile {
    pub id: i64,
    pub name: String,
    /// `1,2 MB`.
    pub size: String,
}
