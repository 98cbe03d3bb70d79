//! Loading an import's page (`/quan-tri/nhap-thu-tuc/{id}`).

use super::CatalogueImportView;
use crate::error::AppError;
use leptos::prelude::*;

/// An import: its file, status and errors per row, or its drafts.
#[server(endpoint = "admin/catalogue-import")]
pub async fn load_catalogue_import(id: i64) -> Result<CatalogueImportView, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let may_edit = permits(&admin, Permission::ManageCatalogue { province_id });
    let import = sqlx::query!(
        r#"SELECT i.file_name, i.status, i.procedures, i.errors, i.author_id, a.full_name AS author
           FROM catalogue_imports i JOIN users a ON a.id = i.author_id WHERE i.id = $1"#,
        id
    )
    .fetch_optional(&pool)
    .await?
    .ok_or(AppError::NotFound)?;
    // The first 500 of a large import; the rest are on the procedures list.
    let drafts = sqlx::query!(
        r#"SELECT p.code, v.name FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
           WHERE v.import_id = $1 ORDER BY p.code LIMIT 500"#,
        id
    )
    .fetch_all(&pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let errors: Vec<super::RowError> = serde_json::from_value(import.errors).unwrap_or_default();
    let pending = import.status == "draft";
    Ok(CatalogueImportView {
        id,
        file_name: import.file_name,
        status: import.status,
        author: import.author,
        procedures: import.procedures,
        errors,
        drafts,
        may_publish: may_edit && pending && import.author_id != admin.id,
        may_discard: may_edit && pending,
        own: import.author_id == admin.id,
    })
}
