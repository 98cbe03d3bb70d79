// The inbox's server function takes one argument per query parameter (see
// `load_inbox`); the browser-side stub that `#[server]` generates from it
// does not carry the function's own `allow`.
#![allow(clippy::too_many_arguments)]

use super::model::{Inbox, OfficeDossier};
use crate::error::AppError;
use leptos::prelude::*;

/// How many working days before a dossier's appointment it counts as due
/// soon, as the server's configuration says (`MOTCUA_DUE_SOON_DAYS`); the
/// server provides it to every page and server function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DueSoonDays(pub u32);

/// The configured window; 1 working day where none was provided (tests
/// rendering without a server).
#[cfg(feature = "ssr")]
fn due_soon_days() -> u32 {
    use_context::<DueSoonDays>().map_or(1, |DueSoonDays(days)| days)
}

/// The warning window before a dossier's appointment.
#[cfg(feature = "ssr")]
async fn due_window() -> Result<super::store::DueWindow, AppError> {
    let days = due_soon_days();
    let calendar = crate::deadlines::store::working_calendar(&crate::database::pool()?).await?;
    let now = crate::clock::current()?.now_in_vietnam();
    Ok(super::store::DueWindow::at(&calendar, days, now))
}

/// The official's work queue. Flat arguments, one per query parameter: a
/// filter struct whose fields are all empty would travel as no argument at
/// all, and the call would be refused.
#[server(endpoint = "back-office/inbox")]
pub async fn load_inbox(
    queue: Option<String>,
    search: Option<String>,
    procedure: Option<String>,
    sector: Option<String>,
    channel: Option<String>,
    due: Option<String>,
    sort: Option<String>,
    page: Option<u32>,
) -> Result<Inbox, AppError> {
    use crate::access::{require, Permission};
    let filter = super::model::InboxFilter {
        queue,
        search,
        procedure,
        sector,
        channel,
        due,
        sort,
        page,
    };
    let user = require(Permission::EnterBackOffice)?;
    let window = due_window().await?;
    let lang = crate::i18n::current_lang();
    super::store::inbox(&crate::database::pool()?, &user, filter, &window, lang).await
}

/// One dossier in the official's scope; others are "not found".
#[server(endpoint = "back-office/dossier")]
pub async fn load_office_dossier(code: String) -> Result<OfficeDossier, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::EnterBackOffice)?;
    let pool = crate::database::pool()?;
    // Read once: the due mark and the workflow steps' deadlines both need it.
    let calendar = crate::deadlines::store::working_calendar(&pool).await?;
    let now = crate::clock::current()?.now_in_vietnam();
    let window = super::store::DueWindow::at(&calendar, due_soon_days(), now);
    let lang = crate::i18n::current_lang();
    let dossier = super::store::dossier(&pool, &user, code.trim(), lang, &calendar, &window)
        .await?
        .ok_or(AppError::NotFound)?;
    use crate::dossiers::reads::store::{record, Read};
    let ip = crate::access::client_ip();
    record(&pool, user.id, &dossier.code, Read::Dossier, ip).await?;
    Ok(dossier)
}
