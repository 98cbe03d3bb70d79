//! `GET /ho-so/{code}/phieu-kiem-soat.pdf`: slip 06, for the applicant and
//! for officials whose agencies handle the dossier.

use crate::access::extractors::{Refusal, SignedIn};
use crate::documents::control_slip::{self, ControlSlip, Step};
use crate::forms::{unavailable, Asker};
use crate::state::AppState;
use app::dossiers::{Action, DossierStatus};
use app::error::AppError;
use app::i18n::Lang;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};

pub async fn control_slip(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> Response {
    let scope = user.back_office_agencies();
    let dossier = sqlx::query!(
        r#"SELECT d.id, d.code AS "code!", a.name AS agency_name, v.name AS procedure_name, u.full_name,
                  to_char(d.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') AS "received_at!",
                  coalesce(to_char(d.due_at, 'HH24:MI DD/MM/YYYY'), '') AS "due!",
                  (SELECT to_char(max(h.occurred_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')
                   FROM dossier_history h WHERE h.dossier_id = d.id) AS "issued_on!"
           FROM dossiers d JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id JOIN users u ON u.id = d.applicant_id
           WHERE d.code = $1 AND d.submitted_at IS NOT NULL AND (d.applicant_id = $2 OR d.agency_id = ANY($3))"#,
        code,
        user.id,
        &scope
    )
    .fetch_optional(&state.pool)
    .await;
    let dossier = match dossier {
        Ok(Some(dossier)) => dossier,
        Ok(None) => return Refusal::page(AppError::NotFound, asker.lang).into_response(),
        Err(error) => return unavailable(error, asker.lang),
    };
    // Each step against the appointment in force when it was taken, and
    // the slip dated by its latest step: downloaded again, it reads the same
    // until the dossier moves on.
    let history = sqlx::query!(
        r#"SELECT to_char(h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') AS "at!",
                  h.action, h.to_status, h.note, coalesce(u.full_name, '') AS "by!",
                  (coalesce(h.due_before, d.due_at) IS NULL
                   OR (h.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh') <= coalesce(h.due_before, d.due_at)) AS "on_time!"
           FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id LEFT JOIN users u ON u.id = h.actor_id
           WHERE h.dossier_id = $1 ORDER BY h.occurred_at, h.id"#,
        dossier.id
    )
    .fetch_all(&state.pool)
    .await;
    let history = match history {
        Ok(history) => history,
        Err(error) => return unavailable(error, asker.lang),
    };
    let steps: Vec<Step> = history
        .into_iter()
        .map(|entry| {
            let status = DossierStatus::parse(&entry.to_status)
                .map(|status| status.label(Lang::Vi))
                .unwrap_or_default();
            let what = match entry.action.as_deref().and_then(Action::parse) {
                Some(action) => format!("{} → {status}", action.label(Lang::Vi)),
                None => format!("Nộp hồ sơ → {status}"),
            };
            Step {
                at: entry.at,
                what,
                by: entry.by,
                timeliness: if entry.on_time {
                    "Đúng hạn"
                } else {
                    "Quá hạn"
                }
                .to_string(),
                note: entry.note.unwrap_or_default(),
            }
        })
        .collect();
    let slip = ControlSlip {
        agency_name: &dossier.agency_name,
        place: &state.config.place,
        issued_on: chrono::NaiveDate::parse_from_str(&dossier.issued_on, "%Y-%m-%d")
            .unwrap_or_default(),
        code: &dossier.code,
        applicant_name: &dossier.full_name,
        procedure_name: &dossier.procedure_name,
        received_at: &dossier.received_at,
        due: &dossier.due,
        steps: &steps,
    };
    let bytes = match control_slip::render(&slip) {
        Ok(bytes) => bytes,
        Err(error) => return unavailable(error, asker.lang),
    };
    crate::documents::download::pdf_download(
        &format!("phieu-kiem-soat-{}.pdf", dossier.code),
        bytes,
    )
}
