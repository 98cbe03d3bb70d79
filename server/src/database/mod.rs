//! Connecting to PostgreSQL and bringing its schema up to date.

pub mod local_cluster;

use crate::config::Config;
use anyhow::Context;
use local_cluster::LocalCluster;
use sqlx::migrate::MigrateDatabase;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::Postgres;
use std::time::Duration;

/// The schema migrations in `migrations/`, embedded in the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Name of the database inside the portal's own cluster.
const LOCAL_DATABASE: &str = "motcua";

/// A database ready for the portal, and the local cluster we started for it, if any.
pub struct Database {
    pub pool: PgPool,
    pub started_cluster: Option<LocalCluster>,
}

/// Connects to `DATABASE_URL`, or to the portal's own cluster when it is unset;
/// creates the database when missing and applies pending migrations.
pub async fn prepare(config: &Config) -> anyhow::Result<Database> {
    let (url, started_cluster) = match &config.database_url {
        Some(url) => (url.expose().to_string(), None),
        None => {
            let data_dir = config.data_dir.clone();
            let (cluster, started) = tokio::task::spawn_blocking(move || {
                let cluster = LocalCluster::at(&data_dir)?;
                let started = cluster.ensure_running()?;
                anyhow::Ok((cluster, started))
            })
            .await??;
            (cluster.url(LOCAL_DATABASE), started.then_some(cluster))
        }
    };
    let pool = connect_and_migrate(&url).await?;
    Ok(Database {
        pool,
        started_cluster,
    })
}

/// Creates the database if needed, connects, and migrates.
pub async fn connect_and_migrate(url: &str) -> anyhow::Result<PgPool> {
    if !Postgres::database_exists(url)
        .await
        .context("cannot reach PostgreSQL")?
    {
        Postgres::create_database(url)
            .await
            .context("cannot create the database")?;
    }
    let pool = PgPoolOptions::new()
        .max_connections(20)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await
        .context("cannot connect to the database")?;
    MIGRATOR
        .run(&pool)
        .await
        .context("database migration failed")?;
    Ok(pool)
}

/// Whether `error` is a unique-constraint violation (a second account with
/// the same email, say): the database decides races, and this tells the
/// caller to answer with a field message instead of a failure page.
pub fn is_unique_violation(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<sqlx::Error>()
        .and_then(sqlx::Error::as_database_error)
        .is_some_and(|database| database.is_unique_violation())
}
