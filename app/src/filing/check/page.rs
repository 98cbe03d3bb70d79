//! `/nop-ho-so/{code}/kiem-tra`: the dossier as it would be submitted, with
//! "Thay đổi" back to each part of the filing page and "Nộp hồ sơ". Works
//! without JavaScript: links and one plain form.

use super::{load_check, CheckView};
use crate::filing::document_anchor;
use crate::filing::eform_fields::FORM_NAME;
use crate::filing::fee_estimate::FEES_ANCHOR;
use crate::filing::partly_online::PartlyOnlineNotice;
use crate::forms::field_id;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn FilingCheckPage() -> impl IntoView {
    let params = use_params_map();
    let check = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_check,
    );
    view! {
        <PageLoader resource=check not_found=true render={|check, _| view! { <CheckSummary check/> }}/>
    }
}

/// The filing page's `anchor`, on a paged form's `page` (its key).
fn filing_place(form: &str, page: Option<&str>, anchor: &str) -> String {
    match page {
        Some(page) => format!("{form}?trang={page}#{anchor}"),
        None => format!("{form}#{anchor}"),
    }
}

/// "Thay đổi", with what it changes for screen readers, leading back to
/// `anchor` on the filing page (on its page, `page`, for a paged form).
#[component]
fn ChangeLink(
    form: String,
    anchor: String,
    what: String,
    #[prop(default = None)] page: Option<String>,
) -> impl IntoView {
    let c = &use_texts().filing_check;
    let href = filing_place(&form, page.as_deref(), &anchor);
    view! {
        <dd class="summary-list__action">
            // The name says what changes ("Thay đổi: Nơi nộp hồ sơ") and
            // starts with the visible word (WCAG 2.5.3). A hidden span would
            // read "Thay đổi : …": Chromium spaces out positioned elements.
            <a href=href aria-label=format!("{}: {what}", c.change)>{c.change}</a>
        </dd>
    }
}

#[component]
fn CheckSummary(check: CheckView) -> impl IntoView {
    let t = use_texts();
    let c = &t.filing_check;
    let f = &t.filing;
    let p = &t.payments;
    let lang = use_lang();
    let form = paths::file_dossier(&check.procedure.code);
    let ready = check.problems.is_empty();
    let fee_total = check.fee_total().to_string();
    let problems = (!ready).then(|| {
        let form = form.clone();
        view! {
            <div class="notice notice--warning" role="note">
                <p>{(c.not_ready)(check.problems.len())}</p>
                <ul>
                    {check.problems.iter().enumerate().map(|(index, problem)| {
                        let page = check.problem_pages.get(index).cloned().flatten().or(check.own_part.clone());
                        let href = filing_place(&form, page.as_deref(), &field_id(FORM_NAME, &problem.field));
                        view! { <li><a href=href>{problem.message.clone()}</a></li> }
                    }).collect_view()}
                </ul>
            </div>
        }
    });
    let office = check
        .office
        .as_ref()
        .map_or(c.office_none.to_string(), |office| office.name.clone());
    let answers = check
        .answers
        .iter()
        .map(|row| {
            view! {
                <div>
                    <dt>{row.label.clone()}</dt>
                    <dd>{row.value.clone()}</dd>
                    <ChangeLink form=form.clone() anchor=row.anchor.clone() what=row.label.clone() page=row.page.clone()/>
                </div>
            }
        })
        .collect_view();
    let documents = check.documents.iter().map(|slot| {
        let files = if !slot.files.is_empty() {
            view! {
                <ul class="summary-list__files">
                    {slot.files.iter().map(|file| view! { <li>{format!("{} ({})", file.name, file.size)}</li> }).collect_view()}
                </ul>
            }.into_any()
        } else {
            match slot.provision.as_str() {
                "eform" => f.provided_by_eform,
                "present" => f.presented_in_person,
                _ => c.no_file,
            }.into_any()
        };
        view! {
            <div>
                <dt>{slot.name.clone()}</dt>
                <dd>{files}</dd>
                <ChangeLink form=form.clone() anchor=document_anchor(slot.id) what=slot.name.clone() page=check.own_part.clone()/>
            </div>
        }
    }).collect_view();
    let fees = match &check.fees {
        Some((assessment, due)) => view! {
            <dl class="summary-list">
                {assessment.lines.iter().map(|line| {
                    let quantity = (line.quantity > 1).then(|| format!(" {}", (p.quantity)(line.quantity)));
                    view! { <div><dt>{line.description.clone()}{quantity}</dt><dd>{line.amount.to_string()}</dd></div> }
                }).collect_view()}
                {assessment.exemption.clone().map(|exemption| view! {
                    <div><dt>{(p.exemption)(&exemption.name, exemption.percent_off, &exemption.discount.to_string())}</dt><dd></dd></div>
                })}
                <div>
                    <dt>{p.total}</dt>
                    <dd><strong class="check-fee-total">{assessment.total.to_string()}</strong></dd>
                    <ChangeLink form=form.clone() anchor=FEES_ANCHOR.to_string() what=c.fees.to_string() page=check.own_part.clone()/>
                </div>
                <div><dt>{p.when_due}</dt><dd>{due.label(lang)}</dd></div>
            </dl>
        }.into_any(),
        None => view! { <p>{c.no_fees}</p> }.into_any(),
    };
    view! {
        <p class="breadcrumb"><a href=form.clone()>{check.procedure.name.clone()}</a></p>
        <PageTitle title=c.title lead=check.procedure.name.clone()/>
        <p>{c.lead}</p>
        {problems}
        <h2 id="check-office">{c.office}</h2>
        <dl class="summary-list" aria-labelledby="check-office">
            <div>
                <dt>{c.office}</dt>
                <dd>{office}</dd>
                <ChangeLink form=form.clone() anchor=field_id(FORM_NAME, "agency") what=c.office.to_string() page=check.own_part.clone()/>
            </div>
        </dl>
        <h2 id="check-answers">{c.answers}</h2>
        <dl class="summary-list" aria-labelledby="check-answers">{answers}</dl>
        <h2 id="check-documents">{c.documents}</h2>
        <dl class="summary-list" aria-labelledby="check-documents">{documents}</dl>
        <h2>{c.fees}</h2>
        {fees}
        <h2 id="check-appointment">{c.appointment}</h2>
        <dl class="summary-list" aria-labelledby="check-appointment">
            <div><dt>{c.appointment}</dt><dd class="check-appointment">{(c.appointment_value)(&check.appointment)}</dd></div>
        </dl>
        <p class="hint">{c.appointment_note}</p>
        {check.procedure.partly_online.then(|| view! { <PartlyOnlineNotice documents=check.documents.clone()/> })}
        {if ready {
            view! {
                <form method="post" action=paths::filing_check(&check.procedure.code)>
                    <input type="hidden" name="fee_total" value=fee_total/>
                    <p>{c.submit_hint}</p>
                    <div class="button-group">
                        <button type="submit" class="button">{f.submit}</button>
                        <a class="button button--secondary" href=form.clone()>{c.back_to_form}</a>
                    </div>
                </form>
            }.into_any()
        } else {
            view! { <p><a class="button button--secondary" href=form.clone()>{c.back_to_form}</a></p> }.into_any()
        }}
    }
}
