//! The generated year (`server/src/seed/generated_year.sql`) is data the
//! portal could have made: every history replays through the state
//! machine to its dossier's status, codes follow the counters, and Biểu 06
//! accounts for every dossier over the whole province.

use crate::support;

use app::dossiers::workflow::{replay, Action};
use app::dossiers::DossierStatus;
use std::collections::BTreeMap;
use support::back_office::{signed_in, MANAGER};
use support::spawn_app;

#[tokio::test]
async fn a_generated_year_replays_through_the_state_machine_and_reconciles() {
    let app = spawn_app().await;
    // Two at once (two instances starting on one database) generate once.
    let (first, second) = tokio::join!(
        server::seed::generated_year::generate(&app.pool, 3_000, 2026),
        server::seed::generated_year::generate(&app.pool, 3_000, 2026),
    );
    assert!(
        first.unwrap() ^ second.unwrap(),
        "exactly one generated the year"
    );
    let count: i64 = sqlx::query_scalar("SELECT count(*) FROM dossiers")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 3_000);

    let history: Vec<(i64, String, Option<String>, String)> = sqlx::query_as(
        "SELECT d.id, d.status, h.action, h.to_status FROM dossiers d
         JOIN dossier_history h ON h.dossier_id = d.id
         WHERE h.action <> 'submit' ORDER BY d.id, h.occurred_at, h.id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let mut dossiers: BTreeMap<i64, (String, Vec<(Action, DossierStatus)>)> = BTreeMap::new();
    for (id, status, action, to) in history {
        let action = action.unwrap_or_default();
        let step = (
            Action::parse(&action).unwrap_or_else(|| panic!("unknown action {action:?}")),
            DossierStatus::parse(&to).unwrap(),
        );
        dossiers
            .entry(id)
            .or_insert((status, Vec::new()))
            .1
            .push(step);
    }
    assert!(
        dossiers.len() > 2_500,
        "{} dossiers with steps",
        dossiers.len()
    );
    for (id, (status, steps)) in &dossiers {
        assert_eq!(
            replay(steps).map(|state| state.status.as_str().to_string()),
            Some(status.clone()),
            "dossier {id}: {steps:?}"
        );
    }
    let statuses: Vec<String> = sqlx::query_scalar("SELECT DISTINCT status FROM dossiers")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    for expected in ["returned", "refused", "processing", "awaiting_supplement"] {
        assert!(
            statuses.iter().any(|s| s == expected),
            "{expected} in {statuses:?}"
        );
    }

    // The province's report accounts for every dossier received (accepted):
    // received = resolved + pending + stopped, month by month, quarter by
    // quarter; refused and withdrawn submissions were never received.
    let mut manager = signed_in(&app, MANAGER).await;
    let months = (1..=11).map(|month| {
        let first = chrono::NaiveDate::from_ymd_opt(2026, month, 1).unwrap();
        let last = first + chrono::Months::new(1) - chrono::Days::new(1);
        (first.to_string(), last.to_string(), false)
    });
    // The last quarter is still under way: it need not have everything.
    let quarters = [
        ("2026-01-01", "2026-03-31", true),
        ("2026-04-01", "2026-06-30", true),
        ("2026-07-01", "2026-09-30", true),
        ("2026-10-01", "2026-12-31", false),
        ("2026-01-01", "2026-11-30", true),
    ]
    .map(|(from, to, complete)| (from.to_string(), to.to_string(), complete));
    for (from, to, complete) in months.chain(quarters) {
        let report = manager
            .get(&format!("/api/v1/reports/bieu-06?from={from}&to={to}"))
            .await
            .json();
        let total = &report["total"];
        let number = |key: &str| total[key].as_i64().unwrap();
        assert!(number("received") > 0, "{report}");
        assert_eq!(
            number("received"),
            number("resolved") + number("pending") + number("stopped"),
            "{from}–{to}: {total}"
        );
        assert!(number("refused") > 0, "{from}–{to}: {total}");
        if complete {
            assert!(
                number("resolved_late") > 0 && number("paid_online") > 0 && number("ratings") > 0,
                "{from}–{to}: {total}"
            );
        }
    }
}
