mod dossier_page;
mod lookup_page;
mod my_dossiers_page;

pub use dossier_page::DossierPage;
pub use lookup_page::LookupPage;
pub use my_dossiers_page::MyDossiersPage;
