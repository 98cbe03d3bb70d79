//! Loading the sectors' administration page. Changes are plain POSTs
//! (`server/src/administration/sectors.rs`).

use super::SectorsAdmin;
use crate::error::AppError;
use leptos::prelude::*;

/// Every sector with its number of procedures; whether the viewer may edit.
#[server(endpoint = "admin/sectors")]
pub async fn load_sectors_admin() -> Result<SectorsAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let mut rows = store::sectors(&pool).await?;
    crate::collation::sort_vietnamese(&mut rows, |row| &row.name);
    Ok(SectorsAdmin {
        rows,
        may_edit: permits(&admin, Permission::ManageCatalogue { province_id }),
    })
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::SectorRow;
    use crate::error::AppResult;
    use sqlx::PgPool;

    pub async fn sectors(pool: &PgPool) -> AppResult<Vec<SectorRow>> {
        Ok(sqlx::query_as!(
            SectorRow,
            r#"SELECT s.code, s.name, coalesce(s.name_en, '') AS "name_en!",
                      (SELECT count(*) FROM procedures p WHERE p.sector_id = s.id) AS "procedures!"
               FROM sectors s"#
        )
        .fetch_all(pool)
        .await?)
    }
}
