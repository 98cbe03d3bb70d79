//! `POST /quan-tri/hoi-dap` starts an article: its code, its question and
//! the answering agency (one the editor writes for). A code taken at the
//! same moment is refused by the unique index, not by a racing check.

use super::store;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::{Refusal, SignedIn};
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::forms::{FormFeedback, NoticeTone};
use app::knowledge::admin_store::may_edit;
use app::knowledge::article::{length_refusal, valid_code, QUESTION_LIMITS};
use app::knowledge::pages::NEW_ARTICLE_FORM;
use app::knowledge::{ArticleContent, ArticleRefusal};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().knowledge;
    let mut kept = FormFeedback::new(NEW_ARTICLE_FORM);
    let code = form.kept_text(&mut kept, "code");
    let question = form.kept_text(&mut kept, "question");
    let agency = form.kept_text(&mut kept, "agency");
    let agency_id = match agency.as_str() {
        "" => None,
        code => {
            sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", code)
                .fetch_optional(&state.pool)
                .await?
        }
    };
    if (!agency.is_empty() && agency_id.is_none())
        || !may_edit(&state.pool, &user.0, agency_id).await?
    {
        return Err(Refusal::forbidden(asker.lang).into());
    }
    if !valid_code(&code) {
        kept.error("code", (t.refusal)(ArticleRefusal::BadCode));
    }
    if let Some(refusal) = length_refusal(&question, QUESTION_LIMITS) {
        kept.error("question", (t.refusal)(refusal));
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::ARTICLES_ADMIN));
    }
    let content = ArticleContent {
        question,
        agency: (!agency.is_empty()).then_some(agency),
        ..ArticleContent::default()
    };
    let mut tx = state.pool.begin().await?;
    let created = store::create(
        &mut tx,
        &code,
        &content,
        agency_id,
        Some(user.0.id),
        state.clock.now(),
    )
    .await?;
    if created.is_none() {
        tx.rollback().await?;
        kept.error("code", (t.refusal)(ArticleRefusal::CodeTaken));
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::ARTICLES_ADMIN));
    }
    audit::record(
        &mut *tx,
        Some(user.0.id),
        AuditAction::ArticleCreated,
        json!({ "article": code }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.created).await;
    Ok(see_other(&paths::article_admin(&code)))
}
