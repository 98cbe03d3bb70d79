//! The one fee computation of a filing: what the filing page estimates,
//! what the check page ("Kiểm tra hồ sơ") shows and what the dossier is
//! billed at submission all come from [`filing_fee`] on the same answers.

use super::{assess, Assessment, FeeSchedule};
use crate::eforms::{is_visible, Answers, FormDefinition};

/// What `answers` to `form` owe under `schedule`. Answers left behind in
/// fields the form no longer shows (a number of copies asked only for one
/// kind of certificate) do not count, as the validator drops them from the
/// answers the dossier keeps; numbers are read as the validator reads them.
pub fn filing_fee(schedule: &FeeSchedule, form: &FormDefinition, answers: &Answers) -> Assessment {
    let counted: Answers = answers
        .iter()
        .filter(|(key, _)| {
            let name = key.split('.').next().unwrap_or(key);
            form.field(name)
                .is_none_or(|field| is_visible(field, answers))
        })
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    assess(schedule, &counted)
}

#[cfg(test)]
mod tests;
