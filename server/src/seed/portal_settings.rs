//! The portal's operator settings (`seed/portal_settings.json`): the help
//! line and the feedback address every page shows, until the province's
//! administrators set their own. Loaded once on every install; what they
//! change later is kept.

use anyhow::Context;
use app::administration::settings::PortalSettings;
use sqlx::PgPool;

const DATA: &str = include_str!("../../seed/portal_settings.json");

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let settings: PortalSettings =
        serde_json::from_str(DATA).context("seed/portal_settings.json")?;
    sqlx::query!(
        "INSERT INTO portal_settings (hotline_number, hotline_hours_vi, hotline_hours_en, feedback_email)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        settings.hotline_number,
        settings.hotline_hours_vi,
        settings.hotline_hours_en,
        settings.feedback_email,
    )
    .execute(pool)
    .await
    .context("the portal settings")?;
    Ok(())
}
