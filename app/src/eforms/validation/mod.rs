//! The one validator of e-form answers.

use super::definition::{Field, FieldKind, FormDefinition};
use super::keys;
use super::places::{written_address, PlaceBook};
use crate::accounts::identity::{CitizenId, EmailAddress, PhoneNumber};
use crate::forms::FieldError;
use crate::i18n::{EformTexts, Lang};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Field name → the text typed or the value chosen.
pub type Answers = BTreeMap<String, String>;

/// What validation needs besides the answers.
#[derive(Clone, Copy, Debug)]
pub struct ValidationContext<'a> {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The server's book of provinces and communes; the browser has none and
    /// checks only that each part of an address was chosen.
    pub places: Option<&'a PlaceBook>,
}

/// Checks every visible field; returns the answers of visible fields,
/// normalised (NFC, trimmed), or every problem found. Answers to hidden
/// fields and to keys the form does not have are dropped, so a crafted post
/// cannot store anything the form did not ask for.
pub fn validate(
    form: &FormDefinition,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Answers, Vec<FieldError>> {
    let mut checked = Checked {
        names: field_names(form, context.lang),
        ..Checked::default()
    };
    for field in form.fields() {
        if is_visible(field, answers) {
            checked.field(field, &Scope::Form, answers, context);
        }
    }
    if checked.errors.is_empty() {
        Ok(checked.clean)
    } else {
        Err(checked.errors)
    }
}

/// The name a message gives each field whose label another field of the
/// form shares ("Ngày, tháng, năm sinh" of the applicant and of the child):
/// the label with its section's title, so that a message read in the error
/// summary says which one it is about.
fn field_names(form: &FormDefinition, lang: Lang) -> BTreeMap<String, String> {
    let label = |field: &Field| field.label.get(lang).to_lowercase();
    let mut names = BTreeMap::new();
    for section in &form.sections {
        for field in &section.fields {
            let shared = form
                .fields()
                .filter(|other| label(other) == label(field))
                .count()
                > 1;
            if shared {
                let title = section.title.get(lang);
                names.insert(
                    field.name.clone(),
                    format!("{} ({title})", field.label.get(lang)),
                );
            }
        }
    }
    names
}

/// Whether a field is shown given the other answers.
pub fn is_visible(field: &Field, answers: &Answers) -> bool {
    field.visible_when.as_ref().is_none_or(|condition| {
        answers
            .get(&condition.field)
            .map(String::as_str)
            .unwrap_or("")
            == condition.equals
    })
}

mod checked;
mod scope;
mod value;

use checked::Checked;
use scope::Scope;
use value::*;

#[cfg(test)]
mod tests;
