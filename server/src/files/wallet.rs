//! `POST /nop-ho-so/{code}/giay-to/tu-kho` (`document`, `file`): attaches a
//! file the citizen already holds in their document wallet instead of
//! uploading it again (Decree 45/2020: do not ask twice).

use crate::access::feedback;
use crate::dossiers::drafts::Filing;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
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
    let back = filing.base_path();
    let draft = filing.draft(&state.pool).await?;
    let (Ok(document), Ok(file)) = (
        form.get("document").parse::<i64>(),
        form.get("file").parse::<i64>(),
    ) else {
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
