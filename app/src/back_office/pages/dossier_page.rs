use super::due_tag::DueTag;
use crate::back_office::model::OfficeDossier;
use crate::back_office::server_fns::load_office_dossier;
use crate::dossiers::notice_slips::{notice_slip_url, NoticeKind};
use crate::dossiers::Action;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/can-bo/ho-so/{code}`: a dossier as the official works it — answers,
/// documents, history, internal comments, and the actions their role may
/// take now. Each action is its own form carrying the version the official
/// saw, so a change by someone else in between is caught.
#[component]
pub fn OfficeDossierPage() -> impl IntoView {
    let params = use_params_map();
    let dossier = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_office_dossier,
    );
    view! {
        <PageLoader resource=dossier not_found=true render={|dossier, _| view! { <OfficeDossierView dossier/> }}/>
    }
}

#[component]
fn OfficeDossierView(dossier: OfficeDossier) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    let lang = use_lang();
    let title = (b.dossier_title)(&dossier.code);
    let contact = [
        dossier.applicant_email.clone(),
        dossier.applicant_phone.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    let comment_action = paths::office_comment(&dossier.code);
    view! {
        <PageTitle title breadcrumb=(paths::INBOX, b.back_to_inbox) lead=dossier.procedure_name.clone()/>
        <dl class="summary-list">
            <div><dt>{b.column_status}</dt><dd><strong>{dossier.status.label(lang)}</strong></dd></div>
            <div><dt>{b.applicant}</dt><dd>{dossier.applicant_name.clone()}</dd></div>
            <div><dt>{b.contact}</dt><dd class="table__wrap">{contact}</dd></div>
            <div><dt>{b.channel_label}</dt><dd>{(b.channel)(dossier.channel)}</dd></div>
            <div><dt>{b.column_submitted}</dt><dd>{dossier.submitted_at.clone().unwrap_or_default()}</dd></div>
            <div><dt>{b.received_at}</dt><dd>{dossier.received_at.clone().unwrap_or_default()}</dd></div>
            <div><dt>{b.column_due}</dt><dd>{dossier.due_on.clone().unwrap_or_default()}" "<DueTag mark=dossier.mark/>
                {dossier.due_provisional.then(|| view! { <p class="hint">{b.due_provisional}</p> })}</dd></div>
            {(dossier.repeat_supplement_requests > 0 || dossier.apologies > 1).then(|| view! {
                <div><dt>{b.flags}</dt><dd>
                    {(dossier.repeat_supplement_requests > 0).then(|| view! { <span class="tag tag--red">{(b.repeat_supplements)(dossier.repeat_supplement_requests)}</span>" " })}
                    {(dossier.apologies > 1).then(|| view! { <span class="tag tag--red">{(b.repeat_apologies)(dossier.apologies)}</span> })}
                </dd></div>
            })}
            <div><dt>{b.assignee}</dt><dd>{dossier.assignee_name.clone().unwrap_or_else(|| b.not_assigned.to_string())}</dd></div>
        </dl>

        <super::workflow_steps::WorkflowSteps steps=dossier.steps.clone()/>

        <ul class="slip-links">
            <li><a href=paths::dossier_slip(&dossier.code) download="" rel="external">{b.slip_01}</a></li>
            <li><a href=paths::control_slip(&dossier.code) download="" rel="external">{b.slip_06}</a></li>
        </ul>
        <section class="section" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{b.actions_heading}</h2>
            {dossier.assigned_to_colleague.clone().map(|name| view! {
                <p class="held-by">{(t.office_work.assigned_to_colleague)(&name)}</p>
            })}
            {(dossier.actions.is_empty() && dossier.assigned_to_colleague.is_none()).then(|| view! { <p>{b.no_actions}</p> })}
            {(!dossier.actions.is_empty()).then(|| view! { <p class="hint">{t.office_work.actions_hint}</p> })}
            {dossier.actions.contains(&Action::Propose).then(|| view! {
                <super::draft_result::DraftResult code=dossier.code.clone() result=dossier.result.clone()/>
            })}
            {dossier.actions.iter().map(|action| view! {
                <super::action_form::ActionForm code=dossier.code.clone() version=dossier.version action=*action specialists=dossier.specialists.clone() fully_online=dossier.fully_online/>
            }).collect_view()}
        </section>

        {dossier.fees.clone().map(|fees| view! {
            <super::fee_desk::FeeDesk code=dossier.code.clone() fees collects=dossier.collects_fees open=dossier.status.is_open()/>
        })}

        {dossier.rating.clone().map(|rating| view! {
            <section class="section" aria-labelledby="rating-heading">
                <h2 id="rating-heading">{t.ratings.office_heading}</h2>
                <dl class="summary-list">
                    {rating.answers.iter().map(|(question, level)| view! {
                        <div><dt>{question.label(lang)}</dt><dd>{crate::ratings::level_label(*level, lang)}</dd></div>
                    }).collect_view()}
                    {rating.comment.clone().map(|comment| view! { <div><dt>{t.ratings.comment_label}</dt><dd>{comment}</dd></div> })}
                </dl>
            </section>
        })}

        <section class="section" aria-labelledby="answers-heading">
            <h2 id="answers-heading">{b.answers_heading}</h2>
            <dl class="summary-list">
                {dossier.answers.iter().map(|(label, answer)| view! {
                    <div><dt>{label.clone()}</dt><dd>{answer.clone()}</dd></div>
                }).collect_view()}
            </dl>
        </section>

        <section class="section" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{b.documents_heading}</h2>
            <ol class="document-slots">
                {dossier.documents.iter().map(|document| view! {
                    <li class="document-slot">
                        <h3 class="document-slot__name">{document.name.clone()}</h3>
                        {if document.files.is_empty() {
                            view! { <p class="hint">{b.no_file}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="document-slot__files">
                                    {document.files.iter().map(|file| view! {
                                        <li>
                                            <a href=paths::file_download(file.id) rel="external">{file.name.clone()}</a>" ("{file.size.clone()}") · "
                                            <a href=paths::file_view(file.id) rel="external noopener" target="_blank">
                                                {b.view_file}<span class="visually-hidden">" "{file.name.clone()}" "{b.opens_in_new_tab}</span>
                                            </a>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    </li>
                }).collect_view()}
            </ol>
        </section>

        <section class="section" aria-labelledby="history-heading">
            <h2 id="history-heading">{b.history_heading}</h2>
            <ol class="timeline">
                {dossier.history.iter().map(|entry| {
                    let what = match entry.action {
                        Some(action) => format!("{} → {}", action.label(lang), entry.to.label(lang)),
                        None => entry.to.label(lang).to_string(),
                    };
                    let slip = entry.action.and_then(NoticeKind::of).map(|kind| {
                        let href = notice_slip_url(&dossier.code, entry.id);
                        view! { <p><a href=href download="" rel="external">{kind.link_label(lang)}</a></p> }
                    });
                    let signed = entry.signed_by.clone().map(|signer| {
                        view! { <p class="signature-note">{t.filing.signed_by}" "{signer}</p> }
                    });
                    view! {
                        <li class="timeline__item">
                            <span class="timeline__when">{entry.at.clone()}</span>" — "{what}
                            {entry.actor.clone().map(|actor| format!(" ({} {actor})", b.by))}
                            {entry.note.clone().map(|note| view! { <p class="timeline__note">{note}</p> })}
                            {slip}
                            {signed}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>

        <section class="section" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{b.comments_heading}</h2>
            <p class="hint">{b.comments_hint}</p>
            {if dossier.comments.is_empty() {
                view! { <p>{b.no_comments}</p> }.into_any()
            } else {
                view! {
                    <ul class="comments">
                        {dossier.comments.iter().map(|comment| view! {
                            <li><strong>{comment.author.clone()}</strong>" · "<span class="timeline__when">{comment.at.clone()}</span><p>{comment.body.clone()}</p></li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <form method="post" action=comment_action>
                <div class="form-group">
                    <label class="label" for="comment-body">{b.comment_label}</label>
                    <textarea class="textarea" id="comment-body" name="body" rows="3" maxlength="2000"></textarea>
                </div>
                <button type="submit" class="button button--secondary">{b.comment_button}</button>
            </form>
        </section>
    }
}
