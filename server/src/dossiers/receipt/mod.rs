//! `GET /ho-so/{code}/phieu-tiep-nhan.pdf`: slip 01 as the one-stop unit
//! issued it when it accepted the dossier — the same bytes every time —,
//! or, before acceptance, the submission acknowledgement; for the
//! dossier's applicant and officials whose agencies handle it.

mod content;
pub mod issue;

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::receipt_slip;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use axum::extract::{Path, State};

pub async fn receipt_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let dossier = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id,
                  (SELECT max(h.id) FROM dossier_history h WHERE h.dossier_id = d.id AND h.action = 'accept') AS accepted_by
           FROM dossiers d
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL"#,
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
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!("dossier {code}")));
    }
    let mut conn = state.pool.acquire().await?;
    let (name, bytes) = match dossier.accepted_by {
        Some(history_id) => {
            let bytes = match issue::issued(&mut conn, dossier.id).await? {
                Some(bytes) => bytes,
                // Accepted before slips were kept: issued now, once.
                None => issue_late(&state, &dossier.code, history_id).await?,
            };
            ("phieu-tiep-nhan", bytes)
        }
        None => {
            let content = content::load(&mut conn, &state.config, &dossier.code)
                .await?
                .ok_or_else(HandlerError::not_found)?;
            let slip = content.slip(None, &state.config.place);
            ("xac-nhan-nop-ho-so", receipt_slip::render(&slip)?)
        }
    };
    Ok(crate::documents::download::pdf_download(
        &format!("{name}-{}.pdf", dossier.code),
        bytes,
    ))
}

/// Slip 01 of a dossier accepted before slips were stored, issued in a
/// transaction of its own; two downloads at once get the same slip.
async fn issue_late(state: &AppState, code: &str, history_id: i64) -> anyhow::Result<Vec<u8>> {
    let mut tx = state.pool.begin().await?;
    // The dossier's row lock queues a second download behind the first.
    let dossier_id =
        sqlx::query_scalar!("SELECT id FROM dossiers WHERE code = $1 FOR UPDATE", code)
            .fetch_one(&mut *tx)
            .await?;
    let bytes = match issue::issued(&mut tx, dossier_id).await? {
        Some(bytes) => bytes,
        None => issue::issue(&mut tx, state, code, history_id).await?,
    };
    tx.commit().await?;
    Ok(bytes)
}
