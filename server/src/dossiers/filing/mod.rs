//! `POST /nop-ho-so/{procedure_code}`: saves the citizen's draft; with
//! `action=review` ("Tiếp tục") judges it and, when nothing is missing,
//! sends the citizen to the check page (`confirm.rs` submits from there);
//! with `action=submit` judges and submits at once (the counter's
//! "Tiếp nhận hồ sơ": at `POST /can-bo/tiep-nhan/{applicant}/{code}` the
//! same form is filled by a reception officer, and submitting also accepts
//! the dossier in that transaction: the applicant is standing at the desk).
//! The server is the authority: the check is
//! [`app::filing::check::store::readiness`], whatever the browser said.

pub mod confirm;
mod pages;
mod submit;

use super::drafts::Filing;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::eforms::keys::GroupChange;
use app::filing::check::store::readiness;
use app::filing::eform_fields::FORM_NAME;
use app::forms::focus::is_place;
use app::forms::{field_id, FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use tower_sessions::Session;

/// Saves the draft, or judges it and goes on to the check page (online)
/// or submits it (at the counter).
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

    // What was typed, for every key the form has (nothing else is kept);
    // a paged form's post changes only its own page's answers.
    let (mut answers, page) = filing.posted_answers(&state.pool, &form).await?;
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

    if let Some(page) = page {
        return pages::after_question_page(
            &state, &session, asker.lang, &filing, page, &action, &answers,
        )
        .await;
    }

    if action != "submit" && action != "review" {
        feedback::notice(&session, NoticeTone::Success, texts.draft_saved).await;
        return Ok(
            match place_to_return_to(&action, &form.get("return_to"), show_item) {
                Some(id) => see_other(&format!("{back}#{id}")),
                None => see_other(&back),
            },
        );
    }

    let verdict = readiness(
        &state.pool,
        &filing.procedure,
        &filing.form,
        draft_id,
        &answers,
        chosen,
        asker.lang,
        state.clock.today_in_vietnam(),
    )
    .await?;
    let (clean, agency) = match verdict.outcome {
        Ok(ready) => ready,
        Err(problems) => {
            // A paged form goes back to the first page with a problem.
            let back = pages::first_page_with(
                &filing,
                &problems,
                &answers,
                state.clock.today_in_vietnam(),
            )
            .map_or(back, |page| filing.page_path(Some(page)));
            let mut refused = FormFeedback::new(FORM_NAME);
            refused.keep("agency", &agency_code);
            refused.errors = problems;
            feedback::form(&session, refused).await;
            return Ok(see_other(&back));
        }
    };
    if action == "review" && filing.officer.is_none() {
        return Ok(see_other(&paths::filing_check(&filing.procedure.code)));
    }
    submit::submit_and_show(
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

/// Where a button that only saves comes back to: the item a group button
/// just added (or the one next to the item removed), the address whose
/// communes were asked for, the field last worked on (sent with
/// JavaScript), or the place the button names (`save:filing-actions`).
fn place_to_return_to(
    action: &str,
    return_to: &str,
    show_item: Option<(&GroupChange, usize)>,
) -> Option<String> {
    if let Some((GroupChange::Add { group } | GroupChange::Remove { group, .. }, index)) = show_item
    {
        return Some(field_id(FORM_NAME, &format!("{group}.{index}")));
    }
    if let Some(address) = action.strip_prefix("communes:") {
        return Some(field_id(FORM_NAME, address));
    }
    [return_to, action.strip_prefix("save:").unwrap_or_default()]
        .into_iter()
        .find(|place| is_place(place))
        .map(str::to_string)
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
    let (answers, _) = filing.posted_answers(&state.pool, form).await?;
    let chosen = filing.chosen_agency(&form.get("agency"));
    Ok(Some(filing.save(&state.pool, chosen, &answers).await?))
}

/// The hidden field the filing form always posts.
pub(crate) const FORM_MARKER: &str = "filing_form";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_comes_back_to_where_the_citizen_was() {
        // With JavaScript, the field last worked on.
        assert_eq!(
            place_to_return_to("save", "filing-child-name", None).as_deref(),
            Some("filing-child-name")
        );
        // Without it, the place the visible button names.
        assert_eq!(
            place_to_return_to("save:filing-actions", "", None).as_deref(),
            Some("filing-actions")
        );
        // Enter in a text box without JavaScript: nothing to go by.
        assert_eq!(place_to_return_to("save", "", None), None);
        // Nothing but a plain id ends up in the redirect.
        assert_eq!(
            place_to_return_to("save:x\r\nSet-Cookie: a", "//evil", None),
            None
        );
        assert_eq!(
            place_to_return_to("communes:place", "filing-child-name", None).as_deref(),
            Some("filing-place")
        );
    }
}
