//! The portal's operator settings (`seed/portal_settings.json`): the help
//! line and the feedback address every page shows, and where the field
//! reports' map opens (no tile address: the demo fetches nothing from
//! outside), until the province's administrators set their own. Loaded
//! once on every install; what they change later is kept.

use anyhow::Context;
use app::administration::settings::{MapSettings, PortalSettings};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize)]
struct Seeded {
    #[serde(flatten)]
    portal: PortalSettings,
    map: MapSettings,
}

const DATA: &str = include_str!("../../seed/portal_settings.json");

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let Seeded {
        portal: settings,
        map,
    } = serde_json::from_str(DATA).context("seed/portal_settings.json")?;
    sqlx::query!(
        "INSERT INTO portal_settings (hotline_number, hotline_hours_vi, hotline_hours_en, feedback_email,
                                      map_tile_url, map_attribution, map_centre_latitude,
                                      map_centre_longitude, map_zoom)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING",
        settings.hotline_number,
        settings.hotline_hours_vi,
        settings.hotline_hours_en,
        settings.feedback_email,
        map.tile_url,
        map.attribution,
        map.centre_latitude,
        map.centre_longitude,
        map.zoom,
    )
    .execute(pool)
    .await
    .context("the portal settings")?;
    Ok(())
}
