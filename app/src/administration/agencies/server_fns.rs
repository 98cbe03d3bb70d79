//! Loading the agencies' administration pages. Changes are plain POSTs
//! (`server/src/administration/agencies.rs`).

use super::{AgenciesAdmin, AgencyAdmin};
use crate::error::AppError;
use leptos::prelude::*;

/// The agencies of the province, as a tree; whether the viewer may edit.
#[server(endpoint = "admin/agencies")]
pub async fn load_agencies_admin() -> Result<AgenciesAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    Ok(AgenciesAdmin {
        rows: store::agencies(&pool).await?,
        may_edit: permits(&admin, Permission::ManageCatalogue { province_id }),
    })
}

/// One agency with its contact data and office hours.
#[server(endpoint = "admin/agency")]
pub async fn load_agency_admin(code: String) -> Result<AgencyAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let mut view = store::agency(&pool, &code)
        .await?
        .ok_or(AppError::NotFound)?;
    view.may_edit = permits(&admin, Permission::ManageCatalogue { province_id });
    Ok(view)
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::{AgencyAdmin, AgencyFields, AgencyRow, ScheduledChange};
    use crate::error::AppResult;
    use sqlx::{PgExecutor, PgPool};

    pub async fn agencies(pool: &PgPool) -> AppResult<Vec<AgencyRow>> {
        // Depth-first: each agency under its parent, by kind then name.
        Ok(sqlx::query_as!(
            AgencyRow,
            r#"WITH RECURSIVE tree AS (
                   SELECT id, code, name, kind, 0 AS depth, ARRAY[name] AS path, office_hours, phone, merged_into
                   FROM agencies WHERE parent_id IS NULL
                   UNION ALL
                   SELECT a.id, a.code, a.name, a.kind, t.depth + 1, t.path || (a.kind || a.name), a.office_hours, a.phone,
                          a.merged_into
                   FROM agencies a JOIN tree t ON a.parent_id = t.id)
               SELECT code AS "code!", name AS "name!", kind AS "kind!", depth AS "depth!",
                      array_to_string(office_hours, ', ') AS "office_hours!", coalesce(phone, '') AS "phone!",
                      merged_into IS NOT NULL AS "merged!"
               FROM tree ORDER BY path"#
        )
        .fetch_all(pool)
        .await?)
    }

    /// An agency's editable fields, read through `executor` (the handler's
    /// transaction, for the audit's "before").
    pub async fn fields<'c>(
        executor: impl PgExecutor<'c>,
        code: &str,
    ) -> AppResult<Option<(String, Option<String>, AgencyFields)>> {
        Ok(sqlx::query!(
            r#"SELECT a.kind, p.name AS "parent?", a.name, coalesce(a.name_en, '') AS "name_en!",
                      coalesce(a.address, '') AS "address!", coalesce(a.phone, '') AS "phone!",
                      coalesce(a.email, '') AS "email!", array_to_string(a.office_hours, ', ') AS "office_hours!"
               FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.code = $1"#,
            code
        )
        .fetch_optional(executor)
        .await?
        .map(|row| {
            (
                row.kind,
                row.parent,
                AgencyFields {
                    name: row.name,
                    name_en: row.name_en,
                    address: row.address,
                    phone: row.phone,
                    email: row.email,
                    office_hours: row.office_hours,
                },
            )
        }))
    }

    pub async fn agency(pool: &PgPool, code: &str) -> AppResult<Option<AgencyAdmin>> {
        let Some((kind, parent, fields)) = fields(pool, code).await? else {
            return Ok(None);
        };
        let merged_into = sqlx::query!(
            r#"SELECT s.name, to_char(a.merged_on, 'DD/MM/YYYY') AS "day!"
               FROM agencies a JOIN agencies s ON s.id = a.merged_into WHERE a.code = $1"#,
            code
        )
        .fetch_optional(pool)
        .await?
        .map(|row| (row.name, row.day));
        let successors = sqlx::query!(
            "SELECT s.code, s.name FROM agencies s JOIN agencies a ON a.code = $1
             WHERE s.kind = a.kind AND s.id <> a.id AND s.merged_into IS NULL ORDER BY s.name",
            code
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| (row.code, row.name))
        .collect();
        let scheduled = sqlx::query!(
            r#"SELECT c.id, c.name, s.name AS "successor?", to_char(c.effective_on, 'DD/MM/YYYY') AS "day!"
               FROM agency_changes c JOIN agencies a ON a.id = c.agency_id
               LEFT JOIN agencies s ON s.id = c.successor_id
               WHERE a.code = $1 AND c.outcome IS NULL ORDER BY c.effective_on, c.id"#,
            code
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| ScheduledChange {
            id: row.id,
            rename_to: row.name,
            merge_into: row.successor,
            day: row.day,
        })
        .collect();
        Ok(Some(AgencyAdmin {
            code: code.to_string(),
            kind,
            parent,
            fields,
            may_edit: false,
            merged_into,
            successors,
            scheduled,
        }))
    }
}
