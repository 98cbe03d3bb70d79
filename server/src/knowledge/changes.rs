//! `POST /quan-tri/hoi-dap/{code}`: one change to an article, named by
//! `action` — `save` the draft, `request_review`, `publish` (someone other
//! than the draft's author: four eyes), `return` it to the author with a
//! note, `archive` or `restore`. The article's row is locked first, so two
//! publications at once make one version. Someone else's article answers
//! as a missing one.

use super::{drafts, store};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::{feedback, refusals};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::forms::{FormFeedback, NoticeTone};
use app::knowledge::admin_store::may_edit;
use app::knowledge::pages::ARTICLE_REVIEW_FORM;
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use store::PublishRefusal;
use tower_sessions::Session;

pub async fn change(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().knowledge;
    let back = paths::article_admin(&code);
    let now = state.clock.now();
    let action = form.get("action");
    let mut tx = state.pool.begin().await?;
    let article = match store::lock(&mut tx, &code).await? {
        Some(article) if may_edit(&mut *tx, &user.0, article.agency_id).await? => article,
        _ => {
            tx.rollback().await?;
            return Ok(refusals::as_missing(format!("article {code}")));
        }
    };
    let done = match action.as_str() {
        "save" if !article.archived => {
            match drafts::save(&mut tx, &article, &user, &form, t, now).await? {
                Ok(()) => t.saved.to_string(),
                Err(kept) => {
                    tx.rollback().await?;
                    feedback::form(&session, kept).await;
                    return Ok(see_other(&back));
                }
            }
        }
        "request_review" if article.has_draft && !article.archived => {
            store::request_review(&mut tx, article.id, user.0.id, now).await?;
            t.review_requested.to_string()
        }
        "publish" => match store::publish(&mut tx, article.id, Some(user.0.id), now).await? {
            Ok(number) => (t.published)(number),
            Err(refusal) => {
                tx.rollback().await?;
                let message = match refusal {
                    PublishRefusal::OwnDraft => t.own_draft,
                    PublishRefusal::Unsound => t.unsound,
                    PublishRefusal::NoDraft | PublishRefusal::Archived => t.no_draft,
                };
                let mut kept = FormFeedback::new(ARTICLE_REVIEW_FORM);
                kept.error("publish", message);
                feedback::form(&session, kept).await;
                return Ok(see_other(&back));
            }
        },
        "return" if article.has_draft && article.draft_saved_by != Some(user.0.id) => {
            let note = form.text("note");
            let note = (!note.is_empty()).then(|| note.chars().take(1000).collect::<String>());
            store::return_draft(&mut tx, article.id, user.0.id, note.as_deref(), now).await?;
            t.returned.to_string()
        }
        "archive" if article.published && !article.archived => {
            store::archive(&mut tx, article.id, true, user.0.id, now).await?;
            t.archived_done.to_string()
        }
        "restore" if article.archived => {
            store::archive(&mut tx, article.id, false, user.0.id, now).await?;
            t.restored.to_string()
        }
        // A button of a state the article has left (another tab, another
        // editor): nothing to do; the page shows where it stands now.
        _ => {
            tx.rollback().await?;
            return Ok(see_other(&back));
        }
    };
    audit::record(
        &mut *tx,
        Some(user.0.id),
        AuditAction::ArticleChanged,
        json!({ "article": code, "action": action }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, done).await;
    Ok(see_other(&back))
}
