//! E-forms (tờ khai điện tử): each procedure version's form is data — a
//! [`FormDefinition`] stored with the version — and one validator,
//! [`validate`], checks answers in the browser (as the citizen types) and on
//! the server (the authority), with the same messages in Vietnamese and
//! English.
//!
//! Answers are a flat map from field name to the text typed or chosen
//! ([`Answers`]); a checkbox answers `"on"`.

mod definition;
mod validation;

pub use definition::{
    Choice, Condition, Field, FieldKind, FormDefinition, Localised, Prefill, Section,
};
pub use validation::{validate, Answers, ValidationContext};
