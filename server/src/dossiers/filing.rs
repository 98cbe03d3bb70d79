//! `POST /nop-ho-so/{procedure_code}`: saves the citizen's draft, and with
//! `action=submit` validates it (the server is the authority) and submits it:
//! code, PIN, appointment, history and mail in one transaction.

use super::codes::{new_pin, next_code};
use super::drafts;
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::forms::{see_other, unavailable, Asker, Posted};
use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::access::SignedInUser;
use app::deadlines;
use app::eforms::keys::{posted_answers, GroupChange};
use app::eforms::{validate, Answers, ValidationContext};
use app::filing::eform_fields::FORM_NAME;
use app::filing::store as filing_store;
use app::forms::{field_id, FormFeedback, NoticeTone};
use app::i18n::Lang;
use axum::extract::{Path, State};
use axum::response::Response;
use tower_sessions::Session;

pub async fn file(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    citizen: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> Response {
    let filing = match drafts::open(&state, citizen, asker.lang, &code).await {
        Ok(filing) => filing,
        Err(response) => return response,
    };
    let texts = &asker.lang.texts().filing;
    let back = format!("/nop-ho-so/{code}");

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
    let Some(draft_agency) = filing.draft_agency(&agency_code) else {
        return unavailable("the procedure has no implementing agency", asker.lang);
    };
    let draft_id = match filing.save(&state.pool, &draft_agency.code, &answers).await {
        Ok(id) => id,
        Err(error) => return unavailable(error, asker.lang),
    };

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
        return match anchor {
            Some(key) => see_other(&format!("{back}#{}", field_id(FORM_NAME, &key))),
            None => see_other(&back),
        };
    }

    let places = match filing_store::place_book(&state.pool, &answers).await {
        Ok(places) => places,
        Err(error) => return unavailable(error, asker.lang),
    };
    let context = ValidationContext {
        lang: asker.lang,
        today: crate::accounts::today_in_vietnam(),
        places: Some(&places),
    };
    let mut refused = FormFeedback::new(FORM_NAME);
    refused.keep("agency", &agency_code);
    if chosen.is_none() {
        refused.error("agency", texts.agency_required);
    }
    match filing_store::document_slots(&state.pool, filing.procedure.version_id, Some(draft_id))
        .await
    {
        Ok(slots) => {
            for slot in slots.iter().filter(|slot| slot.needs_upload()) {
                refused.error(
                    &format!("document_{}", slot.id),
                    (texts.document_missing)(&slot.name),
                );
            }
        }
        Err(error) => return unavailable(error, asker.lang),
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
        return see_other(&back);
    };

    match submit(
        &state,
        draft_id,
        &filing.citizen,
        &filing.procedure.name,
        &agency.code,
        &clean,
        asker.lang,
    )
    .await
    {
        Ok((code, pin, due)) => {
            feedback::notice(
                &session,
                NoticeTone::Success,
                (texts.submitted)(&code, &pin, &due),
            )
            .await;
            see_other(&format!("/ho-so/{code}"))
        }
        Err(error) => unavailable(error, asker.lang),
    }
}

/// Turns the draft into a submitted dossier. Returns its code, PIN and the
/// appointment date (`dd/mm/yyyy`).
#[allow(clippy::too_many_arguments)]
async fn submit(
    state: &AppState,
    draft_id: i64,
    applicant: &SignedInUser,
    procedure_name: &str,
    agency_code: &str,
    answers: &Answers,
    lang: Lang,
) -> anyhow::Result<(String, String, String)> {
    let calendar = deadlines::store::working_calendar(&state.pool).await?;
    let now = chrono::Utc::now();
    let local = deadlines::vietnam_local(now);
    let mut connection = state.pool.acquire().await?;
    let appointment =
        super::appointments::appointment_for(&mut connection, &calendar, draft_id, now).await?;
    drop(connection);

    let mut tx = state.pool.begin().await?;
    let agency_id = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", agency_code)
        .fetch_one(&mut *tx)
        .await?;
    let code = next_code(&mut tx, agency_id, local.date()).await?;
    let pin = new_pin();
    let updated = sqlx::query!(
        "UPDATE dossiers SET code = $2, pin = $3, status = 'submitted', agency_id = $4, form_data = $5,
                submitted_at = now(), counted_from = $6::text::date, due_at = $7::text::timestamp, updated_at = now()
         WHERE id = $1 AND applicant_id = $8 AND status = 'draft'",
        draft_id,
        code.as_str(),
        pin,
        agency_id,
        serde_json::to_value(answers)?,
        appointment.counted_from.to_string(),
        appointment.due.format("%Y-%m-%dT%H:%M:%S").to_string(),
        applicant.id,
    )
    .execute(&mut *tx)
    .await?;
    anyhow::ensure!(
        updated.rows_affected() == 1,
        "the draft was submitted twice"
    );
    sqlx::query!(
        "INSERT INTO dossier_history (dossier_id, actor_id, action, from_status, to_status) VALUES ($1, $2, 'submit', 'draft', 'submitted')",
        draft_id,
        applicant.id,
    )
    .execute(&mut *tx)
    .await?;
    let due = appointment.due.format("%d/%m/%Y").to_string();
    let link = format!("{}/ho-so/{}", state.config.public_base_url, code);
    outbox::enqueue(
        &mut tx,
        &applicant.email,
        &submitted_message(
            lang,
            &applicant.full_name,
            procedure_name,
            code.as_str(),
            &pin,
            &due,
            &link,
        ),
    )
    .await?;
    tx.commit().await?;
    Ok((code.as_str().to_string(), pin, due))
}

fn submitted_message(
    lang: Lang,
    name: &str,
    procedure: &str,
    code: &str,
    pin: &str,
    due: &str,
    link: &str,
) -> Message {
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
