//! Loading the field reports' pages. Every change is a plain POST
//! (`server/src/field_reports/`).

use super::{
    Board, BoardFilter, FileReport, MyReports, PlaceQuery, ReportQueue, ReportToHandle, ReportView,
};
use crate::error::AppError;
use leptos::prelude::*;

/// `/phan-anh/gui`: the form; with a category and a place chosen, also
/// the open reports nearby to follow instead.
#[server(endpoint = "field-reports/file")]
pub async fn load_file_report(place: PlaceQuery) -> Result<FileReport, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let groups = store::category_groups(&pool, lang).await?;
    let communes = store::communes(&pool).await?;
    let for_caller = permits(&user, Permission::FileFieldReportForCaller);
    // Officials file only for callers: the form is not theirs otherwise.
    if user.is_official() && !for_caller {
        return Err(refused(AppError::Forbidden));
    }
    let mut place_errors = Vec::new();
    let mut chosen = None;
    let mut nearby = Vec::new();
    // The first step was sent: check it, and look for the same problem.
    if place != PlaceQuery::default() {
        let category = groups
            .iter()
            .flat_map(|group| group.categories.iter())
            .find(|category| category.code == place.category)
            .cloned();
        let commune_known = communes.iter().any(|commune| commune.code == place.commune);
        match check_place(&place, category.is_some(), commune_known) {
            Ok(point) => {
                let near = store::Near {
                    category: &place.category,
                    commune: &place.commune,
                    street: &place.street,
                    point,
                };
                nearby = store::nearby(&pool, lang, &near, false, now).await?;
                chosen = category;
            }
            Err(errors) => place_errors = errors,
        }
    }
    Ok(FileReport {
        groups,
        communes,
        place,
        chosen,
        place_errors,
        nearby,
        for_caller,
        map: map_view(&pool).await?,
    })
}

/// The map, when the province set a tile address.
#[cfg(feature = "ssr")]
async fn map_view(pool: &sqlx::PgPool) -> Result<Option<super::MapView>, AppError> {
    use crate::administration::settings::server_fns::store::field_report_settings;
    use crate::field_reports::map_tiles::tiles_version;
    let map = field_report_settings(pool).await?.map;
    Ok((!map.tile_url.is_empty()).then(|| super::MapView {
        tiles_version: tiles_version(&map.tile_url),
        attribution: map.attribution,
        centre_latitude: map.centre_latitude,
        centre_longitude: map.centre_longitude,
        zoom: u8::try_from(map.zoom).unwrap_or(13),
    }))
}

/// `/phan-anh/{code}`: a public report to anyone; a private, refused or
/// merged one to its reporter and followers only (otherwise missing).
#[server(endpoint = "field-reports/report")]
pub async fn load_report(code: String) -> Result<ReportView, AppError> {
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let user = crate::access::current_user();
    store::view(&pool, lang, &code, user.as_ref(), now)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

/// `/tai-khoan/phan-anh`: what the citizen filed and follows.
#[server(endpoint = "field-reports/mine")]
pub async fn load_my_reports() -> Result<MyReports, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let filed = store::CardFilter {
        reporter: Some(user.id),
        limit: 200,
        ..Default::default()
    };
    let followed = store::CardFilter {
        follower: Some(user.id),
        limit: 200,
        ..Default::default()
    };
    Ok(MyReports {
        filed: store::cards(&pool, lang, &filed, now).await?,
        followed: store::cards(&pool, lang, &followed, now).await?,
    })
}

/// `/phan-anh`: the public board (accepted public reports), newest first.
#[server(endpoint = "field-reports/board")]
pub async fn load_board(filter: BoardFilter) -> Result<Board, AppError> {
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let given = |text: &str| (!text.is_empty()).then(|| text.to_string());
    let statuses = match filter.status.as_str() {
        "open" => Some(vec![
            "forwarded".to_string(),
            "in_progress".to_string(),
            "answered".to_string(),
        ]),
        "resolved" => Some(vec!["resolved".to_string()]),
        _ => None,
    };
    let cards = store::CardFilter {
        board: true,
        for_anyone: true,
        commune: given(&filter.commune),
        category: given(&filter.category),
        statuses,
        limit: 100,
        ..Default::default()
    };
    Ok(Board {
        reports: store::cards(&pool, lang, &cards, now).await?,
        communes: store::communes(&pool).await?,
        groups: store::category_groups(&pool, lang).await?,
        filter,
    })
}

/// `/can-bo/phan-anh`: every open report for the coordinator; the
/// agency's own for its staff.
#[server(endpoint = "field-reports/queue")]
pub async fn load_report_queue() -> Result<ReportQueue, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let coordinator = permits(&user, Permission::CoordinateFieldReports);
    let agencies = store::handling_agencies(&user);
    if !coordinator && agencies.is_empty() {
        return Err(refused(AppError::Forbidden));
    }
    let scope = (!coordinator).then_some(agencies);
    // The coordinator's queue starts at "received"; an agency's at
    // "forwarded" (an answer waiting for publication is still theirs).
    let first = if coordinator { 0 } else { 1 };
    let open_statuses: Vec<String> = ["received", "forwarded", "in_progress", "answered"][first..]
        .iter()
        .map(|status| status.to_string())
        .collect();
    let open = store::CardFilter {
        statuses: Some(open_statuses),
        agencies: scope.clone(),
        by_due: true,
        limit: 300,
        ..Default::default()
    };
    let closed = store::CardFilter {
        statuses: Some(vec!["resolved".into(), "refused".into(), "merged".into()]),
        agencies: scope,
        limit: 50,
        ..Default::default()
    };
    Ok(ReportQueue {
        coordinator,
        open: store::cards(&pool, lang, &open, now).await?,
        closed: store::cards(&pool, lang, &closed, now).await?,
    })
}

/// `/can-bo/phan-anh/{code}`: one report for the coordinator or the
/// handling agency's staff (others: missing). Only the coordinator gets
/// the reporter's identity.
#[server(endpoint = "field-reports/handle")]
pub async fn load_report_to_handle(code: String) -> Result<ReportToHandle, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    store::to_handle(&pool, lang, &code, &user, now)
        .await?
        .ok_or_else(|| refused(AppError::NotFound))
}

#[cfg(feature = "ssr")]
use super::rules::check_place;
#[cfg(feature = "ssr")]
use super::store;
#[cfg(feature = "ssr")]
use crate::access::{permits, Permission};
#[cfg(feature = "ssr")]
use crate::knowledge::server_fns::refused;
