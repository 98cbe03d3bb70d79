//! `POST /nop-ho-so/{code}/giay-to/tu-kho` (`document`, `file`): attaches a
//! file the citizen already holds in their document wallet instead of
//! uploading it again (Decree 45/2020: do not ask twice). On the filing page
//! the button is inside the filing form (`formaction`), so the answers typed
//! so far are saved first and the citizen comes back to the document.

use crate::access::feedback;
use crate::dossiers::drafts::Filing;
use crate::dossiers::filing::save_posted;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::filing::document_anchor;
use app::forms::NoticeTone;
use axum::extract::State;
use tower_sessions::Session;

pub async fn attach_from_wallet(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    filing: Filing,
    form: Posted,
) -> HandlerResult {
    let draft = match save_posted(&state, &filing, &form).await? {
        Some(draft) => draft,
        None => filing.draft(&state.pool).await?,
    };
    let document = form.get("document").parse::<i64>();
    let back = match &document {
        Ok(slot) => format!("{}#{}", filing.base_path(), document_anchor(*slot)),
        Err(_) => filing.base_path(),
    };
    let chosen = match &document {
        Ok(slot) => form.get(&format!("wallet_{slot}")),
        Err(_) => String::new(),
    };
    let chosen = if chosen.is_empty() {
        form.get("file")
    } else {
        chosen
    };
    let (Ok(document), Ok(file)) = (document, chosen.parse::<i64>()) else {
        return Ok(see_other(&back));
    };
    // Only the citizen's own file, only for a document of this procedure.
    let attached = sqlx::query_scalar!(
        r#"INSERT INTO dossier_attachments (dossier_id, document_id, file_id)
           SELECT $1, d.id, f.id FROM procedure_documents d, stored_files f
           WHERE d.id = $2 AND d.version_id = $3 AND f.id = $4 AND f.owner_id = $5
             AND (f.kind = 'upload' OR EXISTS (SELECT 1 FROM dossiers r WHERE r.result_file_id = f.id AND r.status = 'returned'))
           ON CONFLICT DO NOTHING
           RETURNING file_id"#,
        draft,
        document,
        filing.procedure.version_id,
        file,
        filing.applicant.id,
    )
    .fetch_optional(&state.pool)
    .await?;
    let texts = &asker.lang.texts().filing;
    let (tone, text) = match attached {
        Some(_) => (NoticeTone::Success, texts.wallet_used),
        None => (NoticeTone::Error, texts.wallet_refused),
    };
    feedback::notice(&session, tone, text).await;
    Ok(see_other(&back))
}
