//! Questions answered by choosing: yes or no, and several choices (one
//! checkbox per choice, `{key}.{value}`, so a plain form post carries them
//! all; see `eforms::keys`).

use super::eform_fields::{hint_of, label_of, ShownErrors, FORM_NAME};
use crate::eforms::keys::choice_key;
use crate::eforms::{Choice, Field, FieldKind, Localised};
use crate::forms::field_id;
use crate::i18n::use_lang;
use leptos::prelude::*;

/// A fieldset of radios or checkboxes with the field's legend, hint and
/// message.
#[component]
pub fn ChoiceField(
    field: Field,
    key: String,
    value: String,
    shown: ShownErrors,
    condition: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let e = &lang.texts().eforms;
    let error = shown.for_keys(vec![key.clone()]);
    let id = field_id(FORM_NAME, &key);
    let hint = hint_of(&field, condition, lang);
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), !hint.is_empty());
        move || {
            let ids: Vec<String> = [
                has_hint.then(|| hint_id.clone()),
                error.get().map(|_| error_id.clone()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let (options, several) = match &field.kind {
        FieldKind::Checkboxes { options, .. } => (options.clone(), true),
        _ => (vec![choice("yes", e.yes), choice("no", e.no)], false),
    };
    let chosen: Vec<String> = value.split(',').map(|v| v.trim().to_string()).collect();
    let controls = options
        .into_iter()
        .enumerate()
        .map(|(index, option)| {
            let option_id = format!("{id}-{index}");
            let checked = chosen.contains(&option.value);
            let label = option.label.get(lang).to_string();
            if several {
                view! {
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id=option_id.clone()
                            name=choice_key(&key, &option.value) value="on" checked=checked/>
                        <label class="checkbox__label" for=option_id>{label}</label>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="radio">
                        <input class="radio__input" type="radio" id=option_id.clone() name=key.clone()
                            value=option.value.clone() checked=checked/>
                        <label class="radio__label" for=option_id>{label}</label>
                    </div>
                }
                .into_any()
            }
        })
        .collect_view();
    let group_class = move || {
        if error.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    view! {
        <div class=group_class>
            <fieldset class="fieldset" id=id aria-describedby=described_by>
                <legend class="label">{label_of(&field, lang)}</legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint.clone()}</p> })}
                {move || error.get().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
                {controls}
            </fieldset>
        </div>
    }
}

fn choice(value: &str, label: &str) -> Choice {
    Choice {
        value: value.into(),
        label: Localised {
            vi: label.into(),
            en: label.into(),
        },
    }
}
