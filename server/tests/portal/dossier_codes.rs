//! Dossier codes under concurrency: per agency and day, consecutive, unique.

use crate::support;

use chrono::NaiveDate;
use server::dossiers::codes::next_code;
use std::collections::BTreeSet;
use support::spawn_app;

#[tokio::test]
async fn a_hundred_concurrent_submissions_get_a_hundred_consecutive_codes() {
    let app = spawn_app().await;
    let agency: i64 = sqlx::query_scalar("SELECT id FROM agencies WHERE code = '000.01.40.H34'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut tasks = Vec::new();
    for attempt in 0..120 {
        let pool = app.pool.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = pool.begin().await.unwrap();
            let code = next_code(&mut tx, agency, day).await.unwrap();
            // Every sixth submission fails after taking a number: it must give it back.
            if attempt % 6 == 5 {
                tx.rollback().await.unwrap();
                None
            } else {
                tx.commit().await.unwrap();
                Some(code.as_str().to_string())
            }
        }));
    }
    let mut codes = BTreeSet::new();
    for task in tasks {
        if let Some(code) = task.await.unwrap() {
            assert!(codes.insert(code.clone()), "duplicate {code}");
        }
    }
    let expected: BTreeSet<String> = (1..=100)
        .map(|n| format!("000.01.40.H34-261123-{n:04}"))
        .collect();
    assert_eq!(codes, expected);

    // Another agency, or another day, starts again at 0001.
    let mut tx = app.pool.begin().await.unwrap();
    let next_day = next_code(&mut tx, agency, day.succ_opt().unwrap())
        .await
        .unwrap();
    assert_eq!(next_day.as_str(), "000.01.40.H34-261124-0001");
    tx.commit().await.unwrap();
}
