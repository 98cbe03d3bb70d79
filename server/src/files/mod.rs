//! Files: uploads for dossiers and their downloads. Content goes through
//! `object_store` (a local folder by default; the trait object lets an
//! S3-compatible store take its place by configuration) under generated
//! keys; the database keeps the owner, name, type, size and SHA-256.

pub(crate) mod download;
mod draft_upload;
pub mod kinds;
mod result_upload;
pub(crate) mod scripted_upload;
pub(crate) mod upload;
pub mod virus_scan;
mod wallet;

use crate::state::AppState;
use app::paths;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use object_store::local::LocalFileSystem;
use object_store::ObjectStore;
use std::path::Path;
use std::sync::Arc;

/// Where file contents live.
pub type FileStore = Arc<dyn ObjectStore>;

/// A fresh key for a file's content: the month, then 128 random bits —
/// never anything the user chose.
pub fn new_storage_key() -> String {
    use rand::RngCore;
    let mut random = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut random);
    format!(
        "files/{}/{}",
        chrono::Utc::now().format("%Y/%m"),
        random
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>()
    )
}

/// The store the configuration names: an S3-compatible bucket when
/// `MOTCUA_S3_BUCKET` is set, otherwise `data_dir/files`.
pub fn configured_store(config: &crate::config::Config) -> anyhow::Result<FileStore> {
    match &config.s3 {
        Some(s3) => {
            let mut builder = object_store::aws::AmazonS3Builder::new()
                .with_bucket_name(&s3.bucket)
                .with_region(&s3.region);
            if let (Some(key), Some(secret)) = (&s3.access_key_id, &s3.secret_access_key) {
                builder = builder
                    .with_access_key_id(key)
                    .with_secret_access_key(secrecy::ExposeSecret::expose_secret(secret));
            }
            if let Some(endpoint) = &s3.endpoint {
                builder = builder
                    .with_endpoint(endpoint)
                    .with_allow_http(endpoint.starts_with("http://"))
                    // Path-style addressing: what MinIO, Ceph and moto expect.
                    .with_virtual_hosted_style_request(false);
            }
            Ok(Arc::new(builder.build()?))
        }
        None => local_store(&config.data_dir.join("files")),
    }
}

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
            paths::DRAFT_UPLOAD,
            post(upload::upload)
                .layer(DefaultBodyLimit::disable())
                .layer(middleware::from_fn(
                    scripted_upload::answer_scripts_with_location,
                )),
        )
        .route(
            paths::SUPPLEMENT_UPLOAD,
            post(upload::upload_supplement)
                .layer(DefaultBodyLimit::disable())
                .layer(middleware::from_fn(
                    scripted_upload::answer_scripts_with_location,
                )),
        )
        .route(paths::DRAFT_FROM_WALLET, post(wallet::attach_from_wallet))
        .route(
            paths::OFFICE_RESULT_UPLOAD,
            post(result_upload::upload_result)
                .layer(DefaultBodyLimit::disable())
                .layer(middleware::from_fn(
                    scripted_upload::answer_scripts_with_location,
                )),
        )
        .route(paths::FILE_DOWNLOAD, get(download::download))
        .route(paths::FILE_VIEW, get(download::view))
}
