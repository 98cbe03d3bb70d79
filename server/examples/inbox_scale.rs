//! How the back-office inbox scales with the dossiers table: the reception
//! officer's inbox (queue counts and first page; a search; a filtered,
//! newest-first page; a deep page) timed through the real
//! `app::back_office::store::inbox` with 1,000 and then 100,000 dossiers in
//! the table, spread over the demo communes, states and channels. Prints
//! the medians and the ratio between the two sizes as a Markdown table.
//!
//! `bench/inbox` runs it against a throwaway database; by hand:
//! `DATABASE_URL=postgres://…/empty_db cargo run --release --example inbox_scale --features app/ssr`

use app::access::{AccountKind, Role, RoleGrant, SignedInUser};
use app::back_office::model::InboxFilter;
use app::back_office::store::{inbox, DueWindow};
use app::i18n::Lang;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::time::{Duration, Instant};

const SIZES: [i64; 2] = [1_000, 100_000];
const RUNS: usize = 31;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")
        .map_err(|_| anyhow::anyhow!("DATABASE_URL must name an empty database"))?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await?;
    server::database::MIGRATOR.run(&pool).await?;
    server::seed::load_reference_data(&pool).await?;
    let key = server::config::Config::from_env()?.secret_key;
    server::seed::load_demo_data(&pool, &key).await?;
    let (user_id, agency_id): (i64, i64) =
        sqlx::query_as("SELECT id, agency_id FROM users WHERE email = 'tiepnhan@motcua.example'")
            .fetch_one(&pool)
            .await?;
    let reception = SignedInUser {
        id: user_id,
        kind: AccountKind::Official,
        full_name: "Nguyễn Thị Tiếp Nhận".into(),
        email: "tiepnhan@motcua.example".into(),
        email_confirmed: true,
        agency_id: Some(agency_id),
        roles: vec![RoleGrant {
            role: Role::Reception,
            agency_ids: vec![agency_id],
        }],
        second_factor: Default::default(),
        privacy_consent_current: false,
    };
    let calendar = app::deadlines::store::working_calendar(&pool).await?;
    let now = app::clock::Clock::real().now_in_vietnam();
    let window = DueWindow::at(&calendar, 1, now);

    let scenarios: [(&str, InboxFilter); 4] = [
        ("queue counts and first page", InboxFilter::default()),
        (
            "search by code",
            InboxFilter {
                search: Some("BENCH-77".into()),
                ..InboxFilter::default()
            },
        ),
        (
            "counter filings, overdue, newest first",
            InboxFilter {
                channel: Some("counter".into()),
                due: Some("overdue".into()),
                sort: Some("newest".into()),
                ..InboxFilter::default()
            },
        ),
        (
            "page 20",
            InboxFilter {
                page: Some(20),
                ..InboxFilter::default()
            },
        ),
    ];
    let mut medians = vec![Vec::new(); scenarios.len()];
    let mut filled = 0;
    for size in SIZES {
        fill(&pool, filled, size).await?;
        filled = size;
        sqlx::query("ANALYZE dossiers").execute(&pool).await?;
        for (index, (_, filter)) in scenarios.iter().enumerate() {
            let mut times = Vec::with_capacity(RUNS);
            for _ in 0..RUNS {
                let started = Instant::now();
                let page = inbox(&pool, &reception, filter.clone(), &window, Lang::Vi).await?;
                times.push(started.elapsed());
                std::hint::black_box(page);
            }
            times.sort();
            medians[index].push(times[RUNS / 2]);
        }
    }

    let ms = |time: Duration| time.as_secs_f64() * 1000.0;
    println!("| inbox of one commune's reception | 1,000 dossiers | 100,000 dossiers | ratio |");
    println!("|---|---:|---:|---:|");
    for ((name, _), times) in scenarios.iter().zip(&medians) {
        println!(
            "| {name} | {:.1} ms | {:.1} ms | {:.2}× |",
            ms(times[0]),
            ms(times[1]),
            ms(times[1]) / ms(times[0])
        );
    }
    Ok(())
}

/// Tops the table up from `from` to `to` generated dossiers: a tenth of
/// them at each demo commune, in every state an inbox shows or hides, a
/// fifth filed at the counter, appointments from 20 days ago to 20 ahead.
async fn fill(pool: &PgPool, from: i64, to: i64) -> anyhow::Result<()> {
    sqlx::query(
        "WITH v AS (SELECT array_agg(id ORDER BY id) AS ids FROM procedure_versions),
              a AS (SELECT array_agg(id ORDER BY code) AS ids FROM agencies WHERE kind = 'commune'),
              u AS (SELECT id FROM users WHERE email = 'congdan@motcua.example'),
              s AS (SELECT ARRAY['submitted', 'received', 'processing', 'awaiting_approval', 'result_ready',
                                 'returned', 'returned', 'returned', 'refused', 'withdrawn'] AS states)
         INSERT INTO dossiers (code, pin, applicant_id, procedure_version_id, agency_id, status, channel,
                               submitted_at, counted_from, due_at)
         SELECT 'BENCH-' || g, lpad((g % 1000000)::text, 6, '0'), u.id,
                v.ids[1 + g % array_length(v.ids, 1)],
                a.ids[1 + (g / 7) % array_length(a.ids, 1)],
                s.states[1 + g % 10],
                CASE WHEN g % 5 = 0 THEN 'counter' ELSE 'online' END,
                now() - (g % 365) * interval '1 day', current_date,
                (now() AT TIME ZONE 'Asia/Ho_Chi_Minh') + ((g % 41) - 20) * interval '1 day'
         FROM generate_series($1::bigint + 1, $2::bigint) AS g, v, a, u, s",
    )
    .bind(from)
    .bind(to)
    .execute(pool)
    .await?;
    Ok(())
}
