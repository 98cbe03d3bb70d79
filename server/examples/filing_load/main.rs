//! Filing throughput: many citizens filing a dossier at once through the
//! running portal's real routes, as a browser without JavaScript does it,
//! with real sessions and a small upload. Prints requests per kind,
//! dossiers/s and the latency of a whole filing, then checks in the
//! database that the codes handed out are gapless per counter and that
//! every filing made exactly one dossier.
//!
//! `bench/filing` starts the portal on a throwaway database and runs this
//! next to pgbench; by hand, against a portal started with `MOTCUA_DEMO=1`:
//! `BASE_URL=http://127.0.0.1:3000 DATABASE_URL=postgres://…/that_db cargo run --release -p server --example filing_load`
//!
//! Setup (not timed): `FILING_CITIZENS` citizen accounts (confirmed e-mail,
//! the demo citizen's password hash reused: `Demo@12345`) are created in
//! the database if missing and signed in one after the other through
//! `POST /dang-nhap`, each keeping its session cookie.
//!
//! One filing (timed as a whole and per request) is the no-JavaScript path
//! of a browser, redirects followed:
//!
//! 1. `GET /nop-ho-so/{procedure}`: the filing page (the document slot is
//!    read from it, `name="file_<slot>"`);
//! 2. `POST /nop-ho-so/{procedure}/giay-to`: "Tải lên" — the whole form as
//!    multipart with a small PDF for the mandatory document; 303 back;
//! 3. `GET /nop-ho-so/{procedure}`: the page again, with "Đã tải lên";
//! 4. `POST /nop-ho-so/{procedure}` with `action=review` ("Tiếp tục");
//!    303 to the check page;
//! 5. `GET /nop-ho-so/{procedure}/kiem-tra`: the check page (`fee_total`);
//! 6. `POST /nop-ho-so/{procedure}/kiem-tra`: "Nộp hồ sơ"; 303 to
//!    `/ho-so/{code}`;
//! 7. `GET /ho-so/{code}`: the new dossier, with the notice.
//!
//! Posts carry `Origin` and `Sec-Fetch-Site: same-origin` as browsers send
//! them. Nothing asks for compression (the pages are read as sent).
//!
//! Settings (environment):
//!   BASE_URL            the portal (required)
//!   DATABASE_URL        its database (required): setup and the checks
//!   FILING_CONCURRENCY  citizens filing at the same time (default 32)
//!   FILING_CITIZENS     accounts, shared round-robin by the concurrent
//!                       citizens, never two at once (default 64)
//!   FILING_DURATION     measured seconds (default 20)
//!   FILING_WARMUP       unreported seconds before (default 3)
//!   FILING_PROCEDURE    a procedure with the standard filing form
//!                       (default 1.010038, "Tách hộ")
//!   FILING_DOCUMENT     the mandatory document's name starts with this
//!                       (default "Tờ khai")
//!   FILING_AGENCIES     `one` (default): every citizen files at the
//!                       procedure's first agency, so every submission
//!                       queues on the same code counter; `all`: citizen i
//!                       files at agency i mod n of the procedure's agencies
//!   FILING_PDF_KB       size of the uploaded PDF (default 4)
//!
//! Output: a Markdown table of the request kinds, then one line
//! `FILING key=value …` for scripts. Exits non-zero if any filing failed or
//! a check of the database failed (the figures are printed first).

mod accounts;
mod browser;
mod checks;
mod filing;
mod form;
mod report;

use accounts::{accounts, sign_in, EMAIL_DOMAIN};
use browser::Browser;
use checks::{counters, verify};
use filing::{file_one, Citizen, Failure, Filing, KINDS};
use form::small_pdf;
use report::{failure_summary, kinds_table, percentile};
use sqlx::postgres::PgPoolOptions;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn setting<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match std::env::var(name) {
        Ok(text) if !text.trim().is_empty() => text
            .trim()
            .parse()
            .map_err(|_| anyhow::anyhow!("{name} is not valid: {text:?}")),
        _ => Ok(default),
    }
}

struct Settings {
    base_url: String,
    origin: String,
    database_url: String,
    concurrency: usize,
    citizens: usize,
    duration: Duration,
    warmup: Duration,
    procedure: String,
    document_prefix: String,
    spread: bool,
    pdf_kb: usize,
}

impl Settings {
    fn read() -> anyhow::Result<Settings> {
        let base_url = std::env::var("BASE_URL")
            .map_err(|_| anyhow::anyhow!("BASE_URL must name the running portal"))?
            .trim_end_matches('/')
            .to_string();
        let after_scheme = base_url.find("://").map_or(0, |index| index + 3);
        let origin = match base_url[after_scheme..].find('/') {
            Some(index) => base_url[..after_scheme + index].to_string(),
            None => base_url.clone(),
        };
        let database_url = std::env::var("DATABASE_URL")
            .map_err(|_| anyhow::anyhow!("DATABASE_URL must name the portal's database"))?;
        let concurrency: usize = setting("FILING_CONCURRENCY", 32)?;
        let citizens: usize = setting("FILING_CITIZENS", 64)?;
        let spread = match setting("FILING_AGENCIES", "one".to_string())?.as_str() {
            "one" => false,
            "all" => true,
            other => anyhow::bail!("FILING_AGENCIES is `one` or `all`, not {other:?}"),
        };
        Ok(Settings {
            base_url,
            origin,
            database_url,
            concurrency: concurrency.max(1),
            citizens: citizens.max(concurrency.max(1)),
            duration: Duration::from_secs_f64(setting("FILING_DURATION", 20.0)?),
            warmup: Duration::from_secs_f64(setting("FILING_WARMUP", 3.0)?),
            procedure: setting("FILING_PROCEDURE", "1.010038".to_string())?,
            document_prefix: setting("FILING_DOCUMENT", "Tờ khai".to_string())?,
            spread,
            pdf_kb: setting("FILING_PDF_KB", 4)?,
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let settings = Settings::read()?;
    let pool = PgPoolOptions::new()
        .max_connections(2)
        .connect(&settings.database_url)
        .await?;

    // --- setup (not timed)
    let agencies: Vec<String> = sqlx::query_scalar(
        "SELECT a.code FROM procedure_agencies pa
         JOIN procedures p ON p.id = pa.procedure_id JOIN agencies a ON a.id = pa.agency_id
         WHERE p.code = $1 ORDER BY a.kind = 'commune', a.name",
    )
    .bind(&settings.procedure)
    .fetch_all(&pool)
    .await?;
    anyhow::ensure!(
        !agencies.is_empty(),
        "procedure {} has no agency to file at",
        settings.procedure
    );
    let documents: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM procedure_documents d
         JOIN current_procedure_versions c ON c.id = d.version_id
         JOIN procedures p ON p.id = c.procedure_id
         WHERE p.code = $1 AND d.name LIKE $2 || '%'",
    )
    .bind(&settings.procedure)
    .bind(&settings.document_prefix)
    .fetch_one(&pool)
    .await?;
    anyhow::ensure!(
        documents == 1,
        "procedure {} has {documents} documents named “{}…”, not one",
        settings.procedure,
        settings.document_prefix
    );
    let used_agencies = if settings.spread { agencies.len() } else { 1 };
    eprintln!(
        "filing: {} accounts, {} filing at once, procedure {} at {} agenc{}",
        settings.citizens,
        settings.concurrency,
        settings.procedure,
        used_agencies,
        if used_agencies == 1 { "y" } else { "ies" }
    );
    let accounts = accounts(&pool, settings.citizens).await?;
    let citizen_ids: Vec<i64> = accounts.iter().map(|(id, _, _)| *id).collect();
    // Drafts left by an interrupted run would be resumed: start clean.
    sqlx::query("DELETE FROM dossier_attachments WHERE dossier_id IN (SELECT id FROM dossiers WHERE applicant_id = ANY($1) AND status = 'draft')")
        .bind(&citizen_ids)
        .execute(&pool)
        .await?;
    sqlx::query("DELETE FROM dossiers WHERE applicant_id = ANY($1) AND status = 'draft'")
        .bind(&citizen_ids)
        .execute(&pool)
        .await?;

    let sign_in_browser = Browser::new(&settings)?;
    let started = Instant::now();
    let mut citizens = Vec::with_capacity(accounts.len());
    for (n, (id, name, citizen_id)) in accounts.into_iter().enumerate() {
        let email = format!("citizen{n:04}@{EMAIL_DOMAIN}");
        let cookie = sign_in(&sign_in_browser, &email).await?;
        citizens.push(Citizen {
            id,
            name,
            citizen_id,
            agency: agencies[n % used_agencies].clone(),
            cookie,
        });
    }
    eprintln!(
        "filing: {} citizens signed in ({:.1} s)",
        citizens.len(),
        started.elapsed().as_secs_f64()
    );

    // --- the run: each worker files as its citizens in turn
    let pdf = Arc::new(small_pdf(settings.pdf_kb));
    let before = counters(&pool).await?;
    let run_started = chrono::Utc::now() - chrono::Duration::seconds(1);
    let mut groups: Vec<Vec<Citizen>> = (0..settings.concurrency).map(|_| Vec::new()).collect();
    for (n, citizen) in citizens.into_iter().enumerate() {
        groups[n % settings.concurrency].push(citizen);
    }
    let t0 = Instant::now();
    let stop_at = settings.warmup + settings.duration;
    eprintln!(
        "filing: {:.0} s warm-up, then {:.0} s measured",
        settings.warmup.as_secs_f64(),
        settings.duration.as_secs_f64()
    );
    let mut workers = Vec::new();
    for mut group in groups {
        let browser = Browser::new(&settings)?;
        let procedure = settings.procedure.clone();
        let pdf = pdf.clone();
        workers.push(tokio::spawn(async move {
            let mut filings = Vec::new();
            let mut turn = 0;
            while t0.elapsed() < stop_at {
                let n = turn % group.len();
                turn += 1;
                let citizen = &mut group[n];
                let start = t0.elapsed();
                let mut steps = Vec::with_capacity(KINDS.len());
                let outcome = file_one(&browser, citizen, &procedure, &pdf, &mut steps)
                    .await
                    .map(|code| (citizen.id, code));
                let failed = outcome.is_err();
                filings.push(Filing {
                    start,
                    end: t0.elapsed(),
                    steps,
                    outcome,
                });
                if failed {
                    // A failing portal is not hammered in a tight loop.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
            filings
        }));
    }
    let mut filings = Vec::new();
    for worker in workers {
        filings.extend(worker.await?);
    }
    let wall = t0.elapsed();

    // --- figures: filings that ended inside the measured window
    let window = settings.warmup..=stop_at;
    let measured: Vec<&Filing> = filings
        .iter()
        .filter(|filing| window.contains(&filing.end))
        .collect();
    let succeeded: Vec<&Filing> = measured
        .iter()
        .copied()
        .filter(|filing| filing.outcome.is_ok())
        .collect();
    let mut totals: Vec<Duration> = succeeded
        .iter()
        .map(|filing| filing.end - filing.start)
        .collect();
    totals.sort();
    let rate = succeeded.len() as f64 / settings.duration.as_secs_f64();
    let failures: Vec<&Failure> = filings
        .iter()
        .filter_map(|filing| filing.outcome.as_ref().err())
        .collect();

    kinds_table(&succeeded, &totals);
    failure_summary(&failures);

    // --- the database: gapless codes, one dossier per filing
    let filed: Vec<(i64, String)> = filings
        .iter()
        .filter_map(|filing| filing.outcome.as_ref().ok().cloned())
        .collect();
    let problems = verify(&pool, &before, &filed, &citizen_ids, run_started).await?;
    for problem in &problems {
        eprintln!("filing: CHECK FAILED: {problem}");
    }
    eprintln!(
        "filing: {} filings in all ({} in the window, {} failed), {:.1} s; codes {}",
        filings.len(),
        measured.len(),
        failures.len(),
        wall.as_secs_f64(),
        if problems.is_empty() {
            "gapless, one dossier per filing"
        } else {
            "NOT as they must be"
        }
    );
    println!();
    println!(
        "FILING dossiers={} seconds={:.1} rate={:.2} p50_ms={:.1} p95_ms={:.1} p99_ms={:.1} errors={} filings_total={} concurrency={} citizens={} agencies={} first_agency={} procedure={} checks={}",
        succeeded.len(),
        settings.duration.as_secs_f64(),
        rate,
        percentile(&totals, 0.50),
        percentile(&totals, 0.95),
        percentile(&totals, 0.99),
        failures.len(),
        filings.len(),
        settings.concurrency,
        settings.citizens,
        used_agencies,
        agencies[0],
        settings.procedure,
        if problems.is_empty() { "ok" } else { "failed" },
    );
    if !failures.is_empty() || !problems.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
