mod dossier_page;
mod inbox_page;

pub use dossier_page::OfficeDossierPage;
pub use inbox_page::InboxPage;
