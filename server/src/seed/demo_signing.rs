//! The demo's signing credentials: every agency and one-stop unit of the
//! demo province gets a certificate from the demo authority
//! (`documents/signing/demo_authority.rs`) the first time the demo starts,
//! so the slips and results it issues are signed as a configured province's
//! would be.

use crate::documents::signing::demo_authority::{self, Body};
use sqlx::PgPool;
use std::path::Path;

/// Credentials in `folder` for every body that has none yet.
pub async fn ensure(pool: &PgPool, folder: &Path, place: &str) -> anyhow::Result<()> {
    let bodies = sqlx::query!(
        r#"SELECT 'agency-' || code AS "signing_name!", name AS "name!" FROM agencies
           UNION ALL
           SELECT 'unit-' || key, name FROM one_stop_units"#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| Body {
        signing_name: row.signing_name,
        name: row.name,
    })
    .collect::<Vec<_>>();
    let folder = folder.to_owned();
    let place = place.to_string();
    tokio::task::spawn_blocking(move || demo_authority::ensure(&folder, &bodies, &place)).await?
}
