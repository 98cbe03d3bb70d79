//! `/quan-tri/phan-anh`: the report categories, group by group, each with
//! who handles it, its time and what it requires; administrators edit
//! each in its own disclosure (with its history), withdraw or restore it,
//! and add one below (plain forms: no JavaScript needed). A refused form
//! comes back open, with what was typed.

use crate::administration::pages::ChoiceSelect;
use crate::administration::procedures::Choice;
use crate::field_reports::categories::{
    load_report_categories, CategoriesAdmin, CategoryData, CategoryRow,
};
use crate::forms::{CheckboxField, ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form adding a category.
pub const NEW_CATEGORY_FORM: &str = "report_category_new";

/// The form editing category `code`.
pub fn category_form(code: &str) -> String {
    format!("report_category_{code}")
}

#[component]
pub fn ReportCategoriesPage() -> impl IntoView {
    let t = &use_texts().report_categories;
    let data = Resource::new(|| (), |_| load_report_categories());
    view! {
        <PageLoader resource=data title=t.title render={move |view: CategoriesAdmin, session| {
            let parents: Vec<(String, String)> = view.groups.iter()
                .map(|(group, _)| (group.data.code.clone(), group.data.name_vi.clone()))
                .collect();
            let agencies = view.agencies.clone();
            let edits: Vec<(CategoryRow, FormFeedback)> = view.groups.iter()
                .flat_map(|(group, children)| std::iter::once(group).chain(children))
                .map(|row| (row.clone(), session.feedback.form_for(&category_form(&row.data.code))))
                .collect();
            let new_form = session.feedback.form_for(NEW_CATEGORY_FORM);
            view! {
                <PageTitle title=t.title lead=t.lead/>
                {view.groups.iter().map(|(group, children)| view! {
                    <CategoryGroup group=group.clone() children=children.clone()/>
                }).collect_view()}
                {if view.may_edit {
                    let (parents, agencies) = (parents.clone(), agencies.clone());
                    view! {
                        {edits.into_iter().map(|(row, feedback)| {
                            let (parents, agencies) = (parents.clone(), agencies.clone());
                            view! { <CategoryEdit row feedback parents agencies/> }
                        }).collect_view()}
                        <section class="section" aria-labelledby="new-category-heading">
                            <h2 id="new-category-heading">{t.add_heading}</h2>
                            <ErrorSummary form=new_form.clone()/>
                            <CategoryForm action=paths::REPORT_CATEGORIES_ADMIN.to_string() data=CategoryData {
                                place_required: true,
                                public_by_default: true,
                                ..CategoryData::default()
                            } feedback=new_form parents agencies is_new=true/>
                        </section>
                    }.into_any()
                } else {
                    view! { <p class="hint">{t.read_only}</p> }.into_any()
                }}
            }
        }}/>
    }
}

/// One group's categories as a table.
#[component]
fn CategoryGroup(group: CategoryRow, children: Vec<CategoryRow>) -> impl IntoView {
    let t = &use_texts().report_categories;
    let heading = if group.data.archived {
        format!("{} ({})", group.data.name_vi, t.archived)
    } else {
        group.data.name_vi.clone()
    };
    view! {
        <section class="section">
            <h2>{heading.clone()}</h2>
            <DataTable label=heading class="table--stack-on-phone" columns={Column::list([
                t.column_name, t.column_handler, t.column_time, t.column_needs, t.column_state,
            ])}>
                {children.into_iter().map(|row| {
                    let data = &row.data;
                    let needs: Vec<&str> = [
                        (data.photo_required, t.needs_photo),
                        (data.place_required, t.needs_place),
                    ].into_iter().filter(|(needed, _)| *needed).map(|(_, word)| word)
                        .chain(std::iter::once(if data.public_by_default { t.public } else { t.private }))
                        .collect();
                    view! {
                        <tr>
                            <td>{data.name_vi.clone()}<br/><span class="hint">{data.code.clone()}</span></td>
                            <td data-label=t.column_handler>{row.agency_name.clone().unwrap_or_else(|| t.by_commune.to_string())}</td>
                            <td data-label=t.column_time>{(t.time)(data.sla_amount.unwrap_or_default(), data.sla_unit.as_deref().unwrap_or_default())}</td>
                            <td data-label=t.column_needs>{needs.join(", ")}</td>
                            <td data-label=t.column_state>{if data.archived { t.archived } else { t.in_force }}</td>
                        </tr>
                    }
                }).collect_view()}
            </DataTable>
        </section>
    }
}

/// One category to edit, with its history and its withdrawal or return.
#[component]
fn CategoryEdit(
    row: CategoryRow,
    feedback: FormFeedback,
    parents: Vec<(String, String)>,
    agencies: Vec<(String, String)>,
) -> impl IntoView {
    let t = &use_texts().report_categories;
    let open = !feedback.errors.is_empty();
    let code = row.data.code.clone();
    view! {
        <details class="disclosure" open=open>
            <summary>{(t.edit)(&row.data.name_vi)}</summary>
            <ErrorSummary form=feedback.clone()/>
            <CategoryForm action=paths::report_category_admin(&code) data=row.data.clone() feedback parents agencies is_new=false/>
            <form method="post" action=paths::archive_report_category(&code)>
                {(!row.data.archived).then(|| view! { <p class="hint">{t.archive_hint}</p> })}
                <button type="submit" class="button button--secondary">
                    {if row.data.archived { t.restore } else { t.archive }}
                </button>
            </form>
            <h3>{t.history}</h3>
            <ul class="history">
                {row.history.into_iter().map(|change| {
                    let by = change.by.unwrap_or_else(|| t.seed.to_string());
                    let what = if change.created { t.created_entry.to_string() } else { change.changes.join("; ") };
                    view! { <li>{(t.changed)(&change.at, &by)}": "{what}</li> }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Whether a box is ticked: as posted last, else as stored.
fn ticked(feedback: &FormFeedback, name: &str, stored: bool) -> bool {
    if feedback.values.is_empty() {
        stored
    } else {
        feedback.value(name) == "on"
    }
}

#[component]
fn CategoryForm(
    action: String,
    data: CategoryData,
    feedback: FormFeedback,
    parents: Vec<(String, String)>,
    agencies: Vec<(String, String)>,
    is_new: bool,
) -> impl IntoView {
    let t = &use_texts().report_categories;
    let choice = |value: &str, label: &str| Choice {
        value: value.to_string(),
        label: label.to_string(),
    };
    let listed = |first: Choice, options: Vec<(String, String)>| -> Vec<Choice> {
        std::iter::once(first)
            .chain(
                options
                    .into_iter()
                    .map(|(value, label)| Choice { value, label }),
            )
            .collect()
    };
    let parent_choices = listed(
        choice("", t.parent_none),
        parents
            .into_iter()
            .filter(|(code, _)| *code != data.code)
            .collect(),
    );
    let handlers = vec![
        choice("", t.choose),
        choice("commune", t.handler_commune),
        choice("agency", t.handler_agency),
    ];
    let agency_choices = listed(choice("", t.choose), agencies);
    let units = vec![
        choice("", t.choose),
        choice("working_days", t.unit_working_days),
        choice("working_hours", t.unit_working_hours),
        choice("immediate", t.unit_immediate),
    ];
    let stored = |value: &Option<String>| value.clone().unwrap_or_default();
    let amount = data.sla_amount.map(|n| n.to_string()).unwrap_or_default();
    view! {
        <form method="post" action=action novalidate="">
            {is_new.then(|| view! { <TextField name="code" label=t.code hint=t.code_hint feedback=feedback.clone() required=true/> })}
            <TextField name="name_vi" label=t.name_vi feedback=feedback.clone() required=true initial=data.name_vi.clone()/>
            <TextField name="name_en" label=t.name_en feedback=feedback.clone() required=true initial=data.name_en.clone()/>
            <ChoiceSelect name="parent" label=t.parent hint=t.parent_hint stored=stored(&data.parent) choices=parent_choices feedback=feedback.clone()/>
            <ChoiceSelect name="handler" label=t.handler stored=stored(&data.handler) choices=handlers feedback=feedback.clone()/>
            <ChoiceSelect name="agency" label=t.agency hint=t.agency_hint stored=stored(&data.agency) choices=agency_choices feedback=feedback.clone()/>
            <ChoiceSelect name="sla_unit" label=t.sla_unit hint=t.sla_hint stored=stored(&data.sla_unit) choices=units feedback=feedback.clone()/>
            <TextField name="sla_amount" label=t.sla_amount feedback=feedback.clone() inputmode="numeric" initial=amount/>
            <CheckboxField name="photo_required" id=format!("{}-photo", feedback.form) label=t.photo_required.to_string()
                checked=ticked(&feedback, "photo_required", data.photo_required)/>
            <CheckboxField name="place_required" id=format!("{}-place", feedback.form) label=t.place_required.to_string()
                checked=ticked(&feedback, "place_required", data.place_required)/>
            <CheckboxField name="public_by_default" id=format!("{}-public", feedback.form) label=t.public_by_default.to_string()
                checked=ticked(&feedback, "public_by_default", data.public_by_default)/>
            <TextField name="position" label=t.position feedback=feedback.clone() inputmode="numeric" initial=data.position.to_string()/>
            <button type="submit" class="button">{if is_new { t.add } else { t.save }}</button>
        </form>
    }
}
