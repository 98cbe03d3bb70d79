//! The checks of the database after the run: the codes handed out are
//! gapless per counter, and every filing made exactly one dossier.

use sqlx::PgPool;
use std::collections::{HashMap, HashSet};

/// Each counter's last number: (agency id, day) → last_number.
pub(crate) async fn counters(pool: &PgPool) -> anyhow::Result<HashMap<(i64, String), i32>> {
    let rows: Vec<(i64, String, i32)> =
        sqlx::query_as("SELECT agency_id, day::text, last_number FROM dossier_code_counters")
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(agency, day, last)| ((agency, day), last))
        .collect())
}

/// The checks after the run: what went wrong, or nothing.
pub(crate) async fn verify(
    pool: &PgPool,
    before: &HashMap<(i64, String), i32>,
    filed: &[(i64, String)],
    citizen_ids: &[i64],
    run_started: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Vec<String>> {
    let mut problems = Vec::new();
    let after = counters(pool).await?;

    // Every number each counter handed out during the run, and the dossier
    // that carries it.
    let mut issued = 0usize;
    for ((agency, day), &last) in &after {
        let first = before.get(&(*agency, day.clone())).copied().unwrap_or(0);
        if last == first {
            continue;
        }
        issued += (last - first) as usize;
        let numbers: Vec<(i32, i64)> = sqlx::query_as(
            "SELECT split_part(d.code, '-', 3)::int AS number, count(*)
             FROM dossiers d JOIN agencies a ON a.id = d.agency_id
             WHERE d.agency_id = $1
               AND d.code LIKE a.code || '-' || to_char($2::date, 'YYMMDD') || '-%'
               AND split_part(d.code, '-', 3)::int > $3
             GROUP BY 1 ORDER BY 1",
        )
        .bind(agency)
        .bind(day)
        .bind(first)
        .fetch_all(pool)
        .await?;
        let expected: Vec<i32> = (first + 1..=last).collect();
        let got: Vec<i32> = numbers.iter().map(|(number, _)| *number).collect();
        let duplicated: Vec<i32> = numbers
            .iter()
            .filter(|(_, count)| *count > 1)
            .map(|(number, _)| *number)
            .collect();
        if got != expected || !duplicated.is_empty() {
            let missing: Vec<i32> = expected
                .iter()
                .copied()
                .filter(|number| !got.contains(number))
                .collect();
            let extra: Vec<i32> = got
                .iter()
                .copied()
                .filter(|number| !expected.contains(number))
                .collect();
            problems.push(format!(
                "counter of agency {agency} on {day}: numbers {}..={last}: missing {missing:?}, beyond the counter {extra:?}, duplicated {duplicated:?}",
                first + 1
            ));
        }
    }

    // Every filing made exactly one dossier, and no dossier came of nothing.
    let codes: HashSet<&str> = filed.iter().map(|(_, code)| code.as_str()).collect();
    if codes.len() != filed.len() {
        problems.push(format!(
            "{} filings but {} distinct codes",
            filed.len(),
            codes.len()
        ));
    }
    if issued != filed.len() {
        problems.push(format!(
            "{} filings succeeded but the counters handed out {issued} numbers",
            filed.len()
        ));
    }
    let made: Vec<(String, i64, String, i64, i64)> = sqlx::query_as(
        r#"SELECT d.code, d.applicant_id, d.status,
                  (SELECT count(*) FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = 'submit'),
                  (SELECT count(*) FROM dossier_attachments t WHERE t.dossier_id = d.id)
           FROM dossiers d
           WHERE d.applicant_id = ANY($1) AND d.status <> 'draft' AND d.submitted_at >= $2"#,
    )
    .bind(citizen_ids)
    .bind(run_started)
    .fetch_all(pool)
    .await?;
    if made.len() != filed.len() {
        problems.push(format!(
            "{} filings succeeded but {} dossiers were submitted",
            filed.len(),
            made.len()
        ));
    }
    let by_code: HashMap<&str, &(String, i64, String, i64, i64)> =
        made.iter().map(|row| (row.0.as_str(), row)).collect();
    let mut odd = 0;
    for (applicant, code) in filed {
        let fine = by_code.get(code.as_str()).is_some_and(|row| {
            row.1 == *applicant && row.2 == "submitted" && row.3 == 1 && row.4 == 1
        });
        if !fine {
            odd += 1;
            if odd <= 5 {
                problems.push(format!(
                    "dossier {code}: {:?} (expected applicant {applicant}, submitted, one submission, one attachment)",
                    by_code.get(code.as_str())
                ));
            }
        }
    }
    if odd > 5 {
        problems.push(format!("… {} more such dossiers", odd - 5));
    }
    Ok(problems)
}
