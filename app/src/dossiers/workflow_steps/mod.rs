//! Quy trình nội bộ: the steps a procedure's dossiers take through the back
//! office, who takes each and how long each may take. The steps are data
//! per procedure version (`workflow_steps`); the states and who may act in
//! them stay the one machine of [`super::workflow`], so a step names a stage
//! of that machine and one of the roles the machine lets act there.
//!
//! Here, in plain Rust: which step a history entry belongs to, and each
//! hand-over timed against its step's budget (slip 06, the dossier page).
//! A step's clock starts when the step is entered, stops while the dossier
//! waits for the applicant's supplement, and resumes with the time it had
//! left.

mod stage;
mod step;
mod timing;

pub use stage::Stage;
pub use step::{check, WorkflowProblem, WorkflowStep};
pub use timing::{time_steps, HandOver, OpenStep, StepTimeline, Timed};

#[cfg(test)]
mod tests;
