//! The builder's rules: each rule of the draft in words with its remove
//! button, and a plain form adding one ("Khi … thì …") from up to three
//! conditions, so the usual rules need no JSON. Posts to the outline's
//! handler (`action=add_rule`, `remove_rule:<place>:<index>`).

use crate::administration::eforms::RuleEditor;
use crate::eforms::design::rule_editing::{ACTIONS, OPERATORS};
use crate::forms::{field_id, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The rule editor's form name (its fields' ids and kept values).
pub const FORM_RULES_FORM: &str = "eform_rules";

/// The condition rows' value inputs: the editor offers three rows.
const VALUE_NAMES: [&str; 3] = ["value_1", "value_2", "value_3"];

#[component]
pub fn RulesEditor(code: String, editor: RuleEditor, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().form_rules;
    let action = paths::edit_form_outline(&code);
    let kept = feedback.clone();
    let select = move |name: &str,
                       label: &'static str,
                       choices: Vec<(String, String)>,
                       empty: Option<&'static str>| {
        let id = field_id(FORM_RULES_FORM, name);
        let chosen = kept.value(name);
        view! {
            <div class="form-group">
                <label class="label" for=id.clone()>{label}</label>
                <select class="select" id=id name=name.to_string()>
                    {empty.map(|text| view! { <option value="">{text}</option> })}
                    {choices.into_iter().map(|(value, words)| {
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{words}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };
    let operators: Vec<(String, String)> = OPERATORS
        .iter()
        .map(|op| (op.to_string(), (t.op_name)(op).to_string()))
        .collect();
    let actions: Vec<(String, String)> = ACTIONS
        .iter()
        .map(|name| (name.to_string(), (t.action_name)(name).to_string()))
        .collect();
    let targets: Vec<(String, String)> = editor
        .questions
        .iter()
        .cloned()
        .chain(
            editor
                .pages
                .iter()
                .map(|(key, title)| (key.clone(), format!("{} ({key})", title))),
        )
        .collect();
    view! {
        <section class="section" aria-labelledby="rules-heading">
            <h2 id="rules-heading">{t.heading}</h2>
            <p class="hint">{t.lead}</p>
            {if editor.rules.is_empty() {
                view! { <p>{t.none}</p> }.into_any()
            } else {
                view! {
                    <form method="post" action=action.clone()>
                        <table class="table" id="form-rules">
                            <thead><tr><th scope="col">{t.column_place}</th><th scope="col">{t.column_rule}</th><td></td></tr></thead>
                            <tbody>
                                {editor.rules.iter().map(|rule| view! {
                                    <tr>
                                        <td>{rule.place_words.clone()}</td>
                                        <td>{rule.words.clone()}</td>
                                        <td>
                                            <button type="submit" class="button button--warning button--small" name="action"
                                                value=format!("remove_rule:{}:{}", rule.place, rule.index)
                                                aria-label=(t.remove)(&rule.words)>"✕"</button>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </form>
                }.into_any()
            }}
            <h3>{t.add_heading}</h3>
            <form method="post" action=action novalidate="">
                <input type="hidden" name="action" value="add_rule"/>
                {select("place", t.place_label, editor.places.clone(), None)}
                <p class="hint">{t.place_hint}</p>
                {select("combine", t.combine_label, vec![
                    ("all".to_string(), t.combine_all.to_string()),
                    ("any".to_string(), t.combine_any.to_string()),
                ], None)}
                {VALUE_NAMES.iter().enumerate().map(|(index, value_name)| (index + 1, *value_name)).map(|(row, value_name)| view! {
                    <fieldset class="fieldset rule-condition">
                        <legend class="label">{(t.row_legend)(row)}</legend>
                        {(row > 1).then(|| view! { <p class="hint">{t.row_hint}</p> })}
                        {select(&format!("field_{row}"), t.field_label, editor.questions.clone(), Some(t.no_field))}
                        {select(&format!("op_{row}"), t.op_label, operators.clone(), None)}
                        <TextField name=value_name label=t.value_label hint=t.value_hint feedback=feedback.clone()/>
                    </fieldset>
                }).collect_view()}
                {select("rule_action", t.action_label, actions, None)}
                {select("target", t.target_label, targets, Some(t.no_field))}
                <p class="hint">{t.target_hint}</p>
                <TextField name="set_value" label=t.set_value_label feedback=feedback.clone()/>
                <TextField name="message_vi" label=t.message_vi_label feedback=feedback.clone()/>
                <TextField name="message_en" label=t.message_en_label feedback=feedback.clone()/>
                <button type="submit" class="button">{t.add}</button>
            </form>
        </section>
    }
}
