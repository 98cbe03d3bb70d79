//! Data a fresh install starts with.
//!
//! Reference data (the 2025 administrative units, the standard filing
//! form, the portal's help line and feedback address)
//! is loaded on every install; the demo province, its agencies and
//! procedures only when demo mode asks.
//! Both are idempotent: running them again changes nothing.

mod administrative_units;
pub mod demo_accounts;
mod demo_agencies;
mod demo_articles;
mod demo_catalogue;
mod demo_eforms;
mod demo_one_stop_units;
pub mod demo_signing;
mod demo_templates;
mod demo_workflows;
pub mod generated_catalogue;
pub mod generated_reports;
pub mod generated_year;
mod portal_settings;
pub mod report_categories;
mod standard_form;

use sqlx::PgPool;

/// Loads the reference data every installation needs.
pub async fn load_reference_data(pool: &PgPool) -> anyhow::Result<()> {
    administrative_units::load(pool).await?;
    portal_settings::load(pool).await?;
    standard_form::load(pool).await
}

/// Loads the demo province: agencies and their one-stop units, the
/// procedure catalogue, the knowledge base and one account per role (the
/// officials' second factor sealed with `key`).
pub async fn load_demo_data(pool: &PgPool, key: &crate::config::SecretKey) -> anyhow::Result<()> {
    demo_agencies::load(pool).await?;
    demo_one_stop_units::load(pool).await?;
    demo_catalogue::load(pool).await?;
    demo_eforms::load(pool).await?;
    demo_articles::load(pool).await?;
    report_categories::load(pool).await?;
    demo_accounts::load(pool, key).await
}
