//! `POST /can-bo/tiep-nhan/cong-dan`: records a walk-in applicant from
//! their ID card; `GET /can-bo/tiep-nhan/nop`: the procedure chooser's
//! answer, which opens the counter's filing page.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::counter::walk_in::WalkInForm;
use app::filing::filing_path;
use app::forms::NoticeTone;
use app::paths;
use axum::extract::{Query, State};
use axum::response::Response;
use serde_json::json;
use std::collections::HashMap;
use tower_sessions::Session;

pub async fn record(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    officer: SignedIn,
    form: Posted,
) -> HandlerResult {
    let officer = officer.may(Permission::FileAtCounter, asker.lang)?.clone();
    let texts = &asker.lang.texts().counter;
    let typed = WalkInForm {
        full_name: form.get("full_name"),
        citizen_id: form.get("citizen_id"),
        date_of_birth: form.get("date_of_birth"),
        phone: form.get("phone"),
        email: form.get("email"),
    };
    let walk_in = match typed.validate(asker.lang, state.clock.today_in_vietnam()) {
        Ok(walk_in) => walk_in,
        Err(refused) => {
            feedback::form(&session, refused).await;
            return Ok(see_other(&desk(&typed.citizen_id)));
        }
    };
    let citizen_id = walk_in.citizen_id.as_str();
    let inserted = sqlx::query_scalar!(
        "INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, phone, recorded_by)
         VALUES ('citizen', $1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING RETURNING id",
        walk_in.full_name.as_str(),
        walk_in.email.as_ref().map(|email| email.as_str()),
        citizen_id,
        walk_in.date_of_birth as _,
        walk_in.phone.as_ref().map(|phone| phone.as_str()),
        officer.id,
    )
    .fetch_optional(&state.pool)
    .await?;
    match inserted {
        Some(id) => {
            audit::record(
                &state.pool,
                Some(officer.id),
                AuditAction::ApplicantRecorded,
                json!({ "applicant": id, "citizen_id": walk_in.citizen_id.masked() }),
                asker.ip,
            )
            .await?;
            feedback::notice(&session, NoticeTone::Success, texts.recorded).await;
        }
        // The CCCD (or the email) is taken: someone recorded or registered
        // it in the meantime.
        // The CCCD (or the email) is taken: someone recorded or registered
        // it in the meantime.
        None => {
            let known =
                app::counter::store::applicant_by_citizen_id(&state.pool, citizen_id).await?;
            if known.is_some() {
                feedback::notice(&session, NoticeTone::Info, texts.already_recorded).await;
            } else {
                let mut refused = typed.typed_values();
                refused.error("email", texts.email_taken);
                feedback::form(&session, refused).await;
            }
        }
    }
    Ok(see_other(&desk(citizen_id)))
}

/// `/can-bo/tiep-nhan?cccd=…`
fn desk(citizen_id: &str) -> String {
    let mut link = paths::counter() + "?cccd=";
    link.extend(form_urlencoded::byte_serialize(
        citizen_id.trim().as_bytes(),
    ));
    link
}

/// The chooser is a GET form (`?nguoi-nop=&thu-tuc=`); its answer lives at
/// `/can-bo/tiep-nhan/{applicant}/{procedure}`. Who may file is checked there.
pub async fn start_filing(Query(query): Query<HashMap<String, String>>) -> Response {
    let applicant = query
        .get("nguoi-nop")
        .and_then(|id| id.trim().parse::<i64>().ok());
    let procedure = query
        .get("thu-tuc")
        .map(|code| code.trim())
        .unwrap_or_default();
    match applicant {
        Some(applicant) if !procedure.is_empty() && !procedure.contains('/') => {
            let mut code = String::new();
            code.extend(form_urlencoded::byte_serialize(procedure.as_bytes()));
            see_other(&filing_path(&code, Some(applicant)))
        }
        _ => see_other(&paths::counter()),
    }
}
