mod action_form;
mod dossier_page;
mod draft_result;
mod due_tag;
mod fee_desk;
mod inbox_page;
mod register_form;
mod workflow_steps;

pub use dossier_page::OfficeDossierPage;
pub use inbox_page::InboxPage;
