//! Outgoing mail. A change and the message reporting it are written in one
//! transaction ([`outbox::enqueue`]); a worker on any instance sends queued
//! messages over SMTP with retries ([`worker`]), so a request never waits for
//! a mail server. In demo mode and tests, a real SMTP listener
//! ([`catcher`]) receives the messages instead of the outside world.

pub mod catcher;
pub mod outbox;
pub mod templates;
pub mod worker;

use crate::config::{Config, ExposeSecret};
use sqlx::PgPool;

/// Starts mail delivery for this instance: the worker, and in demo mode
/// without `MOTCUA_SMTP_URL`, a local catcher to deliver to.
pub async fn start(pool: &PgPool, config: &Config) -> anyhow::Result<()> {
    let smtp_url = match &config.smtp_url {
        Some(url) => url.expose_secret().to_string(),
        None if config.demo => {
            let address = catcher::spawn(pool.clone(), "127.0.0.1:0").await?;
            tracing::info!(%address, "demo mail goes to the local SMTP catcher (see /trinh-dien/hop-thu)");
            format!("smtp://{address}")
        }
        None => {
            tracing::warn!("MOTCUA_SMTP_URL is not set: mail is queued but not sent");
            return Ok(());
        }
    };
    worker::spawn(pool.clone(), &smtp_url, &config.mail_from)?;
    Ok(())
}
