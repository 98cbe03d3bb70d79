//! What the form builder checks before a form may be saved and published:
//! a document the portal can evaluate and a citizen can fill.

pub mod outline;
mod problems;
pub mod rule_editing;
pub mod rule_words;

pub use problems::{check_design, DesignProblem};

/// Where a form stands, as GOV.UK Forms names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FormState {
    /// Never published.
    Draft,
    /// Published, no draft in progress.
    Live,
    /// Published, with a draft of the next version.
    LiveWithDraft,
    /// Withdrawn: no new procedure version may use it.
    Archived,
}

impl FormState {
    pub fn of(published: bool, has_draft: bool, archived: bool) -> Self {
        match (archived, published, has_draft) {
            (true, _, _) => FormState::Archived,
            (false, false, _) => FormState::Draft,
            (false, true, false) => FormState::Live,
            (false, true, true) => FormState::LiveWithDraft,
        }
    }
}

#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod tests;
