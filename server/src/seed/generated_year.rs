//! A generated year of dossiers (`generated_year.sql`): histories,
//! supplements, late ones, payments and ratings across every agency and
//! procedure of the demo province. For scale tests and benchmarks
//! (`motcua demo generate-year`) and, in a smaller dose, a demo whose
//! statistics have something to show (`MOTCUA_DEMO_HISTORY`).

use sqlx::{ConnectOptions, Connection, PgConnection, PgPool};

const SCRIPT: &str = include_str!("generated_year.sql");

/// Held while a year is generated, so that two instances started together
/// on one database generate it once.
const LOCK: i64 = 0x6d6f_7463_7561_0766;

/// Fills the database with `dossiers` dossiers of `year` (up to now when
/// it is the current year), in one transaction, unless a generated year is
/// already there. Whether it generated one.
pub async fn generate(pool: &PgPool, dossiers: u32, year: i32) -> anyhow::Result<bool> {
    let script = SCRIPT
        .replace("{{dossiers}}", &dossiers.to_string())
        .replace("{{year}}", &year.to_string());
    // Its own connection, which does not log the script (sixty thousand
    // characters) as a slow statement: it is slow by design.
    let options = (*pool.connect_options())
        .clone()
        .log_slow_statements(log::LevelFilter::Off, std::time::Duration::ZERO);
    let mut connection = options.connect().await?;
    sqlx::query("SELECT pg_advisory_lock($1)")
        .bind(LOCK)
        .execute(&mut connection)
        .await?;
    let generated = if already_generated(&mut connection).await? {
        false
    } else {
        sqlx::raw_sql(&script).execute(&mut connection).await?;
        true
    };
    // Closing the connection releases the lock.
    connection.close().await?;
    Ok(generated)
}

/// Whether a generated year is already there (its officials are).
pub async fn already_generated(connection: &mut PgConnection) -> anyhow::Result<bool> {
    Ok(sqlx::query_scalar::<_, bool>(
        "SELECT EXISTS (SELECT 1 FROM users WHERE email LIKE '%@gen.motcua.example')",
    )
    .fetch_one(connection)
    .await?)
}
