//! Which form a request is about, locked, and whether the asker designs
//! it: a form designer or administrator whose reach takes in the form's
//! agency (the province for its own forms; the rule is
//! `app::administration::eforms::server_fns::store::may_design`). Someone
//! else's form answers as a missing one.

use crate::access::extractors::SignedIn;
use crate::errors::HandlerResult;
use crate::state::AppState;
use app::administration::eforms::server_fns::store::may_design;
use sqlx::PgConnection;

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
    if !may_design(&mut *tx, &user.0, form.agency_id).await? {
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
    state: &AppState,
    user: &SignedIn,
    agency_id: Option<i64>,
) -> HandlerResult<bool> {
    Ok(may_design(&state.pool, &user.0, agency_id).await?)
}

/// The definition of form `code` the asker designs: its draft (or, without
/// one, its live version), or with `version` that published version.
pub async fn definition(
    state: &AppState,
    user: &SignedIn,
    code: &str,
    version: Option<i32>,
) -> HandlerResult<Option<serde_json::Value>> {
    let row = sqlx::query!(
        r#"SELECT f.agency_id,
                  CASE WHEN $2::int IS NULL
                       THEN coalesce(f.draft, (SELECT definition FROM form_versions l WHERE l.form_id = f.id
                                               ORDER BY number DESC LIMIT 1))
                       ELSE (SELECT definition FROM form_versions v WHERE v.form_id = f.id AND v.number = $2)
                  END AS definition
           FROM forms f WHERE f.code = $1"#,
        code,
        version,
    )
    .fetch_optional(&state.pool)
    .await?;
    match row {
        Some(row) if designs(state, user, row.agency_id).await? => Ok(row.definition),
        _ => Ok(None),
    }
}
