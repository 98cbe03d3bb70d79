//! `motcua`: runs the portal, or manages its local PostgreSQL cluster.
//!
//! ```text
//! motcua                    serve (configuration from the environment)
//! motcua database start     start the local cluster; print its maintenance URL,
//!                           then `started` or `already-running`
//! motcua database stop      stop the local cluster
//! motcua demo generate-year [--dossiers N] [--year YYYY]
//!                           load the demo province and add a generated year
//!                           of dossiers (default 1,000,000, this year)
//! motcua demo generate-catalogue [--procedures N]
//!                           load the demo province and bring its catalogue to
//!                           N procedures (default 2,000), through the import
//! ```

use server::config::Config;
use server::database::local_cluster::LocalCluster;
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("motcua: configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    server::telemetry::init(config.log_format);
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] | ["serve"] => server::run(config).await,
        ["database", "start"] => LocalCluster::at(&config.data_dir).and_then(|cluster| {
            let started = cluster.ensure_running()?;
            println!("{}", cluster.url("postgres"));
            println!(
                "{}",
                if started {
                    "started"
                } else {
                    "already-running"
                }
            );
            Ok(())
        }),
        ["database", "stop"] => {
            LocalCluster::at(&config.data_dir).and_then(|cluster| cluster.stop())
        }
        ["demo", "generate-year", options @ ..] => match GenerateOptions::parse(options) {
            Some(options) => generate_year(config, options).await,
            None => {
                eprintln!("usage: motcua demo generate-year [--dossiers N] [--year YYYY]");
                return ExitCode::from(2);
            }
        },
        ["demo", "generate-catalogue"] => generate_catalogue(config, 2_000).await,
        ["demo", "generate-catalogue", "--procedures", n] => match n.parse() {
            Ok(total) => generate_catalogue(config, total).await,
            Err(_) => {
                eprintln!("usage: motcua demo generate-catalogue [--procedures N]");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!(
                "usage: motcua [serve | database start | database stop | demo generate-year | demo generate-catalogue]"
            );
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "motcua failed");
            ExitCode::FAILURE
        }
    }
}

struct GenerateOptions {
    dossiers: u32,
    year: i32,
}

impl GenerateOptions {
    fn parse(options: &[&str]) -> Option<GenerateOptions> {
        let mut parsed = GenerateOptions {
            dossiers: 1_000_000,
            year: chrono::Datelike::year(&app::clock::Clock::real().today_in_vietnam()),
        };
        for pair in options.chunks(2) {
            match pair {
                ["--dossiers", n] => parsed.dossiers = n.parse().ok()?,
                ["--year", year] => parsed.year = year.parse().ok()?,
                _ => return None,
            }
        }
        Some(parsed)
    }
}

/// The demo province with a generated year of dossiers, for scale tests.
async fn generate_year(config: Config, options: GenerateOptions) -> anyhow::Result<()> {
    let database = server::database::prepare(&config).await?;
    server::seed::load_reference_data(&database.pool).await?;
    server::seed::load_demo_data(&database.pool, &config.secret_key).await?;
    let started = std::time::Instant::now();
    if !server::seed::generated_year::generate(&database.pool, options.dossiers, options.year)
        .await?
    {
        anyhow::bail!("this database already holds a generated year");
    }
    println!(
        "generated {} dossiers of {} in {:.0} s",
        options.dossiers,
        options.year,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The demo province with a catalogue of `total` procedures, for scale tests.
async fn generate_catalogue(config: Config, total: u32) -> anyhow::Result<()> {
    let database = server::database::prepare(&config).await?;
    server::seed::load_reference_data(&database.pool).await?;
    server::seed::load_demo_data(&database.pool, &config.secret_key).await?;
    let started = std::time::Instant::now();
    let clock = app::clock::Clock::real();
    let added = server::seed::generated_catalogue::generate(&database.pool, total, &clock).await?;
    println!(
        "added {added} procedures (catalogue of {total}) in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
