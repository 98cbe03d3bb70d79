//! `motcua`: runs the portal, or manages its local PostgreSQL cluster.
//!
//! ```text
//! motcua                    serve (configuration from the environment)
//! motcua database start     start the local cluster; print its maintenance URL,
//!                           then `started` or `already-running`
//! motcua database stop      stop the local cluster
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
        _ => {
            eprintln!("usage: motcua [serve | database start | database stop]");
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
