//! `POST /can-bo/ho-so/{code}/ket-qua`: the specialist a dossier is assigned
//! to attaches the draft result as a PDF, instead of the one generated from
//! the answers when they propose. It is the applicant's file, hidden from
//! them until the result is returned, and scanned and checked like every
//! upload.

use super::kinds::FileKind;
use super::upload::{receive, Refused};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::paths;
use axum::extract::{Multipart, Path, State};
use object_store::path::Path as StorePath;
use object_store::ObjectStore;
use tower_sessions::Session;

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "upload_result"))]
pub async fn upload_result(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
    mut multipart: Multipart,
) -> HandlerResult {
    let back = paths::office_dossier(&code);
    let dossier = sqlx::query!(
        "SELECT id, applicant_id, agency_id, handling_agency_id, assignee_id FROM dossiers
         WHERE code = $1 AND status = 'processing'",
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    // Missing, or not being processed.
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_draft_result(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    let stored = loop {
        match multipart.next_field().await {
            Ok(Some(field)) if field.name() == Some("file") => {
                let name = field.file_name().unwrap_or("").to_string();
                if name.is_empty() {
                    break Err(Refused::NoFile);
                }
                let declared = field.content_type().map(str::to_string);
                break receive(&state, dossier.id, field, name, declared).await;
            }
            Ok(Some(_)) => continue,
            Ok(None) | Err(_) => break Err(Refused::NoFile),
        }
    };
    let stored = match stored {
        Ok(stored) => stored,
        Err(refused) => {
            feedback::notice(&session, NoticeTone::Error, refused.message(asker.lang)).await;
            return Ok(see_other(&back));
        }
    };
    if stored.kind != FileKind::Pdf {
        let _ = state
            .files
            .delete(&StorePath::from(stored.key.as_str()))
            .await;
        feedback::notice(&session, NoticeTone::Error, words(asker.lang).pdf_only).await;
        return Ok(see_other(&back));
    }
    let recorded = async {
        let mut tx = state.pool.begin().await?;
        let file_id = sqlx::query_scalar!(
            "INSERT INTO stored_files (owner_id, storage_key, original_name, content_type, size_bytes, sha256, kind)
             VALUES ($1, $2, $3, 'application/pdf', $4, $5, 'result') RETURNING id",
            dossier.applicant_id,
            stored.key,
            format!("ket-qua-{code}.pdf"),
            stored.size as i64,
            stored.sha256,
        )
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query!(
            "UPDATE dossiers SET result_file_id = $2, updated_at = now() WHERE id = $1",
            dossier.id,
            file_id
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
    .await;
    recorded?;
    feedback::notice(&session, NoticeTone::Success, words(asker.lang).attached).await;
    Ok(see_other(&back))
}

struct Words {
    pdf_only: &'static str,
    attached: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            pdf_only: "Dự thảo kết quả phải là tệp PDF.",
            attached: "Đã đính kèm dự thảo kết quả. Kết quả này sẽ được trình phê duyệt.",
        },
        Lang::En => Words {
            pdf_only: "The draft result must be a PDF file.",
            attached: "The draft result is attached; it goes to the leader with the proposal.",
        },
    }
}
