//! What a form shows without asking: headings, statements (a little
//! markdown: paragraphs, "- " lists, **bold**) and computed values.

use super::eform_fields::FORM_NAME;
use crate::eforms::{Field, FieldKind};
use crate::forms::field_id;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn FormText(field: Field, key: String, value: String) -> impl IntoView {
    let lang = use_lang();
    match &field.kind {
        FieldKind::Heading => {
            view! { <h3 class="eform-heading">{field.label.get(lang).to_string()}</h3> }.into_any()
        }
        FieldKind::Statement { text } => {
            view! { <div class="eform-statement">{markdown(text.get(lang))}</div> }.into_any()
        }
        FieldKind::Calculated { .. } => {
            let id = field_id(FORM_NAME, &key);
            view! {
                <div class="form-group">
                    <span class="label" id=format!("{id}-label")>{field.label.get(lang).to_string()}</span>
                    <p class="hint">{lang.texts().eforms.calculated_hint}</p>
                    <output class="eform-calculated" id=id.clone() aria-labelledby=format!("{id}-label")
                        data-calculated=key>{value}</output>
                </div>
            }
            .into_any()
        }
        _ => ().into_any(),
    }
}

/// Paragraphs split by blank lines; lines starting "- " make a list.
fn markdown(text: &str) -> impl IntoView {
    text.split("\n\n")
        .map(|block| {
            let lines: Vec<&str> = block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            if !lines.is_empty() && lines.iter().all(|line| line.starts_with("- ")) {
                let items = lines
                    .iter()
                    .map(|line| view! { <li>{inline(&line[2..])}</li> })
                    .collect_view();
                view! { <ul class="list list--bullet">{items}</ul> }.into_any()
            } else {
                view! { <p>{inline(&lines.join(" "))}</p> }.into_any()
            }
        })
        .collect_view()
}

/// `**bold**` as strong text; everything else as plain text.
fn inline(text: &str) -> impl IntoView {
    text.split("**")
        .enumerate()
        .map(|(index, part)| {
            let part = part.to_string();
            if index % 2 == 1 {
                view! { <strong>{part}</strong> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}
