//! Pieces the catalogue pages are built from.

mod catalogue_filters;
mod level_badge;
mod pagination;
mod procedure_facts;
mod procedure_list;
mod search_form;

pub use catalogue_filters::CatalogueFilters;
pub use level_badge::LevelBadge;
pub use pagination::Pagination;
pub use procedure_facts::ProcedureFacts;
pub use procedure_list::ProcedureList;
pub use search_form::SearchForm;
