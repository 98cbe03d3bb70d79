//! The one fee computation of a filing: what the filing page estimates,
//! what the check page ("Kiểm tra hồ sơ") shows and what the dossier is
//! billed at submission all come from [`filing_fee`] on the same answers.

use super::{assess, Assessment, FeeSchedule};
use crate::eforms::{evaluate, Answers, FormDefinition};
use chrono::NaiveDate;

/// What `answers` to `form` owe under `schedule` on `today`. Answers left
/// behind in fields the form no longer asks (a number of copies asked only
/// for one kind of certificate) do not count, as the validator drops them
/// from the answers the dossier keeps, and values the form computes do;
/// numbers are read as the validator reads them.
pub fn filing_fee(
    schedule: &FeeSchedule,
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Assessment {
    assess(schedule, &evaluate(form, answers, today).effective(answers))
}

#[cfg(test)]
mod tests;
