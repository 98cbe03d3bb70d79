//! The article's edit form: every field with its label, hint and error,
//! showing what was typed when a save was refused (nothing is lost), else
//! the draft.

use crate::forms::{field_id, FieldGroup, FormFeedback};
use crate::i18n::use_texts;
use crate::knowledge::{ArticleEditor, Audience};
use leptos::prelude::*;

/// A control's id, what describes it (hint, error) and whether it is in error.
fn wiring(feedback: &FormFeedback, name: &str) -> (String, String, Option<&'static str>) {
    let id = field_id(&feedback.form, name);
    let error = feedback.message_for(name).is_some();
    let described = if error {
        format!("{id}-hint {id}-error")
    } else {
        format!("{id}-hint")
    };
    (id, described, error.then_some("true"))
}

/// What the field shows: as typed after a refusal, else as stored.
fn shown(feedback: &FormFeedback, name: &str, stored: String) -> String {
    if feedback.values.contains_key(name) {
        feedback.value(name)
    } else {
        stored
    }
}

#[component]
pub fn EditorFields(editor: ArticleEditor, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().knowledge;
    let content = &editor.content;
    let question = shown(&feedback, "question", content.question.clone());
    let answer = shown(&feedback, "answer", content.answer.clone());
    let agency = shown(
        &feedback,
        "agency",
        content.agency.clone().unwrap_or_default(),
    );
    let sector = shown(
        &feedback,
        "sector",
        content.sector.clone().unwrap_or_default(),
    );
    let procedures = shown(&feedback, "procedures", content.procedures.join(", "));
    let references = shown(
        &feedback,
        "legal_references",
        content.legal_references.join("\n"),
    );
    let audience = shown(&feedback, "audience", content.audience.as_str().to_string());
    let until = shown(
        &feedback,
        "valid_until",
        content
            .valid_until
            .map(|until| until.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    );
    let question_wiring = wiring(&feedback, "question");
    let answer_wiring = wiring(&feedback, "answer");
    let agency_wiring = wiring(&feedback, "agency");
    let sector_wiring = wiring(&feedback, "sector");
    let procedures_wiring = wiring(&feedback, "procedures");
    let legal_references_wiring = wiring(&feedback, "legal_references");
    let valid_until_wiring = wiring(&feedback, "valid_until");
    let audience_id = field_id(&feedback.form, "audience");
    view! {
        <FieldGroup name="question" label=t.question hint=t.question_hint feedback=feedback.clone()>
            <input class="input" type="text" id=question_wiring.0.clone() name="question" value=question
                aria-describedby=question_wiring.1.clone() aria-invalid=question_wiring.2/>
        </FieldGroup>
        <FieldGroup name="answer" label=t.answer hint=t.answer_hint feedback=feedback.clone()>
            <textarea class="textarea" id=answer_wiring.0.clone() name="answer" rows="14"
                aria-describedby=answer_wiring.1.clone() aria-invalid=answer_wiring.2>{answer}</textarea>
        </FieldGroup>
        <FieldGroup name="agency" label=t.owner feedback=feedback.clone()>
            <select class="select" id=agency_wiring.0.clone() name="agency" aria-invalid=agency_wiring.2>
                {editor.agencies.iter().map(|choice| {
                    let label = if choice.code.is_empty() { t.province_owner.to_string() } else { choice.name.clone() };
                    view! { <option value=choice.code.clone() selected=choice.code == agency>{label}</option> }
                }).collect_view()}
            </select>
        </FieldGroup>
        <FieldGroup name="sector" label=t.sector feedback=feedback.clone()>
            <select class="select" id=sector_wiring.0.clone() name="sector" aria-invalid=sector_wiring.2>
                <option value="">{t.no_sector}</option>
                {editor.sectors.iter().map(|choice| view! {
                    <option value=choice.code.clone() selected=choice.code == sector>{choice.name.clone()}</option>
                }).collect_view()}
            </select>
        </FieldGroup>
        <FieldGroup name="procedures" label=t.procedures hint=t.procedures_hint feedback=feedback.clone()>
            <input class="input" type="text" id=procedures_wiring.0.clone() name="procedures" value=procedures
                aria-describedby=procedures_wiring.1.clone() aria-invalid=procedures_wiring.2/>
        </FieldGroup>
        <FieldGroup name="legal_references" label=t.references hint=t.references_hint feedback=feedback.clone()>
            <textarea class="textarea" id=legal_references_wiring.0.clone() name="legal_references" rows="4"
                aria-describedby=legal_references_wiring.1.clone() aria-invalid=legal_references_wiring.2>{references}</textarea>
        </FieldGroup>
        <fieldset class="fieldset">
            <legend class="label">{t.audience_label}</legend>
            {[Audience::Citizens, Audience::Officials].into_iter().map(|choice| {
                let value = choice.as_str();
                let choice_id = format!("{audience_id}-{value}");
                view! {
                    <div class="radio">
                        <input class="radio__input" type="radio" id=choice_id.clone() name="audience" value=value
                            checked=audience == value/>
                        <label class="radio__label" for=choice_id>{(t.audience)(choice)}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <FieldGroup name="valid_until" label=t.valid_until_label hint=t.valid_until_hint feedback=feedback.clone()>
            <input class="input input--date" type="date" id=valid_until_wiring.0.clone() name="valid_until" value=until
                aria-describedby=valid_until_wiring.1.clone() aria-invalid=valid_until_wiring.2/>
        </FieldGroup>
    }
}
