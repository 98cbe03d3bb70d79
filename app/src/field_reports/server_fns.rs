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
    let for_caller = user.is_official()
        && (user.has_role(crate::access::Role::Reception) || store::coordinates(&user));
    let mut place_errors = Vec::new();
    let mut chosen = None;
    let mut nearby = Vec::new();
    // The first step was sent: check it, and look for the same problem.
    if place != PlaceQuery::default() {
        chosen = groups
            .iter()
            .flat_map(|group| group.categories.iter())
            .find(|category| category.code == place.category)
            .cloned();
        if chosen.is_none() {
            place_errors.push(("category".to_string(), PlaceError::CategoryMissing));
        }
        if !communes.iter().any(|commune| commune.code == place.commune) {
            place_errors.push(("commune".to_string(), PlaceError::CommuneMissing));
        }
        if place.street.chars().count() > 200 {
            place_errors.push(("street".to_string(), PlaceError::StreetTooLong));
        }
        let point = match parse_point(&place.latitude, &place.longitude) {
            Ok(point) => point,
            Err(error) => {
                place_errors.push(("latitude".to_string(), error));
                None
            }
        };
        if place_errors.is_empty() {
            nearby = store::nearby(
                &pool,
                lang,
                &place.category,
                &place.commune,
                &place.street,
                point,
                now,
            )
            .await?;
        } else {
            chosen = None;
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
    })
}

/// `/phan-anh/{code}`: a public report to anyone; a private, refused or
/// merged one to its reporter and followers only (otherwise missing).
#[server(endpoint = "field-reports/report")]
pub async fn load_report(code: String) -> Result<ReportView, AppError> {
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    let now = crate::clock::current()?.now();
    let user = crate::access::current_user();
    store::view(&pool, lang, &code, user.as_ref(), now, false)
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
    let cards = |located: Vec<store::Located>| located.into_iter().map(|l| l.card).collect();
    Ok(MyReports {
        filed: cards(store::cards(&pool, lang, &filed, now).await?),
        followed: cards(store::cards(&pool, lang, &followed, now).await?),
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
        commune: given(&filter.commune),
        category: given(&filter.category),
        statuses,
        limit: 100,
        ..Default::default()
    };
    Ok(Board {
        reports: store::cards(&pool, lang, &cards, now)
            .await?
            .into_iter()
            .map(|located| located.card)
            .collect(),
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
    let coordinator = store::coordinates(&user);
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
    let cards = |located: Vec<store::Located>| located.into_iter().map(|l| l.card).collect();
    Ok(ReportQueue {
        coordinator,
        open: cards(store::cards(&pool, lang, &open, now).await?),
        closed: cards(store::cards(&pool, lang, &closed, now).await?),
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
use super::rules::{parse_point, PlaceError};
#[cfg(feature = "ssr")]
use super::store;
#[cfg(feature = "ssr")]
use crate::knowledge::server_fns::refused;
