//! `POST /ho-so/{code}/danh-gia`: the applicant rates their returned
//! dossier, once. A missing answer comes back explained with everything
//! else kept.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use app::ratings::rating_form::FORM_NAME;
use app::ratings::{parse_level, QUESTIONS};
use axum::extract::{Path, State};
use tower_sessions::Session;

pub async fn rate(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let words = &asker.lang.texts().ratings;
    let back = paths::dossier(&code);
    let dossier = sqlx::query!(
        "SELECT id, status, applicant_id, agency_id, handling_agency_id, assignee_id FROM dossiers WHERE code = $1",
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_follow_as_applicant(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    if dossier.status != "returned" {
        feedback::notice(&session, NoticeTone::Error, words.not_yet).await;
        return Ok(see_other(&back));
    }
    let comment = app::text::normalize(form.get("comment").trim());
    let mut refused = FormFeedback::new(FORM_NAME);
    refused.keep("comment", &comment);
    let mut levels = Vec::new();
    for question in QUESTIONS {
        let posted = form.get(question.field());
        refused.keep(question.field(), &posted);
        match parse_level(&posted) {
            Some(level) => levels.push(level),
            None => refused.error(question.field(), (words.choose)(question.label(asker.lang))),
        }
    }
    if refused.has_errors() || comment.chars().count() > 1000 {
        feedback::form(&session, refused).await;
        return Ok(see_other(&format!("{back}#danh-gia")));
    }
    let stored = sqlx::query!(
        "INSERT INTO dossier_ratings (dossier_id, rated_by, overall, timeliness, attitude, guidance, comment)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_id) DO NOTHING",
        dossier.id,
        user.id,
        levels[0],
        levels[1],
        levels[2],
        levels[3],
        Some(comment).filter(|comment| !comment.is_empty()),
    )
    .execute(&state.pool)
    .await?;
    if stored.rows_affected() == 1 {
        feedback::notice(&session, NoticeTone::Success, words.thanks).await;
    } else {
        feedback::notice(&session, NoticeTone::Error, words.already_rated).await;
    }
    Ok(see_other(&back))
}
