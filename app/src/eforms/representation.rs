//! Filing for someone else (ủy quyền). A form that lets an authorised
//! person file asks who files in a field named [`FILED_BY`]; the answer
//! [`BY_REPRESENTATIVE`] shows the representative's questions (their
//! `visible_when` names that field) and makes the procedure's "only when
//! filed by a representative" documents — the văn bản ủy quyền — required.

use super::{Answers, FormDefinition};

/// The question "Ai nộp hồ sơ này?".
pub const FILED_BY: &str = "filed_by";
/// Its answer when an authorised person files.
pub const BY_REPRESENTATIVE: &str = "representative";
/// The questions slip 01 reads to say who filed for whom, and under which
/// authorisation.
pub const REPRESENTATIVE_NAME: &str = "representative_name";
pub const REPRESENTATIVE_CITIZEN_ID: &str = "representative_citizen_id";
pub const AUTHORISATION_REFERENCE: &str = "authorisation_reference";
pub const APPLICANT_NAME: &str = "applicant_name";

/// Whether these answers say an authorised person files the dossier.
pub fn filed_by_representative(answers: &Answers) -> bool {
    answers.get(FILED_BY).map(String::as_str) == Some(BY_REPRESENTATIVE)
}

impl FormDefinition {
    /// The form without its representative questions, for a procedure the
    /// applicant must file in person (Circular 04/2020/TT-BTP art. 3:
    /// marriage, parentage). A section left empty goes too.
    pub fn without_representative(mut self) -> Self {
        for section in &mut self.sections {
            section.fields.retain(|field| {
                field.name != FILED_BY
                    && field
                        .visible_when
                        .as_ref()
                        .is_none_or(|condition| !condition.fields().contains(&FILED_BY))
            });
        }
        self.sections.retain(|section| !section.fields.is_empty());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FormDefinition {
        serde_json::from_value(serde_json::json!({ "sections": [
            { "title": { "vi": "Người yêu cầu", "en": "Applicant" }, "fields": [
                { "name": "applicant_name", "label": { "vi": "Họ tên", "en": "Name" }, "type": "text" } ] },
            { "title": { "vi": "Người được ủy quyền", "en": "Representative" }, "fields": [
                { "name": "filed_by", "label": { "vi": "Ai nộp?", "en": "Who files?" }, "type": "radio",
                  "options": [ { "value": "applicant", "label": { "vi": "Tôi", "en": "Me" } },
                               { "value": "representative", "label": { "vi": "Người khác", "en": "Another" } } ] },
                { "name": "representative_name", "label": { "vi": "Họ tên", "en": "Name" }, "type": "text",
                  "visible_when": { "field": "filed_by", "equals": "representative" } } ] },
            { "title": { "vi": "Nội dung", "en": "Request" }, "fields": [
                { "name": "note", "label": { "vi": "Ghi chú", "en": "Note" }, "type": "text",
                  "visible_when": { "field": "applicant_name", "equals": "x" } } ] }
        ]}))
        .unwrap()
    }

    #[test]
    fn a_barred_procedure_asks_nothing_about_a_representative() {
        let form = form().without_representative();
        let names: Vec<&str> = form.fields().map(|field| field.name.as_str()).collect();
        assert_eq!(names, ["applicant_name", "note"]);
        assert_eq!(form.sections.len(), 2, "the emptied section is gone");
    }

    #[test]
    fn only_the_representative_answer_means_someone_else_files() {
        let mut answers = Answers::new();
        assert!(!filed_by_representative(&answers));
        answers.insert(FILED_BY.into(), "applicant".into());
        assert!(!filed_by_representative(&answers));
        answers.insert(FILED_BY.into(), BY_REPRESENTATIVE.into());
        assert!(filed_by_representative(&answers));
    }
}
