//! A paged form (`paged: true`): one question page per section, in the
//! order its routes lead, then the filing's own part (office, documents,
//! fees, declaration) and the check page. Without JavaScript each page
//! posts, the server keeps its answers in the draft and works out the next
//! page from all the answers so far; nothing here depends on the browser.

use super::logic::evaluate;
use super::{Answers, Field, FormDefinition};
use chrono::NaiveDate;

/// The address key of the filing's own part, after the question pages.
pub const FINAL_PART: &str = "ho-so";

/// Whether `key` is an answer of `field` (its own, or an address part, a
/// range part, a group item's).
pub fn owns(field: &Field, key: &str) -> bool {
    key == field.name
        || key
            .strip_prefix(field.name.as_str())
            .is_some_and(|rest| rest.starts_with('.'))
}

impl FormDefinition {
    /// Whether the section `index` is a question page: a regular section
    /// asking something besides the declaration.
    pub fn is_question_page(&self, index: usize) -> bool {
        self.sections.get(index).is_some_and(|section| {
            !section.exit
                && section
                    .fields
                    .iter()
                    .any(|field| !field.declaration && field.kind.asks())
        })
    }

    /// The question pages the answers lead through, in order.
    pub fn question_route(&self, answers: &Answers, today: NaiveDate) -> Vec<usize> {
        evaluate(self, answers, today)
            .pages
            .into_iter()
            .filter(|&page| self.is_question_page(page))
            .collect()
    }

    /// The question page a key is answered on.
    pub fn page_of(&self, key: &str) -> Option<usize> {
        self.sections.iter().position(|section| {
            section
                .fields
                .iter()
                .any(|field| !field.declaration && owns(field, key))
        })
    }
}

/// Whether `key` is answered on the question page `page`, or with `None`
/// on the filing's own part (whose only answers are the declaration's).
pub fn asked_on(form: &FormDefinition, page: Option<usize>, key: &str) -> bool {
    match page {
        Some(index) => form.sections.get(index).is_some_and(|section| {
            section
                .fields
                .iter()
                .any(|field| !field.declaration && owns(field, key))
        }),
        None => form
            .fields()
            .any(|field| field.declaration && owns(field, key)),
    }
}

/// The draft's answers with those of one page replaced by what it posted:
/// the question page `page`, or with `None` the filing's own part (whose
/// only answers are the declaration's). Keys of other pages are kept as
/// stored, whatever the post says.
pub fn merge_page(
    form: &FormDefinition,
    stored: &Answers,
    posted: &Answers,
    page: Option<usize>,
) -> Answers {
    let on_page = |key: &str| asked_on(form, page, key);
    let mut merged: Answers = stored
        .iter()
        .filter(|(key, _)| !on_page(key))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    merged.extend(
        posted
            .iter()
            .filter(|(key, _)| on_page(key))
            .map(|(key, value)| (key.clone(), value.clone())),
    );
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form() -> FormDefinition {
        let text = |name: &str| json!({ "name": name, "label": { "vi": name, "en": name }, "type": "text" });
        serde_json::from_value(json!({ "paged": true, "sections": [
            { "key": "who", "title": { "vi": "Ai", "en": "Who" }, "fields": [ text("kind") ],
              "rules": [ { "when": { "field": "kind", "value": "company" },
                           "then": [ { "action": "skip_to", "page": "company" } ] } ] },
            { "key": "person", "title": { "vi": "Cá nhân", "en": "Person" }, "fields": [ text("person_name") ] },
            { "key": "company", "title": { "vi": "Doanh nghiệp", "en": "Company" }, "fields": [ text("company_name") ] },
            { "key": "oath", "title": { "vi": "Cam đoan", "en": "Declaration" }, "fields": [
                { "name": "oath", "label": { "vi": "Cam đoan", "en": "Oath" }, "type": "checkbox", "declaration": true } ] }
        ] }))
        .unwrap()
    }

    use crate::eforms::answers_from as answers;

    #[test]
    fn a_page_replaces_only_its_own_answers() {
        let stored = answers(&[("kind", "person"), ("person_name", "An"), ("oath", "on")]);
        let posted = answers(&[("person_name", "Bình"), ("kind", "forged")]);
        let merged = merge_page(&form(), &stored, &posted, Some(1));
        assert_eq!(
            merged,
            answers(&[("kind", "person"), ("person_name", "Bình"), ("oath", "on")])
        );
        let emptied = merge_page(&form(), &stored, &Answers::new(), Some(1));
        assert!(
            !emptied.contains_key("person_name"),
            "a field emptied on its page is emptied"
        );
        let last = merge_page(&form(), &stored, &Answers::new(), None);
        assert!(!last.contains_key("oath") && last.contains_key("person_name"));
    }

    #[test]
    fn the_route_skips_pages_and_leaves_out_the_declaration() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let form = form();
        assert_eq!(
            form.question_route(&answers(&[("kind", "person")]), today),
            vec![0, 1, 2]
        );
        assert_eq!(
            form.question_route(&answers(&[("kind", "company")]), today),
            vec![0, 2]
        );
        assert_eq!(form.page_of("company_name"), Some(2));
        assert_eq!(
            form.page_of("oath"),
            None,
            "the declaration is the filing's own"
        );
    }
}
