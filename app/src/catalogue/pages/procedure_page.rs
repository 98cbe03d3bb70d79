use crate::catalogue::components::ProcedureFacts;
use crate::catalogue::model::ProcedureDetail;
use crate::catalogue::server_fns::load_procedure;
use crate::dossiers::Channel;
use crate::i18n::{use_lang, use_texts, Lang};
use crate::layout::{Column, DataTable, NotFound, PageLoader};
use crate::paths;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// `/thu-tuc/{code}`: everything a citizen needs to know before filing.
#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    let procedure = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_procedure,
    );
    view! {
        <PageLoader resource=procedure not_found=true render={|procedure: Option<ProcedureDetail>, _| match procedure {
            Some(procedure) => view! { <ProcedureView procedure/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }}/>
    }
}

#[component]
fn ProcedureView(procedure: ProcedureDetail) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    // English pages lead with the English name; the official Vietnamese
    // one follows, marked as Vietnamese.
    let english_name = procedure
        .name_en
        .clone()
        .filter(|name| lang == Lang::En && !name.trim().is_empty());
    let (heading, official_name) = match english_name {
        Some(english) => (english, Some(procedure.name.clone())),
        None => (procedure.name.clone(), None),
    };
    let description = procedure.description.clone().unwrap_or_default();
    let version_note = (t.version_effective)(procedure.version, &procedure.effective_from);
    let file_href = paths::file_dossier(&procedure.code);

    view! {
        <Title text=format!("{} ({}) | {}", heading, procedure.code, t.site_name)/>
        <Meta name="description" content=description.clone()/>
        <p class="breadcrumb"><a href=paths::PROCEDURES>{t.back_to_catalogue}</a></p>
        <article class="procedure">
            <h1>{heading.clone()}</h1>
            {official_name.map(|name| view! { <p class="lead" lang="vi">{name}</p> })}
            {(!description.is_empty()).then(|| view! { <p class="lead">{description}</p> })}
            <div class="call-to-action">
                {match procedure.online_filing_suspended.clone() {
                    Some(reason) => view! {
                        <p class="notice notice--warning">{(t.procedures_admin.filing_suspended)(&reason)}</p>
                    }.into_any(),
                    None if !procedure.channels.contains(&Channel::Online) => view! {
                        <p class="notice">{t.not_filed_online}</p>
                    }.into_any(),
                    None => view! { <a class="button button--start" href=file_href rel="external">{t.file_online}</a> }.into_any(),
                }}
                {procedure.due_if_filed_now.clone().map(|date| view! {
                    <p class="due-date"><strong>{(t.due_if_filed_today)(&date)}</strong></p>
                })}
                <p class="hint">{t.file_online_hint}</p>
            </div>
            <ProcedureFacts procedure=procedure.clone()/>
            {procedure.applicants.clone().map(|applicants| view! {
                <section class="section"><h2>{t.applicants}</h2><p>{applicants}</p></section>
            })}
            <section class="section">
                <h2>{t.representation}</h2>
                <p>{if procedure.representation_barred { t.representation_barred } else { t.representation_allowed }}</p>
            </section>
            <DocumentsTable procedure=procedure.clone()/>
            <FeesTable procedure=procedure.clone()/>
            {(!procedure.steps.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{t.steps}</h2>
                    <ol class="steps">
                        {procedure.steps.iter().map(|step| view! { <li>{step.clone()}</li> }).collect_view()}
                    </ol>
                </section>
            })}
            {procedure.requirements.clone().map(|requirements| view! {
                <section class="section"><h2>{t.requirements}</h2><p>{requirements}</p></section>
            })}
            <section class="section">
                <h2>{t.templates}</h2>
                {if procedure.templates.is_empty() {
                    view! { <p>{t.no_templates}</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {procedure.templates.iter().map(|template| view! {
                                <li><a href=template.url.clone() download="">{template.name.clone()}</a></li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            {(!procedure.agencies.is_empty()).then(|| view! {
                <section class="section">
                    <h2>{t.where_to_file}</h2>
                    <ul class="columns">
                        {procedure.agencies.iter().map(|agency| view! { <li>{agency.name.clone()}</li> }).collect_view()}
                    </ul>
                </section>
            })}
            <section class="section">
                <h2>{t.legal_basis}</h2>
                <ul>
                    {procedure.legal_basis.iter().map(|basis| view! { <li>{basis.clone()}</li> }).collect_view()}
                </ul>
            </section>
            <p class="hint">{version_note}</p>
        </article>
    }
}

#[component]
fn DocumentsTable(procedure: ProcedureDetail) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="section" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t.documents}</h2>
            <DataTable label=t.documents class="table--stack-on-phone" columns={vec![
                t.document_name.into(),
                Column::numeric(t.originals),
                Column::numeric(t.copies),
                t.required.into(),
            ]}>
                {procedure.documents.into_iter().map(|document| view! {
                    <tr>
                        <td>
                            {document.name}
                            {document.note.map(|note| view! { <br/><span class="hint">{note}</span> })}
                            {document.template.map(|template| view! {
                                <br/><a href=template.url rel="external" download="">{t.download_template}</a>
                            })}
                        </td>
                        <td class="numeric" data-label=t.originals>{document.originals}</td>
                        <td class="numeric" data-label=t.copies>{document.copies}</td>
                        <td data-label=t.required>{if document.mandatory { t.mandatory } else { t.optional }}</td>
                    </tr>
                }).collect_view()}
            </DataTable>
        </section>
    }
}

#[component]
fn FeesTable(procedure: ProcedureDetail) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="section" aria-labelledby="fees-heading">
            <h2 id="fees-heading">{t.fees}</h2>
            {if procedure.fees.is_empty() {
                view! { <p>{t.no_fees}</p> }.into_any()
            } else {
                view! {
                    <DataTable label=t.fees>
                        {procedure.fees.into_iter().map(|fee| {
                            let amount = if fee.amount.0 == 0 { t.fee_free.to_string() } else { fee.amount.to_string() };
                            view! {
                                <tr>
                                    <th scope="row">
                                        {fee.kind.label(t)}": "{fee.description}
                                        {fee.note.map(|note| view! { <br/><span class="hint">{note}</span> })}
                                    </th>
                                    <td class="numeric amount">{amount}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </DataTable>
                }.into_any()
            }}
            {procedure.fee_schedule.map(|schedule| view! { <FeePolicy schedule/> })}
        </section>
    }
}

/// When and how the charged fees are paid, and who pays less.
#[component]
fn FeePolicy(schedule: crate::fees::FeeSchedule) -> impl IntoView {
    let p = &use_texts().payments;
    let lang = use_lang();
    view! {
        <p>{format!("{}: {}. {}", p.when_due, schedule.due.label(lang), p.how_to_pay)}</p>
        {(!schedule.exemptions.is_empty()).then(|| view! {
            <p>{p.exemptions_heading}</p>
            <ul>
                {schedule.exemptions.iter().map(|exemption| {
                    let evidence = exemption.evidence_document.as_deref().map(p.evidence).unwrap_or_default();
                    view! { <li>{format!("{} ({}){evidence}", exemption.name, (p.percent_off)(exemption.percent_off))}</li> }
                }).collect_view()}
            </ul>
        })}
    }
}
