//! A date range: "Từ ngày" and "Đến ngày" in one fieldset, answered under
//! `{key}.from` and `{key}.to`.

use super::eform_fields::{hint_of, label_of, ShownErrors, FORM_NAME};
use crate::eforms::keys::{range_part, RANGE_PARTS};
use crate::eforms::{Answers, Field};
use crate::forms::field_id;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn DateRangeField(
    field: Field,
    key: String,
    answers: Answers,
    shown: ShownErrors,
    condition: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let e = &lang.texts().eforms;
    let id = field_id(FORM_NAME, &key);
    let hint = hint_of(&field, condition, lang);
    let hint_id = format!("{id}-hint");
    let all = shown.for_keys(
        RANGE_PARTS
            .iter()
            .map(|part| range_part(&key, part))
            .collect(),
    );
    let parts = RANGE_PARTS
        .iter()
        .zip([e.range_from, e.range_to])
        .map(|(part, label)| {
            let part_key = range_part(&key, part);
            let part_id = field_id(FORM_NAME, &part_key);
            let error = shown.for_keys(vec![part_key.clone()]);
            let error_id = format!("{part_id}-error");
            let described = {
                let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                move || match error.get() {
                    Some(_) => format!("{hint_id} {error_id}"),
                    None => hint_id.clone(),
                }
            };
            let value = answers.get(&part_key).cloned().unwrap_or_default();
            view! {
                <div class="date-range__part">
                    <label class="label" for=part_id.clone()>{label}</label>
                    {move || error.get().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
                    <input class="input input--medium" id=part_id name=part_key type="text" inputmode="numeric"
                        value=value aria-describedby=described
                        aria-invalid=move || error.get().is_some().then_some("true")/>
                </div>
            }
        })
        .collect_view();
    let group_class = move || {
        if all.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    view! {
        <div class=group_class>
            <fieldset class="fieldset date-range" id=id>
                <legend class="label">{label_of(&field, lang)}</legend>
                <p class="hint" id=hint_id.clone()>{hint}</p>
                {parts}
            </fieldset>
        </div>
    }
}
