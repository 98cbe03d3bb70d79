mod dossier_page;
mod lookup_page;
mod my_dossiers_page;
mod payments_page;
mod withdraw_page;

pub use dossier_page::DossierPage;
pub use lookup_page::LookupPage;
pub use my_dossiers_page::MyDossiersPage;
pub use payments_page::MyPaymentsPage;
pub use withdraw_page::WithdrawPage;
