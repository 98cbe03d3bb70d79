//! The one validator of e-form answers.

use super::definition::{Field, FieldKind, FormDefinition};
use super::keys;
use super::logic::{evaluate, Evaluation};
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

/// The key of the messages about the whole form: a rule that prevents the
/// submission, an exit page the answers lead to.
pub const SUBMISSION: &str = "submission";

/// Checks every field the form's logic asks (see [`evaluate`]); returns
/// the answers of those fields, normalised (NFC, trimmed), with the values
/// the rules set or compute, or every problem found. Answers to fields
/// not asked and to keys the form does not have are dropped, so a crafted
/// post cannot store anything the form did not ask for.
pub fn validate(
    form: &FormDefinition,
    answers: &Answers,
    context: ValidationContext,
) -> Result<Answers, Vec<FieldError>> {
    let evaluation = evaluate(form, answers, context.today);
    let answers = &evaluation.effective(answers);
    let mut checked = Checked {
        names: field_names(form, context.lang),
        evaluation: &evaluation,
        clean: Answers::new(),
        errors: Vec::new(),
    };
    for field in form.fields() {
        if evaluation.shows(&field.name) {
            checked.field(field, &Scope::Form, answers, context);
        }
    }
    for message in &evaluation.prevented {
        checked.errors.push(FieldError {
            field: SUBMISSION.into(),
            message: message.get(context.lang).to_string(),
        });
    }
    if let Some(exit) = evaluation.exit {
        checked.errors.push(FieldError {
            field: SUBMISSION.into(),
            message: form.sections[exit].title.get(context.lang).to_string(),
        });
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

mod checked;
mod formats;
mod range;
mod scope;
mod value;

use checked::Checked;
use scope::Scope;
use value::*;

#[cfg(test)]
mod tests;
