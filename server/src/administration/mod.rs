//! Administrators manage official accounts (`/quan-tri/nguoi-dung`), the
//! API tokens of managers (`/quan-tri/ma-api`), the working calendar
//! (`/quan-tri/lich-lam-viec`) and procedure versions (`/quan-tri/thu-tuc`),
//! with their documents' blank forms (served at `/mau-don/{id}`).

mod agencies;
pub mod agency_changes;
mod agency_merger;
mod api_tokens;
mod calendar;
mod catalogue_exchange;
mod catalogue_files;
pub mod catalogue_import;
mod correction_answers;
pub mod document_templates;
mod identity_providers;
mod officials;
mod procedure_creation;
pub(crate) mod procedure_store;
pub(crate) mod procedures;
mod search_words;
mod sectors;
mod settings;

use crate::state::AppState;
use app::paths;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::OFFICIALS, post(officials::create))
        .route(paths::API_TOKENS, post(api_tokens::issue))
        .route(paths::REVOKE_API_TOKEN, post(api_tokens::revoke))
        .route(paths::OFFICIAL, post(officials::update))
        .route(paths::DISABLE_OFFICIAL, post(officials::disable))
        .route(
            paths::RESET_OFFICIAL_FACTOR,
            post(officials::reset_second_factor),
        )
        .route(paths::ENABLE_OFFICIAL, post(officials::enable))
        .route(paths::END_OFFICIAL_SESSIONS, post(officials::end_sessions))
        .route(paths::CALENDAR, post(calendar::add_day))
        .route(paths::REMOVE_CALENDAR_DAY, post(calendar::remove_day))
        .route(paths::CONFIRM_CALENDAR_YEAR, post(calendar::confirm_year))
        .route(paths::AGENCY_ADMIN, post(agencies::update))
        .route(paths::MERGE_AGENCY, post(agency_merger::merge))
        .route(paths::CANCEL_AGENCY_CHANGE, post(agency_changes::cancel))
        .route(paths::SETTINGS_ADMIN, post(settings::update))
        .route(paths::ASSISTANT_SETTINGS, post(settings::update_assistant))
        .route(paths::REPORT_SETTINGS, post(settings::update_field_reports))
        .route(paths::RETENTION_SETTINGS, post(settings::update_retention))
        .route(paths::ANSWER_CORRECTION, post(correction_answers::answer))
        .route(
            paths::IDENTITY_PROVIDERS_ADMIN,
            post(identity_providers::create),
        )
        .route(
            paths::IDENTITY_PROVIDER_ADMIN,
            post(identity_providers::update),
        )
        .route(paths::SEARCH_WORDS_ADMIN, post(search_words::change))
        .route(paths::SECTORS_ADMIN, post(sectors::create))
        .route(paths::SECTOR_ADMIN, post(sectors::update))
        .route(paths::REMOVE_SECTOR, post(sectors::remove))
        .route(paths::NEW_PROCEDURE, post(procedure_creation::create))
        .route(paths::CATALOGUE_JSON, get(catalogue_exchange::export_json))
        .route(paths::CATALOGUE_XLSX, get(catalogue_exchange::export_xlsx))
        .route(
            paths::IMPORT_CATALOGUE,
            post(catalogue_exchange::import)
                .layer(DefaultBodyLimit::max(catalogue_exchange::MAX_FILE_BYTES)),
        )
        .route(
            paths::PUBLISH_CATALOGUE_IMPORT,
            post(catalogue_exchange::publish),
        )
        .route(
            paths::DISCARD_CATALOGUE_IMPORT,
            post(catalogue_exchange::discard),
        )
        .route(paths::NEW_PROCEDURE_DRAFT, post(procedures::new_draft))
        .route(
            paths::SAVE_PROCEDURE_DRAFT,
            post(procedures::save_draft).layer(DefaultBodyLimit::max(
                document_templates::MAX_DRAFT_POST_BYTES,
            )),
        )
        .route(paths::TEMPLATE_FILE, get(document_templates::download))
        .route(
            paths::DISCARD_PROCEDURE_DRAFT,
            post(procedures::discard_draft),
        )
        .route(paths::PUBLISH_PROCEDURE_DRAFT, post(procedures::publish))
        .route(paths::SUSPEND_PROCEDURE, post(procedures::suspend))
}

/// Every few minutes (and at start), the agency changes decided for today
/// are carried out, and a version scheduled for today takes over its
/// procedure's sector, level and implementing agencies: the
/// catalogue shows it from midnight (`current_procedure_versions`), and its
/// dossiers go where it says within minutes of that. Every instance runs
/// it; the function skips procedures another one is updating.
pub fn spawn_scheduled_changes(pool: sqlx::PgPool, clock: app::clock::Clock) {
    tokio::spawn(async move {
        let mut every_few_minutes = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            every_few_minutes.tick().await;
            // Agencies first: a procedure's new placement may name an
            // agency renamed or merged the same day.
            let today = clock.today_in_vietnam();
            if let Err(error) = agency_changes::carry_out_due(&pool, today).await {
                tracing::warn!(%error, "could not carry out the agency changes due today");
            }
            let applied = match pool.acquire().await {
                Ok(mut conn) => procedure_store::apply_placements(&mut conn).await,
                Err(error) => Err(error),
            };
            match applied {
                Ok(0) => {}
                Ok(changed) => {
                    tracing::info!(changed, "procedures now follow the versions taking effect")
                }
                Err(error) => {
                    tracing::warn!(%error, "could not apply the placement of versions taking effect")
                }
            }
        }
    });
}
