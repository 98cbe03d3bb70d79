mod dossier_page;
mod inbox_page;
mod register_form;

pub use dossier_page::OfficeDossierPage;
pub use inbox_page::InboxPage;
