//! `/tro-ly`: the conversation so far and the form asking the next
//! question (a plain POST that comes back here: it works without
//! JavaScript; with it, `ConversationInPlace` adds each reply in place).
//! Every reply links its sources; each has "was this helpful?" buttons.

use super::intent::Field;
use super::server_fns::load_conversation;
use super::{Conversation, Exchange, Passage, Reply, Source, SourceKind};
use crate::catalogue::model::ProcedureDetail;
use crate::enhance::{ConversationInPlace, ASK_REGION_ID, STATUS_ID};
use crate::forms::{ErrorSummary, FieldGroup, FormFeedback};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The question form.
pub const ASK_FORM: &str = "assistant_ask";

#[component]
pub fn AssistantPage() -> impl IntoView {
    let t = &use_texts().assistant;
    let data = Resource::new(|| (), |_| load_conversation());
    view! {
        <PageLoader resource=data title=t.title render={move |conversation: Conversation, session| {
            let ask = session.feedback.form_for(ASK_FORM);
            let signed_in = session.visitor.user().is_some();
            view! {
                <PageTitle title=t.title lead=t.lead/>
                <ol class="conversation" aria-live="polite">
                    {conversation.exchanges.into_iter().map(|exchange| view! {
                        <ExchangeView exchange signed_in/>
                    }).collect_view()}
                </ol>
                <p class="visually-hidden" role="status" id=STATUS_ID data-searching=t.searching></p>
                <div id=ASK_REGION_ID>
                    <AskForm feedback=ask/>
                </div>
                <p class="hint">{t.privacy}</p>
                <ConversationInPlace/>
            }
        }}/>
    }
}

#[component]
fn AskForm(feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().assistant;
    let described = if feedback.message_for("question").is_some() {
        "assistant-ask-question-hint assistant-ask-question-error"
    } else {
        "assistant-ask-question-hint"
    };
    view! {
        <ErrorSummary form=feedback.clone()/>
        <form method="post" action=paths::ASSISTANT class="assistant-form" novalidate="">
            <FieldGroup name="question" label=t.question_label hint=t.question_hint feedback=feedback.clone()>
                <textarea class="textarea" id="assistant-ask-question" name="question" rows="2" maxlength="500"
                    aria-describedby=described>{feedback.value("question")}</textarea>
            </FieldGroup>
            <button type="submit" class="button">{t.ask}</button>
        </form>
    }
}

#[component]
fn ExchangeView(exchange: Exchange, signed_in: bool) -> impl IntoView {
    let t = &use_texts().assistant;
    let anchor = format!("cau-{}", exchange.id);
    let answered = !matches!(exchange.reply, Reply::OwnDossier | Reply::Complaint);
    view! {
        <li class="conversation__exchange" id=anchor>
            <p class="conversation__question"><span class="visually-hidden">{t.you_asked}": "</span>{exchange.question.clone()}</p>
            <div class="conversation__reply">
                <ReplyView reply=exchange.reply.clone() question=exchange.question.clone() signed_in/>
                {answered.then(|| view! { <Helpful exchange=exchange.clone()/> })}
            </div>
        </li>
    }
}

#[component]
fn ReplyView(reply: Reply, question: String, signed_in: bool) -> AnyView {
    let t = &use_texts().assistant;
    match reply {
        Reply::Article { source, answer_html, alternatives } => view! {
            <p class="hint">{(t.matched)(&source.title)}</p>
            <div class="article-answer" inner_html=answer_html></div>
            <SourceLink source/>
            {(!alternatives.is_empty()).then(|| view! {
                <p>{t.alternatives}":"</p>
                <ul>
                    {alternatives.into_iter().map(|source| view! { <li><a href=source.href()>{source.title.clone()}</a></li> }).collect_view()}
                </ul>
            })}
        }.into_any(),
        Reply::ProcedureField { field, procedure } => view! { <FieldAnswer field procedure=*procedure/> }.into_any(),
        Reply::Passages(passages) => view! {
            <p>{t.passages_intro}</p>
            <ul class="passages">
                {passages.into_iter().map(|passage| view! { <PassageView passage/> }).collect_view()}
            </ul>
        }.into_any(),
        Reply::Phrased { text, sources, grounded } => view! {
            <p class="hint">{t.phrased_note}</p>
            <div class="phrased-answer">
                {text.split("\n\n").map(|paragraph| view! { <p>{cited_fragments(paragraph, &sources)}</p> }).collect_view()}
            </div>
            <h3 class="field-answer__heading">{t.sources_heading}</h3>
            <ol class="phrased-sources">
                {sources.iter().enumerate().map(|(at, source)| view! {
                    <li id=format!("nguon-{}", at + 1)><a href=source.href()>{source.title.clone()}</a></li>
                }).collect_view()}
            </ol>
            <details class="disclosure">
                <summary>{t.show_grounded}</summary>
                <ReplyView reply=*grounded question=question.clone() signed_in/>
            </details>
        }.into_any(),
        Reply::NoAnswer => {
            let ask = format!(
                "{}?cau-hoi={}",
                paths::ASK_AGENCY,
                form_urlencoded::byte_serialize(question.as_bytes()).collect::<String>()
            );
            view! {
                <p class="notice notice--info" role="status">{t.no_answer}</p>
                <p><a href=ask class="button button--secondary">{t.send_to_agency}</a></p>
            }.into_any()
        }
        Reply::OwnDossier => view! {
            <p>{t.own_dossier}</p>
            <p>
                <a href=paths::LOOKUP>{t.own_dossier_link}</a>
                {signed_in.then(|| view! { " · " <a href=paths::DOSSIERS>{t.own_dossier_signed_in}</a> })}
            </p>
        }.into_any(),
        Reply::Complaint => view! { <p>{t.complaint}</p> }.into_any(),
    }
}

/// A paragraph of a phrased answer, its citations ("[2]") as links to
/// their sources.
fn cited_fragments(paragraph: &str, sources: &[Source]) -> impl IntoView {
    let mut pieces = Vec::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|at| open + at) else {
            break;
        };
        let numbers: Vec<usize> = rest[open + 1..close]
            .split(',')
            .filter_map(|number| number.trim().parse().ok())
            .collect();
        if numbers.is_empty() || numbers.iter().any(|n| *n == 0 || *n > sources.len()) {
            pieces.push(rest[..=close].to_string().into_any());
            rest = &rest[close + 1..];
            continue;
        }
        pieces.push(rest[..open].to_string().into_any());
        for number in numbers {
            let source = &sources[number - 1];
            pieces.push(
                view! {
                    <sup class="citation"><a href=source.href() title=source.title.clone()>{format!("[{number}]")}</a></sup>
                }
                .into_any(),
            );
        }
        rest = &rest[close + 1..];
    }
    pieces.push(rest.to_string().into_any());
    pieces
}

#[component]
fn SourceLink(source: Source) -> impl IntoView {
    let t = &use_texts().assistant;
    let title = match (source.kind, source.version) {
        (SourceKind::Procedure, Some(version)) => (t.procedure_source)(&source.title, version),
        _ => source.title.clone(),
    };
    view! {
        <p class="source-link">{t.source}": "<a href=source.href()>{title}</a></p>
    }
}

#[component]
fn PassageView(passage: Passage) -> impl IntoView {
    view! {
        <li class="passage">
            <blockquote>
                {passage.fragments.into_iter().map(|(text, marked)| {
                    if marked { view! { <mark>{text}</mark> }.into_any() } else { text.into_any() }
                }).collect_view()}
            </blockquote>
            <SourceLink source=passage.source/>
        </li>
    }
}

/// One field of the procedure's version in force, whole, with its basis.
#[component]
fn FieldAnswer(field: Field, procedure: ProcedureDetail) -> impl IntoView {
    let t = &use_texts().assistant;
    let texts = use_texts();
    let source = Source {
        kind: SourceKind::Procedure,
        code: procedure.code.clone(),
        title: procedure.name.clone(),
        version: Some(procedure.version),
    };
    let body = match field {
        Field::Fees if procedure.fees.is_empty() => view! { <p>{t.no_fees}</p> }.into_any(),
        Field::Fees => view! {
            <ul class="field-answer">
                {procedure.fees.iter().map(|fee| {
                    let amount = if fee.amount.0 == 0 { t.free.to_string() } else { fee.amount.to_string() };
                    view! {
                        <li>
                            {fee.kind.label(texts)}": "{fee.description.clone()}": "<strong>{amount}</strong>
                            {fee.note.clone().map(|note| format!(" ({note})"))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }.into_any(),
        Field::TimeLimit => view! {
            <p><strong>{procedure.processing_time.label(texts)}</strong></p>
        }.into_any(),
        Field::Documents => view! {
            <ul class="field-answer">
                {procedure.documents.iter().map(|document| view! {
                    <li>
                        {document.name.clone()}
                        {format!(" ({}", (t.originals_copies)(document.originals, document.copies))}
                        {(!document.mandatory).then(|| format!(", {}", t.optional))}")"
                        {document.note.clone().map(|note| format!(" — {note}"))}
                    </li>
                }).collect_view()}
            </ul>
        }.into_any(),
        Field::Where => view! {
            <p>{procedure.implementing_agency.clone()}</p>
            {(!procedure.agencies.is_empty()).then(|| view! {
                <p>{t.where_agencies}":"</p>
                <ul>{procedure.agencies.iter().map(|agency| view! { <li>{agency.name.clone()}</li> }).collect_view()}</ul>
            })}
        }.into_any(),
        Field::Form => view! {
            <p>{t.form_online}</p>
            {(!procedure.templates.is_empty()).then(|| view! {
                <p>{t.form_templates}":"</p>
                <ul>{procedure.templates.iter().map(|template| view! {
                    <li><a href=template.url.clone() download="">{template.name.clone()}</a></li>
                }).collect_view()}</ul>
            })}
        }.into_any(),
    };
    view! {
        <h3 class="field-answer__heading">{(t.field_heading)(field)}" — "{procedure.name.clone()}</h3>
        {body}
        {(!procedure.legal_basis.is_empty()).then(|| view! {
            <p class="hint">{t.legal_basis}": "{procedure.legal_basis.join("; ")}</p>
        })}
        <SourceLink source/>
    }
}

#[component]
fn Helpful(exchange: Exchange) -> impl IntoView {
    let t = &use_texts().assistant;
    if exchange.helpful.is_some() {
        return view! { <p class="hint helpful-thanks" tabindex="-1">{t.thanks}</p> }.into_any();
    }
    view! {
        <form method="post" action=paths::ASSISTANT_FEEDBACK class="helpful-form">
            <input type="hidden" name="exchange" value=exchange.id.to_string()/>
            <span id=format!("helpful-{}", exchange.id)>{t.helpful_question}</span>" "
            <button type="submit" class="button button--secondary button--small" name="helpful" value="yes"
                aria-describedby=format!("helpful-{}", exchange.id)>{t.yes}</button>" "
            <button type="submit" class="button button--secondary button--small" name="helpful" value="no"
                aria-describedby=format!("helpful-{}", exchange.id)>{t.no}</button>
        </form>
    }.into_any()
}
