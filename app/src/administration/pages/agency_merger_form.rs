//! The merger form of an agency's page: the successor and a confirmation,
//! both required; a refused form comes back with the choice kept and
//! each error beside its field.

use crate::forms::{field_id, ErrorSummary, FormFeedback};
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The form name the server's handler answers to.
pub const MERGER_FORM: &str = "agency_merger";

#[component]
pub fn AgencyMergerForm(
    code: String,
    /// The agencies it may be merged into (code, name).
    successors: Vec<(String, String)>,
    feedback: FormFeedback,
) -> impl IntoView {
    let t = &use_texts().agencies_admin;
    let successor_id = field_id(MERGER_FORM, "successor");
    let confirm_id = field_id(MERGER_FORM, "confirm");
    let chosen = feedback.value("successor");
    let group = |error: &Option<String>| {
        if error.is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let successor_error = feedback.message_for("successor");
    let confirm_error = feedback.message_for("confirm");
    let day_id = field_id(MERGER_FORM, "effective_on");
    let day_error = feedback.message_for("effective_on");
    let typed_day = feedback.value("effective_on");
    view! {
        <section class="section" aria-labelledby="merger-heading">
            <h2 id="merger-heading">{t.merge_heading}</h2>
            <p>{t.merge_lead}</p>
            <ErrorSummary form=feedback.clone()/>
            <form method="post" action=paths::merge_agency(&code) novalidate="">
                <div class=group(&successor_error)>
                    <label class="label" for=successor_id.clone()>{t.merge_successor}</label>
                    {successor_error.clone().map(|message| view! { <p class="error-message">{message}</p> })}
                    <select class="select" id=successor_id name="successor"
                        aria-invalid=successor_error.is_some().then_some("true")>
                        <option value="">{t.merge_choose}</option>
                        {successors.into_iter().map(|(code, name)| {
                            let selected = code == chosen;
                            view! { <option value=code selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class=group(&day_error)>
                    <label class="label" for=day_id.clone()>{t.merge_effective_on}</label>
                    <p class="hint" id=format!("{day_id}-hint")>{t.merge_effective_on_hint}</p>
                    {day_error.clone().map(|message| view! { <p class="error-message">{message}</p> })}
                    <input class="input input--short" type="text" inputmode="numeric" id=day_id.clone() name="effective_on"
                        value=typed_day aria-describedby=format!("{day_id}-hint")
                        aria-invalid=day_error.is_some().then_some("true")/>
                </div>
                <div class=group(&confirm_error)>
                    {confirm_error.clone().map(|message| view! { <p class="error-message">{message}</p> })}
                    <span class="checkbox">
                        <input class="checkbox__input" type="checkbox" id=confirm_id.clone() name="confirm"
                            aria-invalid=confirm_error.is_some().then_some("true")/>
                        <label class="checkbox__label" for=confirm_id>{t.merge_confirm}</label>
                    </span>
                </div>
                <button type="submit" class="button button--warning">{t.merge_button}</button>
            </form>
        </section>
    }
}
