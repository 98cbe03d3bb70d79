//! Structured logs through `tracing`: readable text by default, JSON lines
//! for log collectors (`MOTCUA_LOG_FORMAT=json`). `RUST_LOG` filters.

use crate::config::LogFormat;
use tracing_subscriber::EnvFilter;

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    // Logs go to stderr: stdout belongs to the commands' own output
    // (`motcua database start` prints the URL scripts read).
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().flatten_event(true).init(),
        LogFormat::Text => builder.init(),
    }
}
