//! Biểu 06 from the dossiers table (server only). One pass over the
//! dossiers in play for the counts (classified by the database function
//! `bieu06_dossiers`), and one small query each for
//! supplements, payments and ratings; merged per sector or agency.

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

    // The classification is the database's `bieu06_dossiers`, which the
    // lists behind the numbers read too (its codes are in drill.rs). The
    // dossiers are grouped by their codes first, so each is classified
    // once, and only the groups are joined to their sector and agency.
    let counts = sqlx::query!(
        r#"WITH counted AS (
               SELECT b.agency_id, b.procedure_version_id, b.intake, b.outcome, count(*) AS n
               FROM bieu06_dossiers($1, $2::date, $3::date) b
               GROUP BY 1, 2, 3, 4
           )
           SELECT s.code, s.name, a.code AS agency_code, a.name AS agency_name,
                  coalesce(sum(n) FILTER (WHERE intake = 0), 0)::bigint AS "carried_over!",
                  coalesce(sum(n) FILTER (WHERE intake = 1), 0)::bigint AS "new_online!",
                  coalesce(sum(n) FILTER (WHERE intake = 2), 0)::bigint AS "new_counter!",
                  coalesce(sum(n) FILTER (WHERE outcome = 0), 0)::bigint AS "early!",
                  coalesce(sum(n) FILTER (WHERE outcome = 1), 0)::bigint AS "on_time!",
                  coalesce(sum(n) FILTER (WHERE outcome = 2), 0)::bigint AS "late!",
                  coalesce(sum(n) FILTER (WHERE outcome = 3), 0)::bigint AS "pending_within!",
                  coalesce(sum(n) FILTER (WHERE outcome = 4), 0)::bigint AS "pending_overdue!",
                  coalesce(sum(n) FILTER (WHERE outcome = 5), 0)::bigint AS "refused!",
                  coalesce(sum(n) FILTER (WHERE outcome = 6), 0)::bigint AS "withdrawn!",
                  coalesce(sum(n) FILTER (WHERE outcome = 7), 0)::bigint AS "stopped!"
           FROM counted
           JOIN procedure_versions v ON v.id = counted.procedure_version_id
           JOIN procedures p ON p.id = v.procedure_id
           JOIN sectors s ON s.id = p.sector_id
           JOIN agencies a ON a.id = counted.agency_id
           GROUP BY s.code, s.name, a.code, a.name"#,
        agencies,
        from as _,
        to as _
    )
    .fetch_all(pool)
    .await?;
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
    .fetch_all(pool)
    .await?;
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
            _ => {
                row.ratings += extra.count;
                row.satisfied += extra.satisfied;
            }
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

/// The charts beside Biểu 06, counted by the same rules (a period's local
/// days as two instants worked out once, as in `bieu06_dossiers`): new
/// dossiers by the month they were accepted, results by the month they were
/// issued and judged against the legal appointment; agencies by on-time
/// rate, lowest first (at most `AGENCY_BARS`); new dossiers by channel.
pub async fn report_charts(
    pool: &PgPool,
    agencies: &[i64],
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<ReportCharts> {
    // Three independent counts, each on its own connection at once.
    let months = sqlx::query!(
        r#"SELECT to_char(month, 'MM/YYYY') AS "month!", sum(received)::bigint AS "received!",
                  sum(on_time)::bigint AS "on_time!", sum(late)::bigint AS "late!"
           FROM (
               SELECT date_trunc('month', d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh') AS month,
                      1 AS received, 0 AS on_time, 0 AS late
               FROM dossiers d
               WHERE d.agency_id = ANY($1) AND d.received_at IS NOT NULL
                 AND d.received_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND d.received_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
               UNION ALL
               SELECT date_trunc('month', d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh'), 0,
                      ((d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') <= coalesce(d.legal_due_at, d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::int,
                      ((d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > d.legal_due_at)::int
               FROM dossiers d
               WHERE d.agency_id = ANY($1) AND d.result_issued_at IS NOT NULL
                 AND d.result_issued_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND d.result_issued_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
           ) x
           GROUP BY month ORDER BY month"#,
        agencies,
        from as _,
        to as _
    )
    .fetch_all(pool);
    let agency_rates = sqlx::query!(
        r#"SELECT a.name,
                  count(*) FILTER (WHERE (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                                         <= coalesce(d.legal_due_at, d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')) AS "on_time!",
                  count(*) AS "resolved!"
           FROM dossiers d JOIN agencies a ON a.id = d.agency_id
           WHERE d.agency_id = ANY($1) AND d.result_issued_at IS NOT NULL
             AND d.result_issued_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND d.result_issued_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
           GROUP BY a.name
           ORDER BY count(*) FILTER (WHERE (d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')
                                           <= coalesce(d.legal_due_at, d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh'))::float8 / count(*), a.name
           LIMIT $4"#,
        agencies,
        from as _,
        to as _,
        AGENCY_BARS
    )
    .fetch_all(pool);
    let channels = sqlx::query!(
        r#"SELECT count(*) FILTER (WHERE channel = $4) AS "online!",
                  count(*) FILTER (WHERE channel = $5) AS "counter!",
                  count(*) FILTER (WHERE channel = $6) AS "post!"
           FROM dossiers d
           WHERE d.agency_id = ANY($1) AND d.received_at IS NOT NULL
             AND d.received_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND d.received_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')"#,
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

/// What the service index needs beyond Biểu 06's totals (`total`): the
/// procedures the agencies handle (fully published, offered fully online),
/// the payments settled in the period, and per dossier in play
/// (`bieu06_dossiers`): late ones apologised for, repeat supplement
/// requests, new ones with a digitised document or reusing one, results
/// issued electronically.
pub async fn index_inputs(
    pool: &PgPool,
    agencies: &[i64],
    from: NaiveDate,
    to: NaiveDate,
    total: &Bieu06Row,
) -> AppResult<IndexInputs> {
    let row = sqlx::query!(
        r#"WITH handled AS (
               SELECT DISTINCT c.id, c.result_type, c.legal_basis, c.online_level
               FROM procedure_agencies pa JOIN current_procedure_versions c ON c.procedure_id = pa.procedure_id
               WHERE pa.agency_id = ANY($1)
           ), in_play AS (
               SELECT b.intake, b.outcome, d.id, d.apologies, d.repeat_supplement_requests
               FROM bieu06_dossiers($1, $2::date, $3::date) b JOIN dossiers d ON d.id = b.dossier_id
               WHERE b.intake <> 3
           )
           SELECT
               (SELECT count(*) FROM handled) AS "procedures!",
               (SELECT count(*) FROM handled h
                WHERE cardinality(h.legal_basis) > 0 AND h.result_type <> ''
                  AND EXISTS (SELECT 1 FROM procedure_documents pd WHERE pd.version_id = h.id)) AS "published!",
               (SELECT count(*) FROM handled h WHERE h.online_level = 'full') AS "fully_online!",
               (SELECT count(*) FROM payments p JOIN dossiers d ON d.id = p.dossier_id
                WHERE d.agency_id = ANY($1) AND p.settled_at IS NOT NULL
                  AND p.settled_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND p.settled_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) AS "payments!",
               (SELECT count(*) FROM in_play WHERE outcome IN (2, 4)) AS "late!",
               (SELECT count(*) FROM in_play WHERE outcome IN (2, 4) AND apologies > 0) AS "late_apologised!",
               (SELECT count(*) FROM in_play WHERE repeat_supplement_requests > 0) AS "repeat_supplements!",
               (SELECT count(*) FROM in_play p WHERE p.intake IN (1, 2)
                  AND EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = p.id)) AS "with_documents!",
               -- A document already digitised: a file attached to an earlier
               -- dossier, or an earlier dossier's result (the wallet).
               (SELECT count(*) FROM in_play p WHERE p.intake IN (1, 2)
                  AND EXISTS (SELECT 1 FROM dossier_attachments a
                              WHERE a.dossier_id = p.id
                                AND (EXISTS (SELECT 1 FROM dossier_attachments e
                                             WHERE e.file_id = a.file_id AND e.dossier_id <> p.id
                                               AND e.attached_at < a.attached_at)
                                     OR EXISTS (SELECT 1 FROM dossiers r
                                                WHERE r.result_file_id = a.file_id AND r.id <> p.id)))) AS "reusing!",
               (SELECT count(*) FROM dossiers d
                WHERE d.agency_id = ANY($1) AND d.status = 'returned' AND d.result_delivery = 'online'
                  AND d.resolved_at >= (SELECT $2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
                 AND d.resolved_at < (SELECT ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) AS "electronic!""#,
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
        resolved: total.resolved(),
        resolved_in_time: total.resolved_early + total.resolved_on_time,
        pending: total.pending(),
        pending_within: total.pending_within,
        late: row.late,
        late_apologised: row.late_apologised,
        received: total.received(),
        repeat_supplements: row.repeat_supplements,
        new_dossiers: total.new_online + total.new_counter,
        new_online: total.new_online,
        new_with_documents: row.with_documents,
        new_reusing_data: row.reusing,
        payments: row.payments,
        payments_online: total.paid_online,
        returned_electronic: row.electronic,
        ratings: total.ratings,
        satisfied: total.satisfied,
    })
}
