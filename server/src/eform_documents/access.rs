//! Which form a request is about, locked, and whether the asker designs
//! it: a form designer or administrator whose reach takes in the form's
//! agency (the province for its own forms). Someone else's form answers
//! as a missing one.

use crate::access::extractors::SignedIn;
use crate::errors::{HandlerError, HandlerResult};
use app::access::Permission;
use app::administration::calendar::province_id;
use sqlx::{PgConnection, PgPool};

/// A form being changed, its row locked for the transaction.
pub struct Designed {
    pub id: i64,
    pub code: String,
    pub standard: bool,
    pub designer: i64,
}

/// Locks the form `code` if `user` designs it.
pub async fn lock(
    tx: &mut PgConnection,
    user: &SignedIn,
    code: &str,
) -> HandlerResult<Option<Designed>> {
    let Some(form) = sqlx::query!(
        "SELECT id, code, agency_id, standard FROM forms WHERE code = $1 FOR UPDATE",
        code
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    // Asked on the transaction's own connection: waiting for a second one
    // while holding the lock would starve the pool when many publish at once.
    let agency_id = match form.agency_id {
        Some(id) => id,
        None => {
            sqlx::query_scalar!(
                "SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY id LIMIT 1"
            )
            .fetch_one(&mut *tx)
            .await?
        }
    };
    if !app::access::permits(&user.0, Permission::DesignFormsOf { agency_id }) {
        return Ok(None);
    }
    Ok(Some(Designed {
        id: form.id,
        code: form.code,
        standard: form.standard,
        designer: user.0.id,
    }))
}

/// Whether `user` designs the forms of `agency_id` (`None`: the province's).
pub async fn designs(
    pool: &PgPool,
    user: &SignedIn,
    agency_id: Option<i64>,
) -> HandlerResult<bool> {
    let agency_id = match agency_id {
        Some(id) => id,
        None => province_id(pool).await.map_err(HandlerError::from)?,
    };
    Ok(app::access::permits(
        &user.0,
        Permission::DesignFormsOf { agency_id },
    ))
}
