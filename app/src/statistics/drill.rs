//! The dossiers behind a number of Biểu 06 (`/thong-ke/ho-so?…&linh-vuc=`
//! for a sector's row, `&don-vi=` for an agency's): the same
//! classification the report counts with (`bieu06_dossiers` in the
//! database), so the list has exactly as many lines as the number said.
//! Each code opens the dossier in the back office, which checks on its own
//! whether the manager may see it.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Lines per page.
pub const PAGE_SIZE: i64 = 50;

/// The codes `bieu06_dossiers` classifies with (migration 28).
mod class {
    pub const CARRIED_OVER: i16 = 0;
    pub const NEW_ONLINE: i16 = 1;
    pub const NEW_COUNTER: i16 = 2;
    /// Refused or withdrawn before acceptance: never received.
    pub const NOT_ACCEPTED: i16 = 3;
    pub const EARLY: i16 = 0;
    pub const ON_TIME: i16 = 1;
    pub const LATE: i16 = 2;
    pub const WITHIN: i16 = 3;
    pub const OVERDUE: i16 = 4;
    pub const REFUSED: i16 = 5;
    pub const WITHDRAWN: i16 = 6;
    pub const STOPPED: i16 = 7;
}

/// A column of the report that has a list behind it, as its URL names it,
/// and the intakes and outcomes it gathers (empty: any).
pub fn column_classes(key: &str) -> Option<(&'static [i16], &'static [i16])> {
    use class::*;
    const ANY: &[i16] = &[];
    Some(match key {
        "received" => (&[CARRIED_OVER, NEW_ONLINE, NEW_COUNTER], ANY),
        "carried_over" => (&[CARRIED_OVER], ANY),
        "new_online" => (&[NEW_ONLINE], ANY),
        "new_counter" => (&[NEW_COUNTER], ANY),
        "resolved" => (ANY, &[EARLY, ON_TIME, LATE]),
        "early" => (ANY, &[EARLY]),
        "on_time" => (ANY, &[ON_TIME]),
        "late" => (ANY, &[LATE]),
        "pending" => (ANY, &[WITHIN, OVERDUE]),
        "within" => (ANY, &[WITHIN]),
        "overdue" => (ANY, &[OVERDUE]),
        "refused" => (&[NOT_ACCEPTED], &[REFUSED]),
        "withdrawn" => (&[NOT_ACCEPTED], &[WITHDRAWN]),
        "stopped" => (ANY, &[STOPPED]),
        _ => return None,
    })
}

/// The keys of [`super::bieu06::Bieu06Row::counts`], in its order; the
/// last (supplements requested) counts events, not dossiers in play, and
/// has no list.
pub const COUNT_KEYS: [Option<&str>; 15] = [
    Some("received"),
    Some("carried_over"),
    Some("new_online"),
    Some("new_counter"),
    Some("resolved"),
    Some("early"),
    Some("on_time"),
    Some("late"),
    Some("pending"),
    Some("within"),
    Some("overdue"),
    Some("refused"),
    Some("withdrawn"),
    Some("stopped"),
    None,
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillRow {
    pub code: String,
    pub procedure: String,
    pub agency: String,
    /// `dd/mm/yyyy`.
    pub submitted_on: String,
    pub legal_due_on: Option<String>,
    pub resolved_on: Option<String>,
    pub status: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DrillView {
    /// The report's period and agency, as the page shows them.
    pub from: String,
    pub to: String,
    pub agency_name: String,
    /// The sector or agency of the report's row; empty for the totals.
    pub row_name: String,
    pub column: String,
    pub rows: Vec<DrillRow>,
    pub total: i64,
    pub page: i64,
    /// Back to the report, with its query.
    pub report_link: String,
    /// This list's query without the page, for the page links.
    pub list_link: String,
}

/// The dossiers behind one number of the signed-in manager's report.
#[server(endpoint = "statistics/dossiers")]
pub async fn load_drill(
    from: Option<String>,
    to: Option<String>,
    agency: Option<String>,
    sector: Option<String>,
    unit: Option<String>,
    column: Option<String>,
    page: Option<i64>,
) -> Result<DrillView, AppError> {
    use crate::access::{require, Permission, Role};
    let user = require(Permission::EnterBackOffice)?;
    let column = column.unwrap_or_default();
    let (intakes, outcomes) = column_classes(&column).ok_or(AppError::NotFound)?;
    let scope = user.agencies_for(Role::Manager).to_vec();
    if scope.is_empty() {
        return Err(AppError::Forbidden);
    }
    let lang = crate::i18n::current_lang();
    let today = crate::clock::current()?.today_in_vietnam();
    let (period, _) = super::period::Period::asked(from.as_deref(), to.as_deref(), today, lang);
    let pool = crate::database::pool()?;
    // The agency asked for when in scope, as the report does.
    let agency_code = match agency.filter(|code| !code.is_empty()) {
        Some(code) => code,
        None => sqlx::query_scalar!("SELECT code FROM agencies WHERE id = $1", user.agency_id)
            .fetch_optional(&pool)
            .await?
            .ok_or(AppError::Forbidden)?,
    };
    let (agency_name, ids) = super::store::subtree_in_scope(&pool, &scope, &agency_code)
        .await?
        .ok_or(AppError::Forbidden)?;
    let sector = sector.filter(|code| !code.is_empty());
    let unit = unit.filter(|code| !code.is_empty());
    let page = page.unwrap_or(1).max(1);
    let (rows, total, row_name) = store::dossiers(
        &pool,
        &ids,
        period,
        (sector.as_deref(), unit.as_deref()),
        (intakes, outcomes),
        page,
        lang,
    )
    .await?;
    let query = format!(
        "tu={}&den={}&co-quan={}",
        period.from, period.to, agency_code
    );
    Ok(DrillView {
        from: period.from.format("%d/%m/%Y").to_string(),
        to: period.to.format("%d/%m/%Y").to_string(),
        agency_name,
        row_name,
        column: column.clone(),
        rows,
        total,
        page,
        report_link: format!("{}?{query}", crate::paths::STATISTICS),
        list_link: format!(
            "{}?{query}&linh-vuc={}&don-vi={}&cot={column}",
            crate::paths::STATISTICS_DOSSIERS,
            sector.unwrap_or_default(),
            unit.unwrap_or_default()
        ),
    })
}

#[cfg(feature = "ssr")]
mod store {
    use super::{DrillRow, PAGE_SIZE};
    use crate::dossiers::DossierStatus;
    use crate::error::AppResult;
    use crate::i18n::Lang;
    use crate::statistics::period::Period;
    use sqlx::PgPool;

    /// A page of the dossiers in `classes` of one sector or one agency (a
    /// report row) or all, oldest first, their count, and the row's name.
    pub async fn dossiers(
        pool: &PgPool,
        agencies: &[i64],
        period: Period,
        (sector, unit): (Option<&str>, Option<&str>),
        (intakes, outcomes): (&[i16], &[i16]),
        page: i64,
        lang: Lang,
    ) -> AppResult<(Vec<DrillRow>, i64, String)> {
        let rows = sqlx::query!(
            r#"SELECT d.code AS "code!", v.name AS procedure, a.name AS agency,
                      to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "submitted_on!",
                      to_char(d.legal_due_at, 'DD/MM/YYYY') AS legal_due_on,
                      to_char(d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS resolved_on,
                      d.status, count(*) OVER () AS "total!"
               FROM bieu06_dossiers($1, $2::date, $3::date) b
               JOIN dossiers d ON d.id = b.dossier_id
               JOIN procedure_versions v ON v.id = d.procedure_version_id
               JOIN procedures p ON p.id = v.procedure_id
               JOIN sectors s ON s.id = p.sector_id
               JOIN agencies a ON a.id = d.agency_id
               WHERE ($4::text IS NULL OR s.code = $4)
                 AND ($9::text IS NULL OR a.code = $9)
                 AND (cardinality($5::smallint[]) = 0 OR b.intake = ANY($5))
                 AND (cardinality($6::smallint[]) = 0 OR b.outcome = ANY($6))
               ORDER BY d.submitted_at, d.id
               LIMIT $7 OFFSET $8"#,
            agencies,
            period.from as _,
            period.to as _,
            sector,
            intakes,
            outcomes,
            PAGE_SIZE,
            (page - 1) * PAGE_SIZE,
            unit,
        )
        .fetch_all(pool)
        .await?;
        let total = rows.first().map(|row| row.total).unwrap_or(0);
        let row_name = match (sector, unit) {
            (Some(code), _) => {
                sqlx::query_scalar!("SELECT name FROM sectors WHERE code = $1", code)
                    .fetch_optional(pool)
                    .await?
                    .unwrap_or_default()
            }
            (None, Some(code)) => {
                sqlx::query_scalar!("SELECT name FROM agencies WHERE code = $1", code)
                    .fetch_optional(pool)
                    .await?
                    .unwrap_or_default()
            }
            (None, None) => String::new(),
        };
        let rows = rows
            .into_iter()
            .map(|row| DrillRow {
                code: row.code,
                procedure: row.procedure,
                agency: row.agency,
                submitted_on: row.submitted_on,
                legal_due_on: row.legal_due_on,
                resolved_on: row.resolved_on,
                status: DossierStatus::parse(&row.status)
                    .map(|status| status.label(lang).to_string())
                    .unwrap_or(row.status),
            })
            .collect();
        Ok((rows, total, row_name))
    }
}
