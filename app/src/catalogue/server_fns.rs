//! Server functions the catalogue pages load their data with.

use super::model::{CatalogueFacets, ProcedureDetail, ProcedurePage};
use super::query::CatalogueQuery;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use {super::store, crate::database::pool};

/// Searches the catalogue.
#[server(endpoint = "catalogue/search")]
pub async fn search_procedures(query: CatalogueQuery) -> Result<ProcedurePage, AppError> {
    store::search(&pool()?, &query).await
}

/// The sectors and agencies the catalogue can be filtered by.
#[server(endpoint = "catalogue/facets")]
pub async fn load_catalogue_facets() -> Result<CatalogueFacets, AppError> {
    store::facets(&pool()?).await
}

/// One procedure as in force today; `None` when no procedure has this code.
#[server(endpoint = "catalogue/procedure")]
pub async fn load_procedure(code: String) -> Result<Option<ProcedureDetail>, AppError> {
    let now = crate::clock::current()?.now_in_vietnam();
    store::find_by_code(&pool()?, code.trim(), now).await
}
