//! `GET /ho-so/{code}/phieu/{entry}`: slips 02–05, each printed from the
//! history entry that issued it — for the applicant and for officials whose
//! agencies handle the dossier. The entry fixes the date, the reason, the
//! officer and (slip 04) the dates, so the slip reads the same every time.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::notice_slip::{self, NoticeKind, NoticeSlip};
use crate::dossiers::registers;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::dossiers::Action;
use axum::extract::{Path, State};

pub async fn notice_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((code, entry)): Path<(String, String)>,
) -> HandlerResult {
    let entry: i64 = entry.parse().map_err(|_| HandlerError::not_found())?;
    let row = sqlx::query!(
        r#"SELECT d.code AS "code!", d.applicant_id, d.agency_id, d.assignee_id, v.name AS procedure_name, u.full_name,
                  i.reference AS "number?",
                  h.action AS "action!", coalesce(h.note, '') AS "reason!",
                  coalesce(o.full_name, '') AS "officer!",
                  (h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "issued_on!: chrono::NaiveDate",
                  d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS "received_at!: chrono::NaiveDateTime",
                  h.due_before AS "missed_due: chrono::NaiveDateTime",
                  h.due_after AS "new_due: chrono::NaiveDateTime", a.phone AS agency_phone,
                  coalesce((h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > h.due_before, false) AS "overdue!"
           FROM dossier_history h
           JOIN dossiers d ON d.id = h.dossier_id
           JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           LEFT JOIN users o ON o.id = h.actor_id
           LEFT JOIN issued_documents i ON i.history_id = h.id
           WHERE h.id = $1 AND d.code = $2 AND h.action IS NOT NULL"#,
        entry,
        code,
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        assignee_id: row.assignee_id,
    };
    if !policy::may_read_dossier(&user, &ownership) {
        return Ok(refusals::as_missing(format!(
            "dossier {code}, slip {entry}"
        )));
    }
    let Some(kind) = Action::parse(&row.action).and_then(NoticeKind::of) else {
        return Err(HandlerError::not_found());
    };
    // The apology is the processing agency's; the other slips the
    // one-stop unit's.
    let mut conn = state.pool.acquire().await?;
    let body = match kind {
        NoticeKind::Apology => registers::agency_body(&mut conn, row.agency_id).await?,
        _ => registers::one_stop_body(&mut conn, row.agency_id).await?,
    };
    drop(conn);
    // Slip 04 late for its own time limit (not yet overdue): the calendar
    // judges the day it was issued against the appointment it missed.
    let late_notice = match (kind, row.missed_due) {
        (NoticeKind::Apology, Some(missed)) if !row.overdue => {
            app::deadlines::store::working_calendar(&state.pool)
                .await?
                .apology_is_late(row.issued_on, missed)
        }
        _ => false,
    };
    let dossier_url = format!("{}/ho-so/{}", state.config.public_base_url, row.code);
    let slip = NoticeSlip {
        kind,
        issuer: body.issuer(),
        number: row.number.as_deref(),
        agency_name: &body.name,
        place: &state.config.place,
        issued_on: row.issued_on,
        code: &row.code,
        applicant_name: &row.full_name,
        procedure_name: &row.procedure_name,
        received_at: row.received_at,
        reason: &row.reason,
        officer: &row.officer,
        missed_due: row.missed_due,
        new_due: row.new_due,
        agency_phone: body.phone.as_deref().or(row.agency_phone.as_deref()),
        overdue: row.overdue,
        late_notice,
        dossier_url: &dossier_url,
    };
    let bytes = notice_slip::render(&slip)?;
    Ok(crate::documents::download::pdf_download(
        &format!("{}-{}-{entry}.pdf", kind.file_stem(), row.code),
        bytes,
    ))
}
