//! Reading the portal settings: for the foot of every page, and for their
//! administration page. Changes are a plain POST
//! (`server/src/administration/settings.rs`).

use super::{PortalSettings, SettingsAdmin};
use crate::error::AppError;
use leptos::prelude::*;

/// The help line and feedback address, for every visitor.
#[server(endpoint = "settings/footer")]
pub async fn load_portal_settings() -> Result<PortalSettings, AppError> {
    let pool = crate::database::pool()?;
    store::settings(&pool).await
}

#[server(endpoint = "admin/settings")]
pub async fn load_settings_admin() -> Result<SettingsAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    Ok(SettingsAdmin {
        settings: store::settings(&pool).await?,
        assistant: store::assistant_settings(&pool).await?,
        field_reports: store::field_report_settings(&pool).await?,
        retention: store::retention_settings(&pool).await?,
        chat_configured: use_context::<crate::assistant::phrasing::ChatEndpoint>()
            .and_then(|endpoint| endpoint.0)
            .is_some(),
        may_edit: permits(&admin, Permission::ManageCatalogue { province_id }),
    })
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::{
        AssistantSettings, FieldReportSettings, MapSettings, PortalSettings, RetentionSettings,
    };
    use crate::error::AppResult;
    use sqlx::PgExecutor;

    /// The settings; the defaults when none are stored yet.
    pub async fn settings<'c>(executor: impl PgExecutor<'c>) -> AppResult<PortalSettings> {
        Ok(sqlx::query_as!(
            PortalSettings,
            "SELECT hotline_number, hotline_hours_vi, hotline_hours_en, feedback_email FROM portal_settings"
        )
        .fetch_optional(executor)
        .await?
        .unwrap_or_default())
    }

    /// The questions' and the assistant's settings (the table's defaults
    /// when no row is stored yet): the one place they are read.
    pub async fn assistant_settings<'c>(
        executor: impl PgExecutor<'c>,
    ) -> AppResult<AssistantSettings> {
        Ok(sqlx::query_as!(
            AssistantSettings,
            "SELECT question_answer_days, generated_answers FROM portal_settings"
        )
        .fetch_optional(executor)
        .await?
        .unwrap_or_default())
    }

    /// How long drafts and the assistant's exchanges are kept (the
    /// table's defaults when no row is stored yet): the one place they
    /// are read.
    pub async fn retention_settings<'c>(
        executor: impl PgExecutor<'c>,
    ) -> AppResult<RetentionSettings> {
        Ok(sqlx::query_as!(
            RetentionSettings,
            "SELECT draft_retention_days, assistant_retention_days FROM portal_settings"
        )
        .fetch_optional(executor)
        .await?
        .unwrap_or_default())
    }

    /// The field reports' settings, the map's included (the table's
    /// defaults when no row is stored yet): the one place they are read.
    pub async fn field_report_settings<'c>(
        executor: impl PgExecutor<'c>,
    ) -> AppResult<FieldReportSettings> {
        let row = sqlx::query!(
            "SELECT report_reopen_days, map_tile_url, map_attribution, map_centre_latitude,
                    map_centre_longitude, map_zoom
             FROM portal_settings"
        )
        .fetch_optional(executor)
        .await?;
        Ok(row
            .map(|row| FieldReportSettings {
                report_reopen_days: row.report_reopen_days,
                map: MapSettings {
                    tile_url: row.map_tile_url,
                    attribution: row.map_attribution,
                    centre_latitude: row.map_centre_latitude,
                    centre_longitude: row.map_centre_longitude,
                    zoom: row.map_zoom,
                },
            })
            .unwrap_or_default())
    }
}
