//! How Biểu 06 scales: a generated year of dossiers (`generated_year.sql`,
//! a million by default), then the report for that whole year over every
//! agency of the province — the query alone, and the report exported to
//! Excel — timed as medians. Prints a Markdown table.
//!
//! `bench/statistics` runs it against a throwaway database; by hand:
//! `DATABASE_URL=postgres://…/empty_db cargo run --release --example statistics_scale --features app/ssr`
//! (`STATISTICS_DOSSIERS` changes the size; a database that already holds
//! a generated year is measured as it is).

use app::i18n::Lang;
use app::statistics::{report_for, ReportQuery};
use sqlx::postgres::PgPoolOptions;
use std::time::{Duration, Instant};

const RUNS: usize = 11;
const YEAR: i32 = 2026;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")
        .map_err(|_| anyhow::anyhow!("DATABASE_URL must name an empty database"))?;
    let dossiers: u32 = std::env::var("STATISTICS_DOSSIERS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await?;
    server::database::MIGRATOR.run(&pool).await?;
    server::seed::load_reference_data(&pool).await?;
    let key = server::config::Config::from_env()?.secret_key;
    server::seed::load_demo_data(&pool, &key).await?;
    // A database that already holds the year is measured again as it is.
    let started = Instant::now();
    let generated = if server::seed::generated_year::generate(&pool, dossiers, YEAR).await? {
        sqlx::query("VACUUM ANALYZE").execute(&pool).await?;
        format!("generated in {:.0} s", started.elapsed().as_secs_f64())
    } else {
        "generated earlier".to_string()
    };

    let manager_id: i64 =
        sqlx::query_scalar("SELECT id FROM users WHERE email = 'quanly@motcua.example'")
            .fetch_one(&pool)
            .await?;
    let manager = server::access::authentication::load_user(&pool, manager_id, None)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo manager is missing"))?;
    let query = ReportQuery {
        from: Some(format!("{YEAR}-01-01")),
        to: Some(format!("{YEAR}-12-31")),
        agency: None,
        by: None,
    };
    let time = |runs: &mut Vec<Duration>| {
        runs.sort();
        runs[RUNS / 2]
    };
    let today = app::clock::Clock::real().today_in_vietnam();
    let mut report_runs = Vec::with_capacity(RUNS);
    let mut xlsx_runs = Vec::with_capacity(RUNS);
    let mut bytes = 0;
    let mut received = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let view = report_for(&pool, &manager, &query, today, Lang::Vi, false).await?;
        report_runs.push(started.elapsed());
        let file = server::statistics::xlsx::render(&view.report, Lang::Vi, "Quảng Ninh", today)?;
        xlsx_runs.push(started.elapsed());
        bytes = file.len();
        received = view.report.total.received();
    }
    // The page shows charts and the service index beside the table.
    let mut page_runs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        std::hint::black_box(report_for(&pool, &manager, &query, today, Lang::Vi, true).await?);
        page_runs.push(started.elapsed());
    }
    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!("| {received} dossiers in play ({generated}), Biểu 06 for {YEAR}, all agencies | median of {RUNS} |");
    println!("|---|---:|");
    println!(
        "| the report (Biểu 06 query and totals) | {:.0} ms |",
        ms(time(&mut report_runs))
    );
    println!(
        "| the page's data (the report, its charts and the service index) | {:.0} ms |",
        ms(time(&mut page_runs))
    );
    println!(
        "| the report exported to .xlsx ({bytes} bytes) | {:.0} ms |",
        ms(time(&mut xlsx_runs))
    );
    Ok(())
}
