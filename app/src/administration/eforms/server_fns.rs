//! Loading the builder's pages. Who may: a form designer or administrator
//! whose reach takes in the form's agency (the province for its own).

use super::{FormBuilder, FormPreview, FormsAdmin};
use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "admin/forms")]
pub async fn load_forms_admin() -> Result<FormsAdmin, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let rows = store::forms(&pool, &user).await?;
    let owners = store::owners(&pool, &user).await?;
    if owners.is_empty() {
        return Err(refused(AppError::Forbidden));
    }
    Ok(FormsAdmin { rows, owners })
}

#[server(endpoint = "admin/form")]
pub async fn load_form_builder(code: String) -> Result<FormBuilder, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::use_lang();
    store::builder(&pool, &user, &code, lang)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

#[server(endpoint = "admin/form-preview")]
pub async fn load_form_preview(
    code: String,
    version: Option<i32>,
    phone: bool,
) -> Result<FormPreview, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    store::preview(&pool, &user, &code, version, phone)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

/// The error, with its status on the response.
#[cfg(feature = "ssr")]
fn refused(error: AppError) -> AppError {
    crate::http_status::set_status(error.status());
    error
}

#[cfg(feature = "ssr")]
pub mod store;
