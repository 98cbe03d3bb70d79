//! Biểu 06 from what the dossiers contributed day by day (server only):
//! the daily counts kept by triggers (`statistics_daily_dossiers`, by the
//! rules of the database function `bieu06_dossiers`), the dossiers pending
//! at the period's end, and one small query for supplements, payments and
//! ratings; merged per sector or agency.

use super::bieu06::{Bieu06Row, Breakdown};
use super::charts::{AgencyRate, ChannelSplit, MonthPoint, ReportCharts};
use super::service_index::IndexInputs;
use crate::dossiers::Channel;
use crate::error::AppResult;
use chrono::NaiveDate;
use sqlx::PgPool;
use std::collections::BTreeMap;

/// The rows of Biểu 06 for `agencies` from `from` to `to` (inclusive), by
/// sector or by agency. Both queries count per (sector, agency) pair, a
/// few hundred at most, and the pairs are added up here by the breakdown
/// asked for.
pub async fn bieu06_rows(
    pool: &PgPool,
    agencies: &[i64],
    from: NaiveDate,
    to: NaiveDate,
    by: Breakdown,
) -> AppResult<Vec<Bieu06Row>> {
    let key = |sector: (&str, &str), agency: (&str, &str)| match by {
        Breakdown::Sector => (sector.0.to_string(), sector.1.to_string()),
        Breakdown::Agency => (agency.0.to_string(), agency.1.to_string()),
    };
    let mut rows: BTreeMap<String, Bieu06Row> = BTreeMap::new();
    fn row_for(
        rows: &mut BTreeMap<String, Bieu06Row>,
        (code, name): (String, String),
    ) -> &mut Bieu06Row {
        rows.entry(code.clone()).or_insert_with(|| Bieu06Row {
            code,
            name,
            ..Bieu06Row::default()
        })
    }

    // Counted from what each dossier contributed day by day
    // (`statistics_daily_dossiers`, migration 41, by the rules of
    // `bieu06_dossiers`), so a year is a sum over a few hundred thousand
    // rows instead of a classification of every dossier in play; only what
    // is still pending at the period's end is counted from the dossiers
    // (`bieu06_pending`). Both count per (agency, procedure version).
    let counts = sqlx::query!(
        r#"WITH daily AS (
               SELECT agency_id, procedure_version_id,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 1 AND day < $2), 0)
                        - coalesce(sum(dossiers) FILTER (WHERE measure BETWEEN 2 AND 5 AND day < $2), 0) AS carried_over,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 1 AND day >= $2 AND channel = 'online'), 0) AS new_online,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 1 AND day >= $2 AND channel <> 'online'), 0) AS new_counter,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 2 AND day >= $2), 0) AS early,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 3 AND day >= $2), 0) AS on_time,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 4 AND day >= $2), 0) AS late,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 5 AND day >= $2), 0) AS stopped,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 6 AND day >= $2), 0) AS refused,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 7 AND day >= $2), 0) AS withdrawn,
                      0::bigint AS pending_within, 0::bigint AS pending_overdue
               FROM statistics_daily_dossiers
               WHERE agency_id = ANY($1) AND measure BETWEEN 1 AND 7 AND day <= $3::date
               GROUP BY agency_id, procedure_version_id
               UNION ALL
               SELECT agency_id, procedure_version_id, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                      count(*) FILTER (WHERE NOT overdue), count(*) FILTER (WHERE overdue)
               FROM bieu06_pending($1, $3::date)
               GROUP BY agency_id, procedure_version_id
           ), counted AS (
               SELECT agency_id, procedure_version_id, sum(carried_over) AS carried_over,
                      sum(new_online) AS new_online, sum(new_counter) AS new_counter, sum(early) AS early,
                      sum(on_time) AS on_time, sum(late) AS late, sum(stopped) AS stopped,
                      sum(refused) AS refused, sum(withdrawn) AS withdrawn,
                      sum(pending_within) AS pending_within, sum(pending_overdue) AS pending_overdue
               FROM daily GROUP BY agency_id, procedure_version_id
           )
           SELECT s.code, s.name, a.code AS agency_code, a.name AS agency_name,
                  sum(carried_over)::bigint AS "carried_over!", sum(new_online)::bigint AS "new_online!",
                  sum(new_counter)::bigint AS "new_counter!", sum(early)::bigint AS "early!",
                  sum(on_time)::bigint AS "on_time!", sum(late)::bigint AS "late!",
                  sum(pending_within)::bigint AS "pending_within!", sum(pending_overdue)::bigint AS "pending_overdue!",
                  sum(refused)::bigint AS "refused!", sum(withdrawn)::bigint AS "withdrawn!",
                  sum(stopped)::bigint AS "stopped!"
           FROM counted
           JOIN procedure_versions v ON v.id = counted.procedure_version_id
           JOIN procedures p ON p.id = v.procedure_id
           JOIN sectors s ON s.id = p.sector_id
           JOIN agencies a ON a.id = counted.agency_id
           GROUP BY s.code, s.name, a.code, a.name
           HAVING sum(carried_over) <> 0 OR sum(new_online) <> 0 OR sum(new_counter) <> 0
               OR sum(early) <> 0 OR sum(on_time) <> 0 OR sum(late) <> 0 OR sum(stopped) <> 0
               OR sum(refused) <> 0 OR sum(withdrawn) <> 0 OR sum(pending_within) <> 0
               OR sum(pending_overdue) <> 0"#,
        agencies,
        from as _,
        to as _
    )
    .fetch_all(pool);
    // Supplements requested, online payments settled and ratings given
    // are counted per day as they happen (statistics_daily_extras, kept by
    // triggers: migration 21), so a year is a sum over a few thousand rows.
    let extras = sqlx::query!(
        r#"SELECT s.code, s.name, a.code AS agency_code, a.name AS agency_name, e.kind AS "kind!",
                  sum(e.events)::bigint AS "count!", sum(e.amount)::bigint AS "amount!",
                  sum(e.satisfied)::bigint AS "satisfied!"
           FROM (SELECT agency_id, procedure_version_id, kind,
                        sum(events) AS events, sum(amount) AS amount, sum(satisfied) AS satisfied
                 FROM statistics_daily_extras
                 WHERE agency_id = ANY($1) AND day BETWEEN $2::date AND $3::date
                   AND kind IN ('supplement', 'payment', 'rating')
                 GROUP BY agency_id, procedure_version_id, kind) e
           JOIN procedure_versions v ON v.id = e.procedure_version_id
           JOIN procedures p ON p.id = v.procedure_id JOIN sectors s ON s.id = p.sector_id
           JOIN agencies a ON a.id = e.agency_id
           GROUP BY s.code, s.name, a.code, a.name, e.kind
           HAVING sum(e.events) > 0"#,
        agencies,
        from as _,
        to as _
    )
    .fetch_all(pool);
    let (counts, extras) = tokio::try_join!(counts, extras)?;
    for pair in counts {
        let row = row_for(
            &mut rows,
            key(
                (&pair.code, &pair.name),
                (&pair.agency_code, &pair.agency_name),
            ),
        );
        row.carried_over += pair.carried_over;
        row.new_online += pair.new_online;
        row.new_counter += pair.new_counter;
        row.resolved_early += pair.early;
        row.resolved_on_time += pair.on_time;
        row.resolved_late += pair.late;
        row.pending_within += pair.pending_within;
        row.pending_overdue += pair.pending_overdue;
        row.refused += pair.refused;
        row.withdrawn += pair.withdrawn;
        row.stopped += pair.stopped;
    }

    for extra in extras {
        let row = row_for(
            &mut rows,
            key(
                (&extra.code, &extra.name),
                (&extra.agency_code, &extra.agency_name),
            ),
        );
        match extra.kind.as_str() {
            "supplement" => row.supplements += extra.count,
            "payment" => {
                row.paid_online += extra.count;
                row.paid_online_amount += extra.amount;
            }
            "rating" => {
                row.ratings += extra.count;
                row.satisfied += extra.satisfied;
            }
            _ => {}
        }
    }
    let mut rows: Vec<Bieu06Row> = rows.into_values().collect();
    rows.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(rows)
}

/// The agency `code` and every agency below it, when the manager's scope
/// holds it; `None` otherwise.
pub async fn subtree_in_scope(
    pool: &PgPool,
    scope: &[i64],
    code: &str,
) -> AppResult<Option<(String, Vec<i64>)>> {
    let row = sqlx::query!(
        r#"WITH RECURSIVE tree AS (
               SELECT id, name FROM agencies WHERE code = $1 AND id = ANY($2)
               UNION ALL
               SELECT a.id, a.name FROM agencies a JOIN tree ON a.parent_id = tree.id
           )
           SELECT (SELECT name FROM agencies WHERE code = $1) AS "name!", coalesce(array_agg(id), '{}') AS "ids!"
           FROM tree"#,
        code,
        scope
    )
    .fetch_one(pool)
    .await?;
    Ok((!row.ids.is_empty()).then_some((row.name, row.ids)))
}

/// The charts beside Biểu 06, counted by the same rules (from the same
/// daily counts as the table): new
/// dossiers by the month they were accepted, results by the month they were
/// issued and judged against the legal appointment; agencies by on-time
/// rate, lowest first (at most `AGENCY_BARS`); new dossiers by channel.
pub async fn report_charts(
    pool: &PgPool,
    agencies: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<ReportCharts> {
    // From the daily counts (migration 41): accepted by the day of
    // acceptance and channel, results by the day issued and the judgement
    // (2 early, 3 on time, 4 late); three small sums at once.
    let months = sqlx::query!(
        r#"SELECT to_char(month, 'MM/YYYY') AS "month!",
                  coalesce(sum(n) FILTER (WHERE measure = 1), 0)::bigint AS "received!",
                  coalesce(sum(n) FILTER (WHERE measure IN (2, 3)), 0)::bigint AS "on_time!",
                  coalesce(sum(n) FILTER (WHERE measure = 4), 0)::bigint AS "late!"
           FROM (SELECT date_trunc('month', day::timestamp) AS month, measure, sum(dossiers) AS n
                 FROM statistics_daily_dossiers
                 WHERE agency_id = ANY($1) AND measure BETWEEN 1 AND 4 AND day BETWEEN $2::date AND $3::date
                 GROUP BY day, measure) per_day
           GROUP BY month
           HAVING sum(n) <> 0
           ORDER BY month"#,
        agencies,
        from as _,
        to as _
    )
    .fetch_all(pool);
    let agency_rates = sqlx::query!(
        r#"SELECT a.name, coalesce(sum(x.dossiers) FILTER (WHERE x.measure IN (2, 3)), 0)::bigint AS "on_time!",
                  sum(x.dossiers)::bigint AS "resolved!"
           FROM statistics_daily_dossiers x JOIN agencies a ON a.id = x.agency_id
           WHERE x.agency_id = ANY($1) AND x.measure BETWEEN 2 AND 4 AND x.day BETWEEN $2::date AND $3::date
           GROUP BY a.name
           HAVING sum(x.dossiers) > 0
           ORDER BY coalesce(sum(x.dossiers) FILTER (WHERE x.measure IN (2, 3)), 0)::float8 / sum(x.dossiers), a.name
           LIMIT $4"#,
        agencies,
        from as _,
        to as _,
        AGENCY_BARS
    )
    .fetch_all(pool);
    let channels = sqlx::query!(
        r#"SELECT coalesce(sum(dossiers) FILTER (WHERE channel = $4), 0)::bigint AS "online!",
                  coalesce(sum(dossiers) FILTER (WHERE channel = $5), 0)::bigint AS "counter!",
                  coalesce(sum(dossiers) FILTER (WHERE channel = $6), 0)::bigint AS "post!"
           FROM statistics_daily_dossiers
           WHERE agency_id = ANY($1) AND measure = 1 AND day BETWEEN $2::date AND $3::date"#,
        agencies,
        from as _,
        to as _,
        Channel::Online as Channel,
        Channel::Counter as Channel,
        Channel::Post as Channel,
    )
    .fetch_one(pool);
    let (months, agency_rates, channels) = tokio::try_join!(months, agency_rates, channels)?;
    let months = months
        .into_iter()
        .map(|row| MonthPoint {
            month: row.month,
            received: row.received,
            on_time: row.on_time,
            late: row.late,
        })
        .collect();
    let agency_rates = agency_rates
        .into_iter()
        .map(|row| AgencyRate {
            agency_name: row.name,
            on_time: row.on_time,
            resolved: row.resolved,
        })
        .collect();
    Ok(ReportCharts {
        months,
        agencies: agency_rates,
        channels: ChannelSplit {
            online: channels.online,
            counter: channels.counter,
            post: channels.post,
        },
    })
}

/// The on-time chart shows this many agencies at most: the lowest rates.
const AGENCY_BARS: i64 = 15;

/// What the service index needs beyond Biểu 06's totals (added by
/// [`with_totals`], so this can run at the same time as the report): the
/// procedures the agencies handle (fully published, offered fully online),
/// the payments settled in the period, and among the dossiers in play
/// (as `bieu06_dossiers` says): late ones apologised for, repeat supplement
/// requests, new ones with a digitised document or reusing one, results
/// issued electronically.
pub async fn index_inputs(
    pool: &PgPool,
    agencies: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<IndexInputs> {
    // The counts per dossier come from the daily counts (migration 41):
    // 8/9 accepted/finished after more than one supplement request, 10
    // issued late with an apology, 11/12 accepted with a document as a
    // file / reusing one, 13 returned electronically; the late ones still
    // pending from `bieu06_pending`.
    let row = sqlx::query!(
        r#"WITH handled AS (
               SELECT DISTINCT c.id, c.result_type, c.legal_basis, c.online_level
               FROM procedure_agencies pa JOIN current_procedure_versions c ON c.procedure_id = pa.procedure_id
               WHERE pa.agency_id = ANY($1)
           ), daily AS (
               SELECT coalesce(sum(dossiers) FILTER (WHERE measure = 8), 0)
                        - coalesce(sum(dossiers) FILTER (WHERE measure = 9 AND day < $2), 0) AS repeat_supplements,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 10 AND day >= $2), 0) AS late_apologised,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 11 AND day >= $2), 0) AS with_documents,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 12 AND day >= $2), 0) AS reusing,
                      coalesce(sum(dossiers) FILTER (WHERE measure = 13 AND day >= $2), 0) AS electronic
               FROM statistics_daily_dossiers
               WHERE agency_id = ANY($1) AND measure BETWEEN 8 AND 13 AND day <= $3::date
           )
           SELECT
               (SELECT count(*) FROM handled) AS "procedures!",
               (SELECT count(*) FROM handled h
                WHERE cardinality(h.legal_basis) > 0 AND h.result_type <> ''
                  AND EXISTS (SELECT 1 FROM procedure_documents pd WHERE pd.version_id = h.id)) AS "published!",
               (SELECT count(*) FROM handled h WHERE h.online_level = 'full') AS "fully_online!",
               -- Settled online or at the counter (counted per day as they
               -- happen, migrations 21 and 41).
               (SELECT coalesce(sum(events), 0)::bigint FROM statistics_daily_extras
                WHERE agency_id = ANY($1) AND kind IN ('payment', 'counter_payment')
                  AND day BETWEEN $2::date AND $3::date) AS "payments!",
               (SELECT late_apologised FROM daily)::bigint
                 + (SELECT count(*) FROM bieu06_pending($1, $3::date) WHERE overdue AND apologised) AS "late_apologised!",
               (SELECT repeat_supplements FROM daily)::bigint AS "repeat_supplements!",
               (SELECT with_documents FROM daily)::bigint AS "with_documents!",
               (SELECT reusing FROM daily)::bigint AS "reusing!",
               (SELECT electronic FROM daily)::bigint AS "electronic!""#,
        agencies,
        from as _,
        to as _
    )
    .fetch_one(pool)
    .await?;
    Ok(IndexInputs {
        procedures: row.procedures,
        procedures_published: row.published,
        procedures_fully_online: row.fully_online,
        late_apologised: row.late_apologised,
        repeat_supplements: row.repeat_supplements,
        new_with_documents: row.with_documents,
        new_reusing_data: row.reusing,
        payments: row.payments,
        returned_electronic: row.electronic,
        ..IndexInputs::default()
    })
}

/// `inputs` with what Biểu 06's totals row says.
pub fn with_totals(inputs: IndexInputs, total: &Bieu06Row) -> IndexInputs {
    IndexInputs {
        resolved: total.resolved(),
        resolved_in_time: total.resolved_early + total.resolved_on_time,
        pending: total.pending(),
        pending_within: total.pending_within,
        // Resolved late in the period, or pending past the appointment at its end.
        late: total.resolved_late + total.pending_overdue,
        received: total.received(),
        new_dossiers: total.new_online + total.new_counter,
        new_online: total.new_online,
        payments_online: total.paid_online,
        ratings: total.ratings,
        satisfied: total.satisfied,
        ..inputs
    }
}
