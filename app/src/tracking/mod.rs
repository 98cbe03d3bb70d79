//! Following dossiers: the citizen's list (`/ho-so`), one dossier
//! (`/ho-so/{code}`), and the public lookup by code and PIN (`/tra-cuu`).

pub mod holdings;
mod model;
pub mod pages;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;

pub use model::{
    DossierDetail, DossierRow, HistoryEntry, MyDossiers, PublicDossier, MY_DOSSIERS_PAGE_SIZE,
};
