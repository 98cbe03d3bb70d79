//! The database handle the server gives every request (server only).

use crate::error::{AppError, AppResult};
use leptos::prelude::use_context;
use sqlx::PgPool;

/// The connection pool the server provided for this request.
pub fn pool() -> AppResult<PgPool> {
    use_context::<PgPool>().ok_or_else(|| {
        tracing::error!("no database pool in the request context");
        AppError::Internal
    })
}
