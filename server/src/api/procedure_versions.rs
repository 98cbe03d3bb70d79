//! `GET /api/v1/procedures/{code}/versions`: every published version of a
//! procedure with the days it is (or was, or will be) in force, so another
//! system keeping a copy of the catalogue knows which rules applied when.
//! Drafts are nobody's business outside the catalogue's keepers.

use super::error::{ApiError, ApiErrorBody};
use crate::state::AppState;
use app::error::AppError;
use axum::extract::{Path, State};
use axum::Json;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProcedureVersions {
    pub procedure_code: String,
    /// Oldest first.
    pub versions: Vec<ProcedureVersionSummary>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProcedureVersionSummary {
    pub version: i32,
    pub name: String,
    /// First day in force (`YYYY-MM-DD`, Vietnam).
    pub effective_from: String,
    /// The day the next version took or takes over (`YYYY-MM-DD`), if any.
    pub effective_until: Option<String>,
    /// When it was published (RFC 3339).
    pub published_at: String,
    /// `in_force` (today's rules), `scheduled` (in force from a later day)
    /// or `superseded`.
    #[schema(pattern = "^(in_force|scheduled|superseded)$")]
    pub state: &'static str,
}

/// Which versions of a list ordered by (effective_from, version) are
/// scheduled, in force and superseded on `today`: the last to have begun
/// is in force, those after it are scheduled, those before superseded.
fn states(effective: &[NaiveDate], today: NaiveDate) -> Vec<&'static str> {
    let in_force = effective.iter().rposition(|from| *from <= today);
    (0..effective.len())
        .map(|index| match in_force {
            Some(current) if index == current => "in_force",
            Some(current) if index < current => "superseded",
            _ => "scheduled",
        })
        .collect()
}

#[utoipa::path(
    get,
    path = "/api/v1/procedures/{code}/versions",
    params(("code" = String, Path, description = "National procedure code, e.g. 1.001193")),
    responses(
        (status = 200, description = "The published versions, oldest first", body = ProcedureVersions),
        (status = 400, description = "The address carries a NUL byte", body = ApiErrorBody),
        (status = 404, description = "No procedure with a published version has this code", body = ApiErrorBody),
    ),
    tag = "catalogue"
)]
pub async fn list_versions(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> Result<Json<ProcedureVersions>, ApiError> {
    let code = code.trim();
    let rows = sqlx::query!(
        r#"SELECT v.version, v.name, v.effective_from AS "effective_from!: NaiveDate",
                  v.published_at AS "published_at!: chrono::DateTime<chrono::Utc>"
           FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
           WHERE p.code = $1 AND v.published_at IS NOT NULL
           ORDER BY v.effective_from, v.version"#,
        code
    )
    .fetch_all(&state.pool)
    .await?;
    if rows.is_empty() {
        return Err(ApiError(AppError::NotFound));
    }
    let effective: Vec<NaiveDate> = rows.iter().map(|row| row.effective_from).collect();
    let states = states(&effective, state.clock.today_in_vietnam());
    let versions = rows
        .iter()
        .enumerate()
        .map(|(index, row)| ProcedureVersionSummary {
            version: row.version,
            name: row.name.clone(),
            effective_from: row.effective_from.to_string(),
            effective_until: effective.get(index + 1).map(NaiveDate::to_string),
            published_at: row.published_at.to_rfc3339(),
            state: states[index],
        })
        .collect();
    Ok(Json(ProcedureVersions {
        procedure_code: code.to_string(),
        versions,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn the_last_version_begun_is_in_force_those_before_superseded_those_after_scheduled() {
        let effective = [day("2025-01-01"), day("2026-07-01"), day("2027-01-01")];
        assert_eq!(
            states(&effective, day("2026-12-07")),
            ["superseded", "in_force", "scheduled"]
        );
        assert_eq!(
            states(&effective, day("2027-01-01")),
            ["superseded", "superseded", "in_force"],
            "in force from its first day"
        );
        assert_eq!(
            states(&effective, day("2024-12-31")),
            ["scheduled", "scheduled", "scheduled"]
        );
    }

    #[test]
    fn of_two_versions_from_the_same_day_the_later_one_holds() {
        let effective = [day("2026-01-01"), day("2026-01-01")];
        assert_eq!(
            states(&effective, day("2026-06-01")),
            ["superseded", "in_force"]
        );
    }
}
