//! `POST /hoi-dap/dat-cau-hoi`: a signed-in citizen sends a question. It
//! goes to the agency handling the chosen procedure (the one of the
//! citizen's commune when several do; the province's when no procedure is
//! chosen), due the province's number of working days after today by the
//! working calendar.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::administration::settings::server_fns::store::assistant_settings;
use app::forms::{FormFeedback, NoticeTone};
use app::knowledge::pages::ASK_AGENCY_FORM;
use app::knowledge::questions::QUESTION_LIMITS;
use app::paths;
use axum::extract::State;
use tower_sessions::Session;

pub async fn ask(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().questions;
    let mut kept = FormFeedback::new(ASK_AGENCY_FORM);
    // Lines matter in a question; personal numbers are the asker's to give.
    let question = form
        .get("question")
        .replace("\r\n", "\n")
        .trim()
        .to_string();
    kept.keep("question", &question);
    let procedure = form.kept_text(&mut kept, "procedure");
    let sector = form.kept_text(&mut kept, "sector");
    let length = question.chars().count();
    if length < QUESTION_LIMITS.0 {
        kept.error("question", t.too_short);
    } else if length > QUESTION_LIMITS.1 {
        kept.error("question", t.too_long);
    }
    let procedure_id = match procedure.as_str() {
        "" => None,
        code => {
            let id = sqlx::query_scalar!("SELECT id FROM procedures WHERE code = $1", code)
                .fetch_optional(&state.pool)
                .await?;
            if id.is_none() {
                kept.error("procedure", t.unknown_choice);
            }
            id
        }
    };
    let sector_id = match sector.as_str() {
        "" => None,
        code => {
            let id = sqlx::query_scalar!("SELECT id FROM sectors WHERE code = $1", code)
                .fetch_optional(&state.pool)
                .await?;
            if id.is_none() {
                kept.error("sector", t.unknown_choice);
            }
            id
        }
    };
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::ASK_AGENCY));
    }
    // Reserved before the question is kept, so parallel posts count too.
    match throttle::reserve(
        &state.pool,
        Kind::AgencyQuestion,
        Subject::Account(user.0.id),
        asker.ip,
    )
    .await?
    {
        Ok(reservation) => reservation.keep(),
        Err(limited) => {
            kept.error("question", (t.too_many)(limited.wait_secs as u64));
            feedback::form(&session, kept).await;
            return Ok(see_other(paths::ASK_AGENCY));
        }
    }
    let agency_id = sqlx::query_scalar!(
        r#"SELECT coalesce(
               (SELECT a.id FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
                WHERE pa.procedure_id = $1 AND a.merged_into IS NULL
                ORDER BY a.administrative_unit_code IS NOT DISTINCT FROM
                             (SELECT address_commune FROM users WHERE id = $2) DESC,
                         a.id
                LIMIT 1),
               (SELECT id FROM agencies WHERE parent_id IS NULL ORDER BY id LIMIT 1)) AS "id!""#,
        procedure_id,
        user.0.id
    )
    .fetch_one(&state.pool)
    .await?;
    let calendar = app::deadlines::store::working_calendar(&state.pool).await?;
    let days = assistant_settings(&state.pool).await?.question_answer_days;
    let today = state.clock.today_in_vietnam();
    let due_on = calendar.add_working_days(today, days.max(1) as u32);
    // The due day is a date of the portal's own calendar, bound as chrono.
    sqlx::query!(
        "INSERT INTO citizen_questions (asker_id, question, sector_id, procedure_id, agency_id, asked_at, due_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        user.0.id,
        question,
        sector_id,
        procedure_id,
        agency_id,
        state.clock.now() as _,
        due_on as _,
    )
    .execute(&state.pool)
    .await?;
    feedback::notice(
        &session,
        NoticeTone::Success,
        (t.sent)(&due_on.format("%d/%m/%Y").to_string()),
    )
    .await;
    Ok(see_other(paths::MY_QUESTIONS))
}
