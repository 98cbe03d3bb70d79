//! Files: uploads for dossiers and their downloads. Content goes through
//! `object_store` (a local folder by default; the trait object lets an
//! S3-compatible store take its place by configuration) under generated
//! keys; the database keeps the owner, name, type, size and SHA-256.

mod download;
pub mod kinds;
mod upload;
mod wallet;

use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use object_store::local::LocalFileSystem;
use object_store::ObjectStore;
use std::path::Path;
use std::sync::Arc;

/// Where file contents live.
pub type FileStore = Arc<dyn ObjectStore>;

/// A store in a local folder (created if missing).
pub fn local_store(folder: &Path) -> anyhow::Result<FileStore> {
    std::fs::create_dir_all(folder)?;
    Ok(Arc::new(LocalFileSystem::new_with_prefix(folder)?))
}

pub fn router() -> Router<AppState> {
    Router::new()
        // Limits are enforced while streaming (per file and per dossier), so
        // the framework's whole-body limit steps aside on this route only.
        .route(
            "/nop-ho-so/{code}/giay-to",
            post(upload::upload).layer(DefaultBodyLimit::disable()),
        )
        .route(
            "/nop-ho-so/{code}/giay-to/tu-kho",
            post(wallet::attach_from_wallet),
        )
        .route("/tep/{id}", get(download::download))
}
