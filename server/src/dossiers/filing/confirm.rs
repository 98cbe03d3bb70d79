//! `POST /nop-ho-so/{procedure_code}/kiem-tra`: "Nộp hồ sơ" on the check
//! page. Submits the draft exactly as the page showed it — the answers and
//! office as saved, judged again by the same check — and bills the amount
//! the page showed: when the fee has changed since (the procedure's fees
//! were edited, or the draft was changed in another tab) nothing is sent
//! and the citizen is asked to check again.

use super::super::drafts::Filing;
use super::submit::submit_and_show;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::filing::check::store::readiness;
use app::filing::eform_fields::FORM_NAME;
use app::filing::store as filing_store;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use tower_sessions::Session;

#[tracing::instrument(
    skip_all,
    fields(
        procedure = %filing.procedure.code,
        user_id = filing.applicant.id,
        dossier = tracing::field::Empty,
    )
)]
pub async fn confirm(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    filing: Filing,
    form: Posted,
) -> HandlerResult {
    let back = filing.base_path();
    let check = paths::filing_check(&filing.procedure.code);
    let draft = filing_store::draft(
        &state.pool,
        filing.applicant.id,
        None,
        filing.procedure.version_id,
        &filing.form,
    )
    .await?;
    // Online only: the counter submits from its form. No draft (already
    // submitted in another tab): back to the form, which starts afresh.
    let (Some((draft_id, answers, office_code, _)), None) = (draft, &filing.officer) else {
        return Ok(see_other(&back));
    };
    let office = office_code.and_then(|code| filing.chosen_agency(&code).cloned());
    let verdict = readiness(
        &state.pool,
        &filing.procedure,
        &filing.form,
        draft_id,
        &answers,
        office.as_ref(),
        asker.lang,
        state.clock.today_in_vietnam(),
    )
    .await?;
    let (clean, agency) = match verdict.outcome {
        Ok(ready) => ready,
        Err(problems) => {
            let mut refused = FormFeedback::new(FORM_NAME);
            refused.keep("agency", office.as_ref().map_or("", |office| &office.code));
            refused.errors = problems;
            feedback::form(&session, refused).await;
            return Ok(see_other(&back));
        }
    };
    let shown: Option<i64> = form.get("fee_total").trim().parse().ok();
    if shown != Some(verdict.fees.0.total.0) {
        let words = &asker.lang.texts().filing_check;
        feedback::notice(&session, NoticeTone::Error, words.fee_changed).await;
        return Ok(see_other(&check));
    }
    submit_and_show(
        &state,
        &session,
        asker.lang,
        &filing,
        draft_id,
        &agency.code,
        &clean,
        &verdict.fees,
    )
    .await
}
