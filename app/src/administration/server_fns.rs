//! Server functions of the administration pages. Every one checks the
//! administrator's reach before reading anything.

use super::model::{OfficialDetail, OfficialsView};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    access::{require, Permission, Role},
    database::pool,
};

/// The official accounts of the agencies the administrator reaches.
#[server(endpoint = "admin/officials")]
pub async fn load_officials() -> Result<OfficialsView, AppError> {
    let admin = require(Permission::ListOfficials)?;
    let agencies = admin.agencies_for(Role::Administrator);
    let pool = pool()?;
    Ok(OfficialsView {
        officials: super::store::officials_in(&pool, agencies).await?,
        agencies: super::store::agency_options(&pool, agencies).await?,
    })
}

/// One official account; refused (403) outside the administrator's reach.
#[server(endpoint = "admin/official")]
pub async fn load_official(id: i64) -> Result<OfficialDetail, AppError> {
    let admin = require(Permission::ListOfficials)?;
    let pool = pool()?;
    let mut official = super::store::official(&pool, id)
        .await?
        .ok_or(AppError::NotFound)?;
    require(Permission::ManageOfficialsOf {
        agency_id: official.agency_id,
    })?;
    official.agencies =
        super::store::agency_options(&pool, admin.agencies_for(Role::Administrator)).await?;
    Ok(official)
}
