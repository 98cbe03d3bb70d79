//! Slips 02–05. Each is rendered from the history entry that issued it,
//! in the transaction of that step, signed with the issuing body's
//! certificate when one is configured, and stored: `GET
//! /ho-so/{code}/phieu/{entry}` serves those bytes to the applicant and to
//! officials whose agencies handle the dossier. Entries issued before slips
//! were stored are rendered on demand, unsigned.

use crate::access::extractors::SignedIn;
use crate::access::refusals;
use crate::documents::notice_slip::{self, NoticeKind, NoticeSlip};
use crate::documents::signing::{self, SignatureDetails};
use crate::dossiers::registers;
use crate::errors::{HandlerError, HandlerResult};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::dossiers::Action;
use axum::extract::{Path, State};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;

pub async fn notice_slip(
    State(state): State<AppState>,
    SignedIn(user): SignedIn,
    Path((code, entry)): Path<(String, String)>,
) -> HandlerResult {
    let entry: i64 = entry.parse().map_err(|_| HandlerError::not_found())?;
    let mut conn = state.pool.acquire().await?;
    let Some(notice) = load(&mut conn, &state, &code, entry, Signing::No).await? else {
        return Err(HandlerError::not_found());
    };
    drop(conn);
    if !policy::may_read_dossier(&user, &notice.ownership) {
        return Ok(refusals::as_missing(format!(
            "dossier {code}, slip {entry}"
        )));
    }
    Ok(crate::documents::download::pdf_download(
        &format!("{}-{code}-{entry}.pdf", notice.kind.file_stem()),
        notice.pdf,
    ))
}

/// The slip history entry `entry` issues, numbered `reference`, rendered
/// and signed in the issuing transaction; and who signed it.
pub async fn render_issued(
    conn: &mut PgConnection,
    state: &AppState,
    code: &str,
    entry: i64,
    reference: &str,
) -> anyhow::Result<(Vec<u8>, Option<String>)> {
    let notice = load(conn, state, code, entry, Signing::Yes(reference))
        .await?
        .ok_or_else(|| anyhow::anyhow!("entry {entry} of {code} issues no slip"))?;
    Ok((notice.pdf, notice.signed_by))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Signing<'a> {
    /// At issuance, with the number the register gave: signed when the
    /// body has a credential.
    Yes(&'a str),
    /// Rendering an old entry again: a signature now would claim a time
    /// the slip was not issued at.
    No,
}

struct Notice {
    ownership: DossierOwnership,
    kind: NoticeKind,
    pdf: Vec<u8>,
    signed_by: Option<String>,
}

/// The slip of `entry` as stored, or rendered; `None` when the entry
/// issues no slip.
async fn load(
    conn: &mut PgConnection,
    state: &AppState,
    code: &str,
    entry: i64,
    signing: Signing<'_>,
) -> anyhow::Result<Option<Notice>> {
    let row = sqlx::query!(
        r#"SELECT d.code AS "code!", d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id, v.name AS procedure_name, u.full_name,
                  i.reference AS "number?", i.pdf AS "stored?", i.signed_by,
                  h.action AS "action!", coalesce(h.note, '') AS "reason!",
                  coalesce(o.full_name, '') AS "officer!",
                  h.occurred_at AS "occurred_at: DateTime<Utc>",
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
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let ownership = DossierOwnership {
        applicant_id: row.applicant_id,
        agency_id: row.agency_id,
        handling_agency_id: row.handling_agency_id,
        assignee_id: row.assignee_id,
    };
    let Some(kind) = Action::parse(&row.action).and_then(NoticeKind::of) else {
        return Ok(None);
    };
    if let Some(pdf) = row.stored {
        return Ok(Some(Notice {
            ownership,
            kind,
            pdf,
            signed_by: row.signed_by,
        }));
    }
    // The apology is the processing agency's; the other slips the
    // one-stop unit's.
    let body = match kind {
        NoticeKind::Apology => registers::agency_body(conn, row.handling_agency_id).await?,
        _ => registers::one_stop_body(conn, row.agency_id).await?,
    };
    let (signer, number) = match signing {
        Signing::Yes(reference) => (state.signers.get(&body.signing_name), Some(reference)),
        Signing::No => (None, row.number.as_deref()),
    };
    // Slip 04 late for its own time limit (not yet overdue): the calendar
    // judges the day it was issued against the appointment it missed.
    let late_notice = match (kind, row.missed_due) {
        (NoticeKind::Apology, Some(missed)) if !row.overdue => {
            app::deadlines::store::working_calendar_in(conn)
                .await?
                .apology_is_late(row.issued_on, missed)
        }
        _ => false,
    };
    let dossier_url = format!("{}/ho-so/{}", state.config.public_base_url, row.code);
    let slip = NoticeSlip {
        kind,
        issuer: body.issuer(),
        number,
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
        signed: signer.is_some(),
    };
    let rendered = notice_slip::render(&slip)
        .map_err(|error| anyhow::anyhow!("rendering slip {entry}: {error:?}"))?;
    let reason = format!("{} — hồ sơ {}", kind.title(), row.code);
    let pdf = signing::sign_if_configured(
        rendered,
        signer,
        &SignatureDetails {
            reason: &reason,
            location: &state.config.place,
        },
        row.occurred_at,
    )?;
    Ok(Some(Notice {
        ownership,
        kind,
        pdf,
        signed_by: signer.map(|signer| signer.common_name()),
    }))
}
