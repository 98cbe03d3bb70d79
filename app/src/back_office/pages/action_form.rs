use crate::dossiers::Action;
use crate::i18n::{use_lang, use_texts};
use crate::paths;
use leptos::prelude::*;

/// One action on the officials' dossier page, as its own group: a heading
/// naming it, its own fields (ids and labels unique to it) and its button,
/// framed apart from the others so no field reads as another action's.
/// The form carries the version the official saw.
#[component]
pub fn ActionForm(
    code: String,
    version: i32,
    action: Action,
    specialists: Vec<(i64, String)>,
    fully_online: bool,
) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    let w = &t.office_work;
    let lang = use_lang();
    let id = format!("action-{}", action.as_str().replace('_', "-"));
    let heading_id = format!("{id}-heading");
    let note_id = format!("{id}-note");
    let assignee_id = format!("{id}-assignee");
    let new_due_id = format!("{id}-new-due");
    let collector_id = format!("{id}-collector");
    let collector_number_id = format!("{id}-collector-number");
    let secondary = matches!(
        action,
        Action::Refuse
            | Action::Stop
            | Action::SendBack
            | Action::RequestSupplement
            | Action::Extend
    );
    view! {
        <section class="action-group" aria-labelledby=heading_id.clone()>
            <h3 class="action-group__title" id=heading_id.clone()>{action.label(lang)}</h3>
            <form method="post" action=paths::office_action(&code) class="action-form" id=id novalidate>
                <input type="hidden" name="action" value=action.as_str()/>
                <input type="hidden" name="version" value=version.to_string()/>
                {(action == Action::Assign).then(|| view! {
                    <div class="form-group">
                        <label class="label" for=assignee_id.clone()>{b.choose_specialist}</label>
                        <p class="hint" id=format!("{assignee_id}-hint")>{w.choose_specialist_hint}</p>
                        <select class="select" id=assignee_id.clone() name="assignee" aria-describedby=format!("{assignee_id}-hint")>
                            <option value="" selected=true>{w.choose_specialist_placeholder}</option>
                            {specialists.iter().map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                })}
                {(action == Action::Extend).then(|| view! {
                    <div class="form-group">
                        <label class="label" for=new_due_id.clone()>{b.new_due_label}</label>
                        <p class="hint" id=format!("{new_due_id}-hint")>{b.new_due_hint}</p>
                        <input class="input input--medium" type="date" id=new_due_id.clone() name="new_due" aria-describedby=format!("{new_due_id}-hint")/>
                    </div>
                })}
                {(action == Action::Return).then(|| view! {
                    <fieldset class="fieldset">
                        <legend class="label">{b.delivery_legend}</legend>
                        <div class="radios">
                            <label class="radio"><input type="radio" name="delivery" value="online" checked=fully_online/>" "{b.delivery_online}</label>
                            <label class="radio"><input type="radio" name="delivery" value="counter" checked=!fully_online/>" "{b.delivery_counter}</label>
                        </div>
                    </fieldset>
                    <div class="form-group">
                        <label class="label" for=collector_id.clone()>{b.collector_name}</label>
                        <p class="hint" id=format!("{collector_id}-hint")>{b.collector_hint}</p>
                        <input class="input" type="text" id=collector_id.clone() name="collector_name" maxlength="100"
                            autocomplete="off" aria-describedby=format!("{collector_id}-hint")/>
                    </div>
                    <div class="form-group">
                        <label class="label" for=collector_number_id.clone()>{b.collector_citizen_id}</label>
                        <input class="input input--medium" type="text" inputmode="numeric" id=collector_number_id.clone()
                            name="collector_citizen_id" maxlength="12" autocomplete="off"/>
                    </div>
                })}
                {action.needs_note().then(|| view! {
                    <div class="form-group">
                        <label class="label" for=note_id.clone()>{format!("{} — {}", b.note_label, action.label(lang))}</label>
                        <p class="hint" id=format!("{note_id}-hint")>{b.note_hint}</p>
                        <textarea class="textarea" id=note_id.clone() name="note" rows="3" maxlength="2000" aria-describedby=format!("{note_id}-hint")></textarea>
                    </div>
                })}
                <button type="submit" class=if secondary { "button button--secondary" } else { "button" }>{action.label(lang)}</button>
            </form>
        </section>
    }
}
