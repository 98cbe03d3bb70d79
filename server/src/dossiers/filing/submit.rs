//! Submission: the draft becomes a dossier with its code, PIN,
//! appointment, bill and history in one transaction — online (with the
//! citizen's mail), or at the counter, where it is accepted in the same
//! transaction.

use super::super::codes::{new_pin, next_code};
use super::super::drafts::Filing;
use crate::access::feedback;
use crate::back_office::actions::{self, Outcome};
use crate::errors::HandlerResult;
use crate::forms::see_other;
use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::deadlines::{self, WorkingCalendar};
use app::dossiers::Action;
use app::eforms::Answers;
use app::fees::{Assessment, PaymentDue};
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::paths;
use axum::response::Response;
use sqlx::PgConnection;
use tower_sessions::Session;

/// Submits the draft `draft_id` at `agency_code` with the answers it keeps
/// and what it owes, then sends the browser on: the citizen to their new
/// dossier, the officer to the dossier accepted at the counter (or back to
/// the form with the acceptance's refusal).
#[allow(clippy::too_many_arguments)]
pub(super) async fn submit_and_show(
    state: &AppState,
    session: &Session,
    lang: Lang,
    filing: &Filing,
    draft_id: i64,
    agency_code: &str,
    clean: &Answers,
    fees: &Fees,
) -> HandlerResult<Response> {
    let texts = &lang.texts().filing;
    if filing.officer.is_some() {
        return match submit_at_counter(state, draft_id, filing, agency_code, clean, fees, lang)
            .await?
        {
            Ok(submitted) => {
                tracing::Span::current().record("dossier", &submitted.code);
                let words = &lang.texts().counter;
                feedback::notice(
                    session,
                    NoticeTone::Success,
                    (words.accepted)(&submitted.code, &submitted.pin, &submitted.due),
                )
                .await;
                Ok(see_other(&paths::office_dossier(&submitted.code)))
            }
            Err(message) => {
                feedback::notice(session, NoticeTone::Error, message).await;
                Ok(see_other(&filing.base_path()))
            }
        };
    }
    let submitted = async {
        // Read before the transaction, which must not wait for a second
        // connection while it holds the agency's code counter.
        let calendar = deadlines::store::working_calendar(&state.pool).await?;
        let mut tx = state.pool.begin().await?;
        let submitted = submit(
            &mut tx,
            &calendar,
            state.clock.now(),
            draft_id,
            filing,
            agency_code,
            clean,
            fees,
        )
        .await?;
        let link = format!("{}/ho-so/{}", state.config.public_base_url, submitted.code);
        if let Some(email) = &filing.applicant.email {
            let message = submitted_message(
                lang,
                &filing.applicant.full_name,
                &filing.procedure.name,
                &submitted,
                &link,
            );
            outbox::enqueue(&mut tx, email, &message).await?;
        }
        tx.commit().await?;
        anyhow::Ok(submitted)
    }
    .await?;
    tracing::Span::current().record("dossier", &submitted.code);
    feedback::notice(
        session,
        NoticeTone::Success,
        (texts.submitted)(&submitted.code, &submitted.pin, &submitted.due),
    )
    .await;
    Ok(see_other(&paths::dossier(&submitted.code)))
}

/// A dossier just given its code.
struct Submitted {
    code: String,
    pin: String,
    /// The appointment, `dd/mm/yyyy`.
    due: String,
    /// The dossier's version after submission, for the acceptance that
    /// follows at the counter.
    version: i32,
}

/// At the counter: submits and accepts in one transaction, so the
/// applicant leaves with slip 01 and a code that never sat unaccepted.
/// `Ok(Err(message))` when the acceptance was refused (as it would be in
/// the back office: the officer's words say why).
async fn submit_at_counter(
    state: &AppState,
    draft_id: i64,
    filing: &Filing,
    agency_code: &str,
    answers: &Answers,
    fees: &Fees,
    lang: Lang,
) -> anyhow::Result<Result<Submitted, String>> {
    let Some(officer) = &filing.officer else {
        anyhow::bail!("counter submission without an officer");
    };
    let calendar = deadlines::store::working_calendar(&state.pool).await?;
    let mut tx = state.pool.begin().await?;
    let submitted = submit(
        &mut tx,
        &calendar,
        state.clock.now(),
        draft_id,
        filing,
        agency_code,
        answers,
        fees,
    )
    .await?;
    let acceptance = actions::Request {
        code: &submitted.code,
        action: Action::Accept,
        seen_version: submitted.version,
        note: None,
        assignee_id: None,
        new_due: None,
        delivery: None,
        collector: Default::default(),
        by: officer,
        lang,
    };
    match actions::perform_in(state, &mut tx, &calendar, acceptance).await? {
        Outcome::Done(_) => {}
        refused => {
            let message = refused.message(Action::Accept, lang).unwrap_or_default();
            return Ok(Err(message));
        }
    }
    let due = sqlx::query_scalar!(
        r#"SELECT to_char(due_at, 'DD/MM/YYYY') AS "due!" FROM dossiers WHERE id = $1"#,
        draft_id
    )
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(Submitted { due, ..submitted }))
}

/// What a dossier owes, and when, as assessed at submission.
pub(super) type Fees = (Assessment, PaymentDue);

/// Turns the draft into a submitted dossier inside `tx`: code, PIN,
/// appointment, what it owes and the history entry (by the officer at the
/// counter).
#[allow(clippy::too_many_arguments)]
async fn submit(
    tx: &mut PgConnection,
    calendar: &WorkingCalendar,
    now: chrono::DateTime<chrono::Utc>,
    draft_id: i64,
    filing: &Filing,
    agency_code: &str,
    answers: &Answers,
    (assessment, due): &Fees,
) -> anyhow::Result<Submitted> {
    let local = deadlines::vietnam_local(now);
    let appointment =
        super::super::appointments::appointment_for(tx, calendar, draft_id, now).await?;
    let agency_id = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", agency_code)
        .fetch_one(&mut *tx)
        .await?;
    let code = next_code(tx, agency_id, local.date()).await?;
    let pin = new_pin();
    let version = sqlx::query_scalar!(
        "UPDATE dossiers SET code = $2, pin = $3, status = 'submitted', agency_id = $4, form_data = $5,
                submitted_at = $12, counted_from = $6::date, due_at = $7::timestamp, updated_at = now(),
                fee_total = $9, fee_assessment = $10, payment_due = $11, form_version_id = $13
         WHERE id = $1 AND applicant_id = $8 AND status = 'draft'
         RETURNING version",
        draft_id,
        code.as_str(),
        pin,
        agency_id,
        serde_json::to_value(answers)?,
        appointment.counted_from as _,
        appointment.due as _,
        filing.applicant.id,
        assessment.total.0,
        serde_json::to_value(assessment)?,
        due.as_str(),
        now as _,
        filing.procedure.form_version_id,
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(version) = version else {
        anyhow::bail!("the draft was submitted twice");
    };
    // The files of file questions the answers left hidden (or that the
    // form no longer asks) do not go with the dossier: they stay in the
    // citizen's wallet.
    let answered: Vec<String> = filing
        .form
        .file_fields()
        .filter(|field| answers.contains_key(&field.name))
        .map(|field| field.name.clone())
        .collect();
    sqlx::query!(
        "DELETE FROM dossier_answer_files WHERE dossier_id = $1 AND NOT (field_key = ANY($2))",
        draft_id,
        &answered
    )
    .execute(&mut *tx)
    .await?;
    let actor = filing
        .officer
        .as_ref()
        .map_or(filing.applicant.id, |officer| officer.id);
    sqlx::query!(
        "INSERT INTO dossier_history (dossier_id, occurred_at, actor_id, action, from_status, to_status)
         VALUES ($1, $3, $2, 'submit', 'draft', 'submitted')",
        draft_id,
        actor,
        now as _,
    )
    .execute(&mut *tx)
    .await?;
    Ok(Submitted {
        code: code.as_str().to_string(),
        pin,
        due: appointment.due.format("%d/%m/%Y").to_string(),
        version,
    })
}

fn submitted_message(
    lang: Lang,
    name: &str,
    procedure: &str,
    submitted: &Submitted,
    link: &str,
) -> Message {
    let Submitted { code, pin, due, .. } = submitted;
    match lang {
        Lang::Vi => Message {
            subject: format!("Đã nộp hồ sơ {code}"),
            body: format!(
                "Kính gửi {name},\n\nHồ sơ “{procedure}” của bạn đã được nộp trực tuyến.\n\nMã hồ sơ: {code}\nMã tra cứu (PIN): {pin}\nNgày hẹn trả kết quả dự kiến: {due}\n\nBộ phận một cửa sẽ kiểm tra và tiếp nhận hồ sơ. Theo dõi hồ sơ tại:\n{link}\n\nCổng dịch vụ công Một Cửa\n"
            ),
        },
        Lang::En => Message {
            subject: format!("Dossier {code} submitted"),
            body: format!(
                "Dear {name},\n\nYour dossier “{procedure}” has been filed online.\n\nDossier code: {code}\nTracking PIN: {pin}\nExpected result date: {due}\n\nThe one-stop shop will check and accept it. Follow it at:\n{link}\n\nMột Cửa public service portal\n"
            ),
        },
    }
}
