//! E-forms (tờ khai điện tử): each procedure version's form is data — a
//! [`FormDefinition`] stored with the version — and one validator,
//! [`validate`], checks answers in the browser (as the citizen types) and on
//! the server (the authority), with the same messages in Vietnamese and
//! English.
//!
//! Answers are a flat map from field name to the text typed or chosen
//! ([`Answers`]); a checkbox answers `"on"`; addresses and repeatable
//! groups answer under keys made from the field's name ([`keys`]).

mod definition;
pub mod design;
pub mod display;
pub mod keys;
pub mod logic;
pub mod pages;
pub mod places;
pub mod representation;
mod validation;

pub use definition::{
    Choice, Field, FieldKind, FileType, FormDefinition, Localised, Prefill, Section, TextPattern,
};
pub use logic::{evaluate, Condition, Evaluation};
pub use places::{Place, PlaceBook};
pub use validation::{validate, Answers, ValidationContext, SUBMISSION};

/// Answers from `(key, value)` pairs: how tests write them.
#[cfg(test)]
pub(crate) fn answers_from(pairs: &[(&str, &str)]) -> Answers {
    pairs
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect()
}
