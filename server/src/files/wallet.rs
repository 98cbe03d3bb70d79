//! `POST /nop-ho-so/{code}/giay-to/tu-kho` (`document`, `file`): attaches a
//! file the citizen already holds in their document wallet instead of
//! uploading it again (Decree 45/2020: do not ask twice).

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::forms::{see_other, unavailable, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::filing::store as filing_store;
use app::forms::NoticeTone;
use app::i18n::Lang;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;

pub async fn attach_from_wallet(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    citizen: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> Response {
    let citizen = match citizen.may(Permission::FileDossier, asker.lang) {
        Ok(user) => user.clone(),
        Err(refusal) => return refusal.into_response(),
    };
    let back = format!("/nop-ho-so/{code}");
    let Ok(Some((procedure, _))) = filing_store::procedure_with_form(&state.pool, &code).await
    else {
        return see_other("/thu-tuc");
    };
    let draft = match filing_store::draft(&state.pool, citizen.id, procedure.version_id).await {
        Ok(Some((id, ..))) => id,
        Ok(None) => match super::upload::create_draft(
            &state,
            citizen.id,
            procedure.version_id,
            &procedure.agencies,
        )
        .await
        {
            Ok(id) => id,
            Err(error) => return unavailable(error, asker.lang),
        },
        Err(error) => return unavailable(error, asker.lang),
    };
    let (Ok(document), Ok(file)) = (
        form.get("document").parse::<i64>(),
        form.get("file").parse::<i64>(),
    ) else {
        return see_other(&back);
    };
    // Only the citizen's own file, only for a document of this procedure.
    let attached = sqlx::query_scalar!(
        r#"INSERT INTO dossier_attachments (dossier_id, document_id, file_id)
           SELECT $1, d.id, f.id FROM procedure_documents d, stored_files f
           WHERE d.id = $2 AND d.version_id = $3 AND f.id = $4 AND f.owner_id = $5
           ON CONFLICT DO NOTHING
           RETURNING file_id"#,
        draft,
        document,
        procedure.version_id,
        file,
        citizen.id,
    )
    .fetch_optional(&state.pool)
    .await;
    let message = match (attached, asker.lang) {
        (Ok(Some(_)), Lang::Vi) => (
            NoticeTone::Success,
            "Đã dùng giấy tờ từ kho giấy tờ của bạn.".to_string(),
        ),
        (Ok(Some(_)), Lang::En) => (
            NoticeTone::Success,
            "The document from your wallet is attached.".to_string(),
        ),
        (Ok(None), Lang::Vi) => (
            NoticeTone::Error,
            "Không dùng được giấy tờ này cho hồ sơ.".to_string(),
        ),
        (Ok(None), Lang::En) => (
            NoticeTone::Error,
            "This document cannot be used for the dossier.".to_string(),
        ),
        (Err(error), _) => return unavailable(error, asker.lang),
    };
    feedback::notice(&session, message.0, message.1).await;
    see_other(&back)
}
