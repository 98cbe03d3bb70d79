//! The logic of an e-form: conditions on answers, rules that show, hide,
//! require, set or compute fields, stop the submission or route through the
//! pages, per item inside repeating groups.
//!
//! One evaluator, [`evaluate`], pure and without the interface texts, so it
//! compiles into the browser bundle (the filing page's island shows and
//! hides questions with it as the citizen types) and runs on the server,
//! which is the authority: the validator asks only what it shows, requires
//! what it requires and keeps only the answers it keeps.

mod condition;
mod evaluation;
mod form;
mod reading;
mod rule;

pub use condition::{age_on, Comparison, Condition, Operator};
pub use evaluation::{evaluate, evaluate_logic, Evaluation};
pub use form::{LogicField, LogicForm, LogicGroup, LogicSection};
pub use reading::{read_date, read_number, write_number};
pub use rule::{Action, Expr, Rule};

#[cfg(test)]
mod tests;
