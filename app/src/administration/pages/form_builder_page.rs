//! `/quan-tri/bieu-mau/{code}`: one form's builder. The draft's fields in
//! order (move, remove, add), the whole draft as a JSON document, what
//! keeps it from being published, the preview, publishing by a second
//! person, the published versions and every save of the draft (each
//! restorable), and the JSON file out and in. Plain forms: no JavaScript
//! needed.

use super::form_builder_history::{SavesTable, VersionsTable};
use super::form_rules_editor::{RulesEditor, FORM_RULES_FORM};
use crate::administration::eforms::server_fns::load_form_builder;
use crate::administration::eforms::{FormBuilder, OutlineSection};
use crate::forms::{ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The forms the builder's handlers answer to.
pub const FORM_DRAFT_FORM: &str = "eform_draft";
pub const FORM_OUTLINE_FORM: &str = "eform_outline";
pub const FORM_PUBLISH_FORM: &str = "eform_publish";

/// The field kinds the outline's "add a field" offers, by their JSON type.
pub const ADDABLE_KINDS: [&str; 23] = [
    "text",
    "long_text",
    "number",
    "decimal",
    "money",
    "date",
    "date_range",
    "time",
    "select",
    "radio",
    "checkboxes",
    "yes_no",
    "checkbox",
    "email",
    "phone",
    "citizen_id",
    "tax_code",
    "vehicle_plate",
    "address",
    "file",
    "group",
    "heading",
    "statement",
];

#[component]
pub fn FormBuilderPage() -> impl IntoView {
    let t = &use_texts().forms_admin;
    let params = use_params_map();
    let data = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_form_builder,
    );
    view! {
        <PageLoader resource=data title=t.title not_found=true render={move |view: FormBuilder, session| {
            let draft = session.feedback.form_for(FORM_DRAFT_FORM);
            let outline = session.feedback.form_for(FORM_OUTLINE_FORM);
            let publish = session.feedback.form_for(FORM_PUBLISH_FORM);
            let rules = session.feedback.form_for(FORM_RULES_FORM);
            view! {
                <p class="breadcrumb"><a href=paths::FORMS_ADMIN>{t.title}</a></p>
                <ErrorSummary form=draft.clone()/>
                <ErrorSummary form=outline.clone()/>
                <ErrorSummary form=publish.clone()/>
                <ErrorSummary form=rules.clone()/>
                <Builder view draft outline rules/>
            }
        }}/>
    }
}

#[component]
fn Builder(
    view: FormBuilder,
    draft: FormFeedback,
    outline: FormFeedback,
    rules: FormFeedback,
) -> impl IntoView {
    let t = &use_texts().forms_admin;
    let code = view.code.clone();
    let document = if draft.values.contains_key("definition") {
        draft.value("definition")
    } else {
        view.draft_json.clone().unwrap_or_default()
    };
    let has_draft = view.draft_json.is_some();
    let latest = view.versions.first().map(|version| version.number);
    view! {
        <PageTitle title=format!("{} ({})", view.title, view.code) document_title=view.title.clone()/>
        <p>
            <strong>{(t.state)(view.state)}</strong>
            {view.agency.clone().map(|agency| format!(" · {agency}"))}
        </p>
        {if view.standard {
            view! { <p class="notice notice--info">{t.used_by_standard}</p> }.into_any()
        } else if !view.procedures.is_empty() {
            view! {
                <h2>{t.used_by}</h2>
                <ul class="list list--bullet">
                    {view.procedures.iter().map(|(code, name)| view! {
                        <li><a href=paths::procedure_admin(code)>{format!("{name} ({code})")}</a></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        } else {
            ().into_any()
        }}
        {match (has_draft, latest) {
            (false, Some(number)) => view! {
                <section class="section">
                    <p>{t.no_draft}</p>
                    <form method="post" action=paths::restore_form(&code)>
                        <input type="hidden" name="version" value=number.to_string()/>
                        <button type="submit" class="button">{t.start_draft}</button>
                    </form>
                </section>
            }.into_any(),
            _ => view! {
                <DraftParts view=view.clone() outline rules document/>
            }.into_any(),
        }}
        <VersionsTable code=code.clone() versions=view.versions.clone()/>
        <SavesTable code=code.clone() saves=view.saves.clone()/>
        {(!view.standard && view.procedures.is_empty() && view.state != crate::eforms::design::FormState::Archived).then(|| view! {
            <section class="section">
                <form method="post" action=paths::archive_form(&code)>
                    <p class="hint">{t.archive_hint}</p>
                    <button type="submit" class="button button--secondary">{t.archive}</button>
                </form>
            </section>
        })}
    }
}

/// What only a draft has: its outline, problems, preview, publishing,
/// JSON document and file exchange.
#[component]
fn DraftParts(
    view: FormBuilder,
    outline: FormFeedback,
    rules: FormFeedback,
    document: String,
) -> impl IntoView {
    let t = &use_texts().forms_admin;
    let code = view.code.clone();
    view! {
        {view.draft_saved.clone().map(|(who, when)| view! {
            <p class="hint">{(t.draft_saved_by)(if who.is_empty() { t.seed_author } else { &who }, &when)}</p>
        })}
        <section class="section" aria-labelledby="problems-heading">
            <h2 id="problems-heading">{t.problems_heading}</h2>
            {if view.problems.is_empty() {
                view! { <p class="notice notice--success">{t.no_problems}</p> }.into_any()
            } else {
                view! {
                    <ul class="list list--bullet" id="form-problems">
                        {view.problems.iter().map(|problem| view! { <li>{problem.clone()}</li> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p>
                <a class="button button--secondary" href=paths::preview_form(&code)>{t.preview}</a>
                " "
                <a class="button button--secondary" href=format!("{}?khung=dien-thoai", paths::preview_form(&code))>{t.preview_phone}</a>
            </p>
        </section>
        <section class="section" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t.publish_heading}</h2>
            {if view.may_publish {
                view! {
                    <form method="post" action=paths::publish_form(&code)>
                        <p class="hint">{t.publish_hint}</p>
                        <button type="submit" class="button">{t.publish}</button>
                    </form>
                }.into_any()
            } else {
                view! { <p class="notice notice--info">{t.own_draft}</p> }.into_any()
            }}
        </section>
        <Outline code=code.clone() sections=view.outline.clone() feedback=outline/>
        <RulesEditor code=code.clone() editor=view.rule_editor.clone() feedback=rules/>
        <section class="section" aria-labelledby="document-heading">
            <h2 id="document-heading">{t.document_heading}</h2>
            <form method="post" action=paths::save_form_draft(&code) novalidate="">
                <div class="form-group">
                    <label class="label" for="eform_draft-definition">{t.document_label}</label>
                    <p class="hint" id="eform_draft-definition-hint">{t.document_hint}</p>
                    <textarea class="textarea textarea--code" id="eform_draft-definition" name="definition" rows="24"
                        spellcheck="false" aria-describedby="eform_draft-definition-hint">{document}</textarea>
                </div>
                <button type="submit" class="button">{t.save_draft}</button>
            </form>
        </section>
        <section class="section" aria-labelledby="exchange-heading">
            <h2 id="exchange-heading">{t.exchange_heading}</h2>
            <p><a href=paths::form_json(&code) download="">{t.export}</a></p>
            <form method="post" action=paths::import_form(&code) enctype="multipart/form-data">
                <div class="form-group">
                    <label class="label" for="eform_import-file">{t.import_label}</label>
                    <input class="file-upload" id="eform_import-file" type="file" name="file" accept="application/json,.json"/>
                </div>
                <button type="submit" class="button button--secondary">{t.import}</button>
            </form>
        </section>
    }
}

/// The draft's fields, section by section, each with move and remove
/// buttons, and the form adding one.
#[component]
fn Outline(code: String, sections: Vec<OutlineSection>, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().forms_admin;
    let chosen_kind = feedback.value("kind");
    view! {
        <section class="section" aria-labelledby="outline-heading">
            <h2 id="outline-heading">{t.outline_heading}</h2>
            <form method="post" action=paths::edit_form_outline(&code)>
                {sections.iter().map(|section| view! {
                    <h3>{format!("{} ({})", section.title, section.key)}</h3>
                    <ol class="form-outline">
                        {section.fields.iter().map(|field| {
                            let marks = [
                                field.required.then_some(t.required_mark),
                                field.conditional.then_some(t.conditional_mark),
                            ].into_iter().flatten().collect::<Vec<_>>().join(", ");
                            view! {
                                <li class="form-outline__field">
                                    <span>
                                        <strong>{field.label.clone()}</strong>
                                        {format!(" — {} · {}", field.key, (t.kind_name)(&field.kind))}
                                        {(!marks.is_empty()).then(|| format!(" · {marks}"))}
                                    </span>
                                    <span class="form-outline__actions">
                                        <button type="submit" class="button button--secondary button--small" name="action"
                                            value=format!("up:{}", field.key) aria-label=(t.move_up)(&field.label)>"↑"</button>
                                        <button type="submit" class="button button--secondary button--small" name="action"
                                            value=format!("down:{}", field.key) aria-label=(t.move_down)(&field.label)>"↓"</button>
                                        <button type="submit" class="button button--warning button--small" name="action"
                                            value=format!("remove:{}", field.key) aria-label=(t.remove)(&field.label)>"✕"</button>
                                    </span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }).collect_view()}
            </form>
            <FieldEdits code=code.clone() sections=sections.clone()/>
            <h3>{t.add_field_heading}</h3>
            <form method="post" action=paths::edit_form_outline(&code) novalidate="">
                <input type="hidden" name="action" value="add"/>
                <div class="form-group">
                    <label class="label" for="eform_outline-section">{t.field_section}</label>
                    <select class="select" id="eform_outline-section" name="section">
                        {sections.iter().map(|section| view! {
                            <option value=section.key.clone()>{section.title.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextField name="key" label=t.field_key feedback=feedback.clone() required=true/>
                <TextField name="label_vi" label=t.field_label_vi feedback=feedback.clone() required=true/>
                <TextField name="label_en" label=t.field_label_en feedback=feedback.clone() required=true/>
                <div class="form-group">
                    <label class="label" for="eform_outline-kind">{t.field_type}</label>
                    <select class="select" id="eform_outline-kind" name="kind">
                        {ADDABLE_KINDS.iter().map(|kind| view! {
                            <option value=*kind selected=*kind == chosen_kind>{(t.kind_name)(kind)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-group">
                    <label class="label" for="eform_outline-options">{t.field_options}</label>
                    <p class="hint" id="eform_outline-options-hint">{t.field_options_hint}</p>
                    <textarea class="textarea" id="eform_outline-options" name="options" rows="4"
                        aria-describedby="eform_outline-options-hint">{feedback.value("options")}</textarea>
                </div>
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="eform_outline-required" name="required" value="on"
                        checked=feedback.value("required") == "on"/>
                    <label class="checkbox__label" for="eform_outline-required">{t.field_required}</label>
                </div>
                <button type="submit" class="button">{t.add_field}</button>
            </form>
        </section>
    }
}

/// Each top-level field's labels and "must be answered", in its own
/// disclosure and form (after the outline's form: forms do not nest).
#[component]
fn FieldEdits(code: String, sections: Vec<OutlineSection>) -> impl IntoView {
    let t = &use_texts().forms_admin;
    sections
        .into_iter()
        .flat_map(|section| section.fields)
        .map(|field| {
            let id = |part: &str| format!("eform-field-{}-{part}", field.key.replace('_', "-"));
            let (vi_id, en_id, required_id) = (id("vi"), id("en"), id("required"));
            view! {
                <details class="disclosure">
                    <summary>{(t.edit_field)(&field.label)}</summary>
                    <form method="post" action=paths::edit_form_outline(&code) novalidate="">
                        <input type="hidden" name="action" value=format!("edit:{}", field.key)/>
                        <div class="form-group">
                            <label class="label" for=vi_id.clone()>{(t.edit_label_vi)(&field.label)}</label>
                            <input class="input" id=vi_id name="label_vi" type="text" value=field.label_vi.clone()/>
                        </div>
                        <div class="form-group">
                            <label class="label" for=en_id.clone()>{(t.edit_label_en)(&field.label)}</label>
                            <input class="input" id=en_id name="label_en" type="text" value=field.label_en.clone()/>
                        </div>
                        <div class="checkbox">
                            <input class="checkbox__input" type="checkbox" id=required_id.clone() name="required" value="on"
                                checked=field.required/>
                            <label class="checkbox__label" for=required_id>{(t.edit_required)(&field.label)}</label>
                        </div>
                        <button type="submit" class="button button--secondary">{t.save_field}</button>
                    </form>
                </details>
            }
        })
        .collect_view()
}
