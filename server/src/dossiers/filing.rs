//! `POST /nop-ho-so/{procedure_code}`: saves the citizen's draft, and with
//! `action=submit` validates it (the server is the authority) and submits it:
//! code, PIN, appointment, history and mail in one transaction. At the
//! counter (`POST /can-bo/tiep-nhan/{applicant}/{procedure_code}`) the same
//! form is filled by a reception officer, and submitting also accepts the
//! dossier in that transaction: the applicant is standing at the desk.

use super::codes::{new_pin, next_code};
use super::drafts::Filing;
use crate::access::feedback;
use crate::back_office::actions::{self, Outcome};
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::deadlines::{self, WorkingCalendar};
use app::dossiers::Action;
use app::eforms::keys::{posted_answers, GroupChange};
use app::eforms::{validate, Answers, ValidationContext};
use app::fees::{Assessment, PaymentDue};
use app::filing::eform_fields::FORM_NAME;
use app::filing::store as filing_store;
use app::forms::{field_id, FormFeedback, NoticeTone};
use app::i18n::Lang;
use app::paths;
use axum::extract::State;
use sqlx::PgConnection;
use tower_sessions::Session;

/// Saves the draft, or validates and submits it: the citizen's own at
/// `/nop-ho-so/{code}`, or at the counter for a walk-in applicant.
#[tracing::instrument(
    skip_all,
    fields(
        procedure = %filing.procedure.code,
        user_id = filing.officer.as_ref().map_or(filing.applicant.id, |officer| officer.id),
        action = %form.get("action"),
        dossier = tracing::field::Empty,
    )
)]
pub async fn file(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    filing: Filing,
    form: Posted,
) -> HandlerResult {
    let texts = &asker.lang.texts().filing;
    let back = filing.base_path();

    // What was typed, for every key the form has (nothing else is kept).
    let mut answers: Answers = posted_answers(&filing.form, |key| Some(form.get(key)));
    let action = form.get("action");
    // A group's "Thêm"/"Xóa" changes the answers before they are saved.
    let group_change = GroupChange::parse(&action);
    let show_item = group_change.as_ref().and_then(|change| {
        change
            .apply(&filing.form, &mut answers)
            .map(|index| (change, index))
    });
    let agency_code = form.get("agency");
    let chosen = filing.chosen_agency(&agency_code);
    let draft_id = filing.save(&state.pool, chosen, &answers).await?;

    if action != "submit" {
        feedback::notice(&session, NoticeTone::Success, texts.draft_saved).await;
        // Back to where the citizen was: the item just added or next to the
        // one removed, or the address whose communes were asked for.
        let anchor = match (&show_item, action.strip_prefix("communes:")) {
            (Some((GroupChange::Add { group } | GroupChange::Remove { group, .. }, index)), _) => {
                Some(format!("{group}.{index}"))
            }
            (None, Some(address)) => Some(address.to_string()),
            _ => None,
        };
        return Ok(match anchor {
            Some(key) => see_other(&format!("{back}#{}", field_id(FORM_NAME, &key))),
            None => see_other(&back),
        });
    }

    let places = filing_store::place_book(&state.pool, &answers).await?;
    let context = ValidationContext {
        lang: asker.lang,
        today: state.clock.today_in_vietnam(),
        places: Some(&places),
    };
    let mut refused = FormFeedback::new(FORM_NAME);
    refused.keep("agency", &agency_code);
    if chosen.is_none() {
        refused.error("agency", texts.agency_required);
    }
    // What the answers owe; a claimed exemption needs its proof uploaded.
    let schedule = app::fees::store::schedule(&state.pool, filing.procedure.version_id).await?;
    let fees = (app::fees::assess(&schedule, &answers), schedule.due);
    let evidence = fees
        .0
        .exemption
        .as_ref()
        .and_then(|exemption| exemption.evidence_document.clone());
    let slots =
        filing_store::document_slots(&state.pool, filing.procedure.version_id, Some(draft_id))
            .await?;
    for slot in &slots {
        let proves_exemption = evidence.as_deref() == Some(slot.name.as_str());
        if slot.needs_upload() || (proves_exemption && slot.files.is_empty()) {
            refused.error(
                &format!("document_{}", slot.id),
                (texts.document_missing)(&slot.name),
            );
        }
    }
    let clean = match validate(&filing.form, &answers, context) {
        Ok(clean) => Some(clean),
        Err(errors) => {
            refused.errors.extend(errors);
            None
        }
    };
    let (Some(clean), Some(agency), false) = (clean, chosen, refused.has_errors()) else {
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    };

    if filing.officer.is_some() {
        return match submit_at_counter(
            &state,
            draft_id,
            &filing,
            &agency.code,
            &clean,
            &fees,
            asker.lang,
        )
        .await?
        {
            Ok(submitted) => {
                tracing::Span::current().record("dossier", &submitted.code);
                let words = &asker.lang.texts().counter;
                feedback::notice(
                    &session,
                    NoticeTone::Success,
                    (words.accepted)(&submitted.code, &submitted.pin, &submitted.due),
                )
                .await;
                Ok(see_other(&paths::office_dossier(&submitted.code)))
            }
            Err(message) => {
                feedback::notice(&session, NoticeTone::Error, message).await;
                Ok(see_other(&back))
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
            &filing,
            &agency.code,
            &clean,
            &fees,
        )
        .await?;
        let link = format!("{}/ho-so/{}", state.config.public_base_url, submitted.code);
        if let Some(email) = &filing.applicant.email {
            let message = submitted_message(
                asker.lang,
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
        &session,
        NoticeTone::Success,
        (texts.submitted)(&submitted.code, &submitted.pin, &submitted.due),
    )
    .await;
    Ok(see_other(&paths::dossier(&submitted.code)))
}

/// Saves the answers and the agency posted with another of the filing
/// page's buttons (an upload, "use from the wallet"): nothing typed is lost.
/// `None` when the post did not come from the filing form.
pub(crate) async fn save_posted(
    state: &AppState,
    filing: &Filing,
    form: &Posted,
) -> anyhow::Result<Option<i64>> {
    if form.get(FORM_MARKER).is_empty() {
        return Ok(None);
    }
    let answers: Answers = posted_answers(&filing.form, |key| Some(form.get(key)));
    let chosen = filing.chosen_agency(&form.get("agency"));
    Ok(Some(filing.save(&state.pool, chosen, &answers).await?))
}

/// The hidden field the filing form always posts.
pub(crate) const FORM_MARKER: &str = "filing_form";

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
type Fees = (Assessment, PaymentDue);

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
    let appointment = super::appointments::appointment_for(tx, calendar, draft_id, now).await?;
    let agency_id = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", agency_code)
        .fetch_one(&mut *tx)
        .await?;
    let code = next_code(tx, agency_id, local.date()).await?;
    let pin = new_pin();
    let version = sqlx::query_scalar!(
        "UPDATE dossiers SET code = $2, pin = $3, status = 'submitted', agency_id = $4, form_data = $5,
                submitted_at = $12, counted_from = $6::date, due_at = $7::timestamp, updated_at = now(),
                fee_total = $9, fee_assessment = $10, payment_due = $11
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
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(version) = version else {
        anyhow::bail!("the draft was submitted twice");
    };
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
