//! `POST /tai-khoan/du-lieu/yeu-cau-chinh-sua`: a person asks for their data
//! to be corrected, about their account or a dossier of theirs (named by
//! its code, found among their own only: another's code is "not found",
//! telling nothing). At most `MAX_OPEN` unanswered requests per person,
//! counted under a lock on the person's row so parallel posts cannot pass
//! it.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::accounts::corrections::{check_details, MAX_OPEN};
use app::accounts::pages::CORRECTION_FORM;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

pub async fn request(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    let c = &asker.lang.texts().corrections;
    let back = format!("{}#data-correct", paths::MY_DATA);
    let mut kept = FormFeedback::new(CORRECTION_FORM);
    let about = if form.get("about") == "dossier" {
        "dossier"
    } else {
        "account"
    };
    kept.keep("about", about);
    let code = form.kept_text(&mut kept, "dossier_code").trim().to_string();
    let details = form.kept_text(&mut kept, "details");
    let details = check_details(&details)
        .map_err(|refusal| kept.error("details", refusal.message(c)))
        .ok();
    let dossier_id = if about == "dossier" {
        let found = sqlx::query_scalar!(
            "SELECT id FROM dossiers WHERE code = $1 AND applicant_id = $2",
            code,
            user.id
        )
        .fetch_optional(&state.pool)
        .await?;
        if found.is_none() {
            kept.error("dossier_code", c.dossier_unknown);
        }
        found
    } else {
        None
    };
    let Some(details) = details.filter(|_| !kept.has_errors()) else {
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    };

    let mut tx = state.pool.begin().await?;
    sqlx::query!("SELECT id FROM users WHERE id = $1 FOR UPDATE", user.id)
        .fetch_one(&mut *tx)
        .await?;
    let open = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM correction_requests WHERE user_id = $1 AND status = 'open'"#,
        user.id
    )
    .fetch_one(&mut *tx)
    .await?;
    if open >= MAX_OPEN {
        kept.error("details", (c.too_many_open)(open));
        feedback::form(&session, kept).await;
        return Ok(see_other(&back));
    }
    let id = sqlx::query_scalar!(
        "INSERT INTO correction_requests (user_id, about, dossier_id, details)
         VALUES ($1, $2, $3, $4) RETURNING id",
        user.id,
        about,
        dossier_id,
        details,
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::CorrectionRequested,
        json!({ "request": id, "about": about }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, c.sent).await;
    Ok(see_other(&back))
}
