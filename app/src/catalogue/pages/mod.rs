//! The catalogue's pages: home, the searchable list, and one procedure.

mod catalogue_page;
mod home_page;
mod procedure_page;

pub use catalogue_page::CataloguePage;
pub use home_page::HomePage;
pub use procedure_page::ProcedurePage;
