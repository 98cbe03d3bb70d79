//! Field reports on the operations view (`/thong-ke/dieu-hanh`): today's
//! new, resolved and overdue reports per handling agency and per category,
//! the open ones per commune, and over a period each agency's on-time rate
//! and average rating — on the page and as a workbook
//! (`/thong-ke/dieu-hanh/phan-anh.xlsx`). Counts only: nothing about who
//! reported.
//!
//! "Overdue" is open (with the coordinator or an agency, answer not yet
//! published) past its due time, an extension granted included; a report
//! is "on time" when the answer that was published was given by then.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Today's figures for one agency, category or commune (or all of them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportTally {
    pub name: String,
    pub new_today: i64,
    pub resolved_today: i64,
    pub open: i64,
    pub overdue: i64,
}

impl ReportTally {
    fn add(&mut self, other: &ReportTally) {
        self.new_today += other.new_today;
        self.resolved_today += other.resolved_today;
        self.open += other.open;
        self.overdue += other.overdue;
    }
}

/// How one agency handled reports over the period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgencyOutcome {
    pub agency: String,
    /// Answers published in the period.
    pub resolved: i64,
    /// Of those, answered by the due time.
    pub on_time: i64,
    /// Ratings given in the period to the agency's reports.
    pub ratings: i64,
    pub average_rating: Option<f64>,
}

impl AgencyOutcome {
    /// The on-time share in percent, when anything was resolved.
    pub fn on_time_percent(&self) -> Option<f64> {
        (self.resolved > 0).then(|| self.on_time as f64 * 100.0 / self.resolved as f64)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportOperations {
    /// `dd/mm/yyyy` (Vietnam time).
    pub today: String,
    pub total: ReportTally,
    pub by_agency: Vec<ReportTally>,
    pub by_category: Vec<ReportTally>,
    /// Open reports per commune (new and resolved today are not counted).
    pub by_commune: Vec<ReportTally>,
    /// The period of `outcomes`, as date inputs take it (`yyyy-mm-dd`).
    pub from_input: String,
    pub to_input: String,
    /// Why the period asked for was not used.
    pub period_problem: Option<String>,
    pub outcomes: Vec<AgencyOutcome>,
}

impl ReportOperations {
    /// "Từ ngày … đến ngày …": the outcomes' period as the page and the
    /// workbook caption it.
    pub fn period_caption(&self, texts: &crate::i18n::ReportOperationsTexts) -> String {
        let shown = |input: &str| {
            crate::deadlines::parse_day(input)
                .map(|day| day.format("%d/%m/%Y").to_string())
                .unwrap_or_default()
        };
        (texts.outcomes_caption)(&shown(&self.from_input), &shown(&self.to_input))
    }
}

/// Adds up rows that share a name, the most overdue first, then the most
/// open — where help is needed — and returns them with their total.
pub fn tally_by<'a>(
    rows: impl IntoIterator<Item = (String, &'a ReportTally)>,
) -> (Vec<ReportTally>, ReportTally) {
    let mut grouped: std::collections::BTreeMap<String, ReportTally> = Default::default();
    let mut total = ReportTally::default();
    for (name, row) in rows {
        total.add(row);
        grouped
            .entry(name.clone())
            .or_insert_with(|| ReportTally {
                name,
                ..ReportTally::default()
            })
            .add(row);
    }
    let mut tallies: Vec<ReportTally> = grouped.into_values().collect();
    tallies.sort_by(|a, b| {
        (b.overdue, b.open)
            .cmp(&(a.overdue, a.open))
            .then(a.name.cmp(&b.name))
    });
    (tallies, total)
}

/// The figures for the signed-in coordinator (every report), or a leader
/// or manager (the reports of their agencies); none for anyone else, whom
/// the page's dossier part already refuses. `from`/`to` choose the
/// outcomes' period (this month so far when absent).
#[server(endpoint = "field-reports/operations")]
pub async fn load_report_operations(
    from: Option<String>,
    to: Option<String>,
) -> Result<Option<ReportOperations>, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let now = crate::clock::current()?.now();
    let lang = crate::i18n::current_lang();
    match store::report_operations(&pool, &user, from.as_deref(), to.as_deref(), now, lang).await {
        Err(AppError::Forbidden) => Ok(None),
        figures => figures.map(Some),
    }
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::{tally_by, AgencyOutcome, ReportOperations, ReportTally};
    use crate::access::{permits, Permission, SignedInUser};
    use crate::deadlines::{vietnam_instant, vietnam_local};
    use crate::error::{AppError, AppResult};
    use crate::i18n::Lang;
    use crate::statistics::period::Period;
    use chrono::{DateTime, NaiveDate, Utc};
    use sqlx::PgPool;

    /// Whose reports a user watches: every one for the coordinator
    /// (`None`), else those of the agencies they manage or lead.
    pub fn scope(user: &SignedInUser) -> AppResult<Option<Vec<i64>>> {
        if permits(user, Permission::CoordinateFieldReports) {
            return Ok(None);
        }
        let agencies = user.overseen_agencies();
        if agencies.is_empty() || !user.is_official() {
            return Err(AppError::Forbidden);
        }
        Ok(Some(agencies))
    }

    /// The first instant of a Vietnam day.
    fn day_start(day: NaiveDate) -> DateTime<Utc> {
        vietnam_instant(day.and_hms_opt(0, 0, 0).unwrap_or_default())
    }

    pub async fn report_operations(
        pool: &PgPool,
        user: &SignedInUser,
        from: Option<&str>,
        to: Option<&str>,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> AppResult<ReportOperations> {
        let scope = scope(user)?;
        let t = &lang.texts().report_operations;
        let today = vietnam_local(now).date();
        let (period, period_problem) = Period::asked(from, to, today, lang);
        let open: Vec<String> = crate::field_reports::ReportStatus::ALL
            .into_iter()
            .filter(|status| status.is_open())
            .map(|status| status.as_str().to_string())
            .collect();
        let lang_code = if lang == Lang::En { "en" } else { "vi" };
        let cells = sqlx::query!(
            r#"SELECT a.name AS "agency?",
                      CASE WHEN $5 = 'en' THEN c.name_en ELSE c.name_vi END AS "category!",
                      count(*) FILTER (WHERE f.received_at >= $2) AS "new_today!",
                      count(*) FILTER (WHERE f.status = 'resolved' AND f.published_at >= $2) AS "resolved_today!",
                      count(*) FILTER (WHERE f.status = ANY($4)) AS "open!",
                      count(*) FILTER (WHERE f.status = ANY($4) AND f.due_at < $3) AS "overdue!"
               FROM field_reports f
               JOIN report_categories c ON c.id = f.category_id
               LEFT JOIN agencies a ON a.id = f.agency_id
               WHERE ($1::bigint[] IS NULL OR f.agency_id = ANY($1))
                 AND (f.status = ANY($4) OR f.received_at >= $2 OR f.published_at >= $2)
               GROUP BY 1, 2"#,
            scope.as_deref() as Option<&[i64]>,
            day_start(today) as _,
            now as _,
            &open,
            lang_code,
        )
        .fetch_all(pool)
        .await?;
        let cells: Vec<(String, String, ReportTally)> = cells
            .into_iter()
            .map(|row| {
                (
                    row.agency.unwrap_or_else(|| t.with_coordinator.to_string()),
                    row.category,
                    ReportTally {
                        name: String::new(),
                        new_today: row.new_today,
                        resolved_today: row.resolved_today,
                        open: row.open,
                        overdue: row.overdue,
                    },
                )
            })
            .collect();
        let (by_agency, total) =
            tally_by(cells.iter().map(|(agency, _, row)| (agency.clone(), row)));
        let (by_category, _) = tally_by(
            cells
                .iter()
                .map(|(_, category, row)| (category.clone(), row)),
        );
        let by_commune = sqlx::query!(
            r#"SELECT u.name AS "commune?", count(*) AS "open!",
                      count(*) FILTER (WHERE f.due_at < $2) AS "overdue!"
               FROM field_reports f LEFT JOIN administrative_units u ON u.code = f.commune_code
               WHERE ($1::bigint[] IS NULL OR f.agency_id = ANY($1)) AND f.status = ANY($3)
               GROUP BY 1 ORDER BY 3 DESC, 2 DESC, 1"#,
            scope.as_deref() as Option<&[i64]>,
            now as _,
            &open,
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| ReportTally {
            name: row.commune.unwrap_or_else(|| t.unknown_commune.to_string()),
            open: row.open,
            overdue: row.overdue,
            ..ReportTally::default()
        })
        .collect();
        let outcomes = sqlx::query!(
            r#"WITH resolved AS (
                   SELECT agency_id, count(*) AS n, count(*) FILTER (WHERE answered_at <= due_at) AS on_time
                   FROM field_reports
                   WHERE status = 'resolved' AND published_at >= $2 AND published_at < $3
                     AND ($1::bigint[] IS NULL OR agency_id = ANY($1))
                   GROUP BY agency_id),
               rated AS (
                   SELECT f.agency_id, count(*) AS n, avg(r.stars)::float8 AS average
                   FROM field_report_ratings r JOIN field_reports f ON f.id = r.report_id
                   WHERE r.rated_at >= $2 AND r.rated_at < $3 AND f.agency_id IS NOT NULL
                     AND ($1::bigint[] IS NULL OR f.agency_id = ANY($1))
                   GROUP BY f.agency_id)
               SELECT a.name, coalesce(resolved.n, 0) AS "resolved!", coalesce(resolved.on_time, 0) AS "on_time!",
                      coalesce(rated.n, 0) AS "ratings!", rated.average
               FROM resolved FULL JOIN rated USING (agency_id) JOIN agencies a ON a.id = agency_id
               ORDER BY a.name"#,
            scope.as_deref() as Option<&[i64]>,
            day_start(period.from) as _,
            day_start(period.to.succ_opt().unwrap_or(period.to)) as _,
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| AgencyOutcome {
            agency: row.name,
            resolved: row.resolved,
            on_time: row.on_time,
            ratings: row.ratings,
            average_rating: row.average,
        })
        .collect();
        Ok(ReportOperations {
            today: today.format("%d/%m/%Y").to_string(),
            total,
            by_agency,
            by_category,
            by_commune,
            from_input: period.from.to_string(),
            to_input: period.to.to_string(),
            period_problem,
            outcomes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::{tally_by, AgencyOutcome, ReportTally};

    fn tally(open: i64, overdue: i64) -> ReportTally {
        ReportTally {
            name: String::new(),
            new_today: 1,
            resolved_today: 0,
            open,
            overdue,
        }
    }

    #[test]
    fn rows_of_one_name_add_up_and_the_most_overdue_come_first() {
        let (a, b, c) = (tally(2, 0), tally(1, 1), tally(3, 0));
        let (rows, total) = tally_by([
            ("Phường A".to_string(), &a),
            ("Phường B".to_string(), &b),
            ("Phường A".to_string(), &c),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].name.as_str(), rows[0].overdue), ("Phường B", 1));
        assert_eq!(
            (rows[1].name.as_str(), rows[1].open, rows[1].new_today),
            ("Phường A", 5, 2)
        );
        assert_eq!((total.open, total.overdue, total.new_today), (6, 1, 3));
    }

    #[test]
    fn the_on_time_rate_is_a_share_of_what_was_resolved() {
        let outcome = |resolved, on_time| AgencyOutcome {
            resolved,
            on_time,
            ..AgencyOutcome::default()
        };
        assert_eq!(outcome(4, 3).on_time_percent(), Some(75.0));
        assert_eq!(outcome(0, 0).on_time_percent(), None);
    }
}
