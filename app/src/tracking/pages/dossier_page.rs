use crate::dossiers::notice_slips::{notice_slip_url, NoticeKind};
use crate::fees::view::PaymentState;
use crate::fees::FeeSummary;
use crate::forms::SubmitButton;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use crate::tracking::server_fns::load_my_dossier;
use crate::tracking::DossierDetail;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/ho-so/{code}`: one of the user's dossiers — status, what happens next,
/// dates, the PIN, the timeline and the answers given.
#[component]
pub fn DossierPage() -> impl IntoView {
    let params = use_params_map();
    let dossier = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_my_dossier,
    );
    view! {
        <PageLoader resource=dossier not_found=true render={|dossier, session| {
            let feedback = session.feedback.form_for(crate::ratings::rating_form::FORM_NAME);
            view! { <DossierView dossier feedback/> }
        }}/>
    }
}

#[component]
fn DossierView(dossier: DossierDetail, feedback: crate::forms::FormFeedback) -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let lang = use_lang();
    let title = (f.dossier_title)(&dossier.code);
    let withdraw = paths::withdraw(&dossier.code);
    // Slip 01 once the one-stop unit accepted it; before, the submission
    // acknowledgement, which promises no date.
    let accepted = dossier
        .history
        .iter()
        .any(|entry| entry.action == Some(crate::dossiers::Action::Accept));
    let slip_label = if accepted {
        f.download_slip
    } else {
        f.download_acknowledgement
    };
    view! {
        <PageTitle title breadcrumb=(paths::DOSSIERS, f.my_dossiers_title) lead=dossier.procedure_name.clone()/>
        <div class="notice notice--info"><p><strong>{dossier.status.label(lang)}</strong>". "{(f.next_step)(dossier.status)}</p></div>
        <dl class="summary-list">
            <div><dt>{f.status}</dt><dd>{dossier.status.label(lang)}</dd></div>
            <div><dt>{f.agency}</dt><dd>{dossier.agency_name.clone()}</dd></div>
            <div><dt>{f.submitted_at}</dt><dd>{dossier.submitted_at.clone().unwrap_or_default()}</dd></div>
            <div><dt>{f.due_date}</dt><dd>{dossier.due_on.clone().unwrap_or_default()}</dd></div>
            <div><dt>{f.pin}</dt><dd><span class="pin">{dossier.pin.clone()}</span><p class="hint">{f.pin_hint}</p></dd></div>
        </dl>
        <p><a href=paths::dossier_slip(&dossier.code) download="" rel="external">{slip_label}</a></p>
        <p><a href=paths::control_slip(&dossier.code) download="" rel="external">{t.back_office.slip_06}</a></p>
        {dossier.status.can_be_withdrawn().then(|| view! {
            <p class="hint">{f.withdraw_hint}</p>
            <p><a class="button button--secondary" href=withdraw.clone()>{f.withdraw}</a></p>
        })}
        {dossier.supplement_request.clone().map(|request| view! {
            <section class="section notice notice--warning" aria-labelledby="supplement-heading">
                <h2 id="supplement-heading">{f.supplement_heading}</h2>
                <p class="supplement-request">{request}</p>
                <crate::filing::page::DocumentSlots
                    upload_action=paths::supplement_upload(&dossier.code)
                    wallet_action=None
                    slots=dossier.documents.clone()
                    wallet=Vec::new()/>
                <form method="post" action=paths::supplement(&dossier.code)>
                    <input type="hidden" name="version" value=dossier.version.to_string()/>
                    <div class="form-group">
                        <label class="label" for="supplement-note">{f.supplement_note_label}</label>
                        <p class="hint" id="supplement-note-hint">{f.supplement_note_hint}</p>
                        <textarea class="textarea" id="supplement-note" name="note" rows="3" maxlength="2000" aria-describedby="supplement-note-hint"></textarea>
                    </div>
                    <SubmitButton label=f.supplement_send/>
                </form>
            </section>
        })}
        {dossier.fees.clone().map(|fees| {
            let payable = fees.state == PaymentState::Unpaid && dossier.status.is_open();
            let pay_action = paths::start_payment(&dossier.code);
            let p = &t.payments;
            view! {
                <FeeSummary fees>
                    {payable.then(|| view! {
                        <form method="post" action=pay_action>
                            <p class="hint">{p.pay_hint}</p>
                            <SubmitButton label=p.pay_online/>
                        </form>
                    })}
                </FeeSummary>
            }
        })}
        {dossier.result.clone().map(|file| view! {
            <section class="section" aria-labelledby="result-heading">
                <h2 id="result-heading">{f.result_heading}</h2>
                {dossier.handed_over_at_counter.then(|| view! { <p>{f.result_handed_over}</p> })}
                <p><a href=paths::file_download(file.id) rel="external">{format!("{} ({})", file.name, file.size)}</a></p>
                {dossier.result_signed_by.clone().map(|signer| view! {
                    <p class="signature-note">{f.signed_by}" "{signer}</p>
                })}
            </section>
        })}
        {(dossier.status == crate::dossiers::DossierStatus::Returned).then(|| view! {
            <crate::ratings::rating_form::RatingSection code=dossier.code.clone() rating=dossier.rating.clone() feedback/>
        })}
        <section class="section">
            <h2>{f.history}</h2>
            <ol class="timeline">
                {dossier.history.iter().map(|entry| view! {
                    <li class="timeline__item">
                        <span class="timeline__when">{entry.at.clone()}</span>" — "
                        <span class="timeline__what">{entry.status.label(lang)}</span>
                        {entry.note.clone().map(|note| view! { <p>{note}</p> })}
                        {entry.action.and_then(NoticeKind::of).map(|kind| view! {
                            <p><a href=notice_slip_url(&dossier.code, entry.id) download="" rel="external">{kind.link_label(lang)}</a></p>
                        })}
                        {entry.signed_by.clone().map(|signer| view! {
                            <p class="signature-note">{f.signed_by}" "{signer}</p>
                        })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        {(dossier.status != crate::dossiers::DossierStatus::AwaitingSupplement).then(|| view! {
            <SubmittedDocuments slots=dossier.documents.clone()/>
        })}
        <DossierReads reads=dossier.reads.clone()/>
        <section class="section">
            <h2>{f.answers}</h2>
            <dl class="summary-list">
                {dossier.answers.iter().map(|(label, answer)| view! {
                    <div><dt>{label.clone()}</dt><dd>{answer.clone()}</dd></div>
                }).collect_view()}
            </dl>
        </section>
    }
}

/// The documents the dossier was filed with: slot, file (a link) and size.
#[component]
fn SubmittedDocuments(slots: Vec<crate::filing::DocumentSlot>) -> impl IntoView {
    let c = &use_texts().citizen;
    let rows: Vec<_> = slots
        .into_iter()
        .flat_map(|slot| {
            let name = slot.name;
            slot.files.into_iter().map(move |file| (name.clone(), file))
        })
        .collect();
    view! {
        <section class="section" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{c.documents_heading}</h2>
            {if rows.is_empty() {
                view! { <p>{c.documents_empty}</p> }.into_any()
            } else {
                view! {
                    <crate::layout::DataTable
                        label=c.documents_heading
                        class="table--stack-on-phone submitted-documents"
                        columns={crate::layout::Column::list([c.column_slot, c.column_file, c.column_size])}
                    >
                        {rows.into_iter().map(|(slot, file)| view! {
                            <tr>
                                <td>{slot}</td>
                                <td data-label=c.column_file><a href=crate::paths::file_download(file.id) rel="external">{file.name}</a></td>
                                <td data-label=c.column_size>{file.size}</td>
                            </tr>
                        }).collect_view()}
                    </crate::layout::DataTable>
                }.into_any()
            }}
        </section>
    }
}

/// Which officials opened the dossier, and when (Law 91/2025/QH15).
#[component]
fn DossierReads(reads: Vec<crate::dossiers::reads::DossierRead>) -> impl IntoView {
    let c = &use_texts().citizen;
    view! {
        <section class="section" aria-labelledby="reads-heading">
            <h2 id="reads-heading">{c.reads_heading}</h2>
            <p class="hint">{c.reads_lead}</p>
            {if reads.is_empty() {
                view! { <p>{c.reads_none}</p> }.into_any()
            } else {
                view! {
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{c.reads_when}</th>
                            <th scope="col">{c.reads_who}</th>
                            <th scope="col">{c.reads_what}</th>
                        </tr></thead>
                        <tbody>
                            {reads.into_iter().map(|read| view! {
                                <tr>
                                    <td>{read.at.format("%H:%M %d/%m/%Y").to_string()}</td>
                                    <td>{read.official}{read.agency.map(|agency| format!(", {agency}"))}</td>
                                    <td>{if read.file { c.reads_file } else { c.reads_dossier }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
