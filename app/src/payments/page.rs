use super::server_fns::load_payment;
use super::PaymentView;
use crate::fees::view::PaymentState;
use crate::forms::SubmitButton;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/thanh-toan/{reference}`: where the gateway sends the payer back.
#[component]
pub fn PaymentPage() -> impl IntoView {
    let params = use_params_map();
    let payment = Resource::new(
        move || params.get().get("reference").unwrap_or_default(),
        load_payment,
    );
    view! {
        <PageLoader resource=payment not_found=true render={|payment, _| view! { <PaymentStatus payment/> }}/>
    }
}

#[component]
fn PaymentStatus(payment: PaymentView) -> impl IntoView {
    let t = use_texts();
    let p = &t.payments;
    let lang = use_lang();
    let title = (p.page_title)(&payment.dossier_code);
    let dossier_href = paths::dossier(&payment.dossier_code);
    let waiting = payment.state == PaymentState::Pending;
    let (tone, note) = match (payment.state, payment.failed) {
        (PaymentState::Pending, _) => ("notice notice--info", p.waiting_hint),
        (_, true) => ("notice notice--warning", p.failed_note),
        (PaymentState::Unpaid, false) => ("notice notice--warning", p.failed_note),
        _ => ("notice notice--success", p.paid_note),
    };
    view! {
        <PageTitle title/>
        <div class=tone role="status">
            <p><strong>{payment.state.label(lang)}</strong></p>
            <p>{note}</p>
        </div>
        <dl class="summary-list">
            <div><dt>{p.amount}</dt><dd>{payment.amount.clone()}</dd></div>
            <div><dt>{p.reference}</dt><dd>{payment.reference.clone()}</dd></div>
        </dl>
        {payment.receipt.clone().map(|receipt| view! {
            <p><a href=receipt.href download="" rel="external">{(p.receipt)(&receipt.number)}</a></p>
        })}
        // No timed reload (WCAG 2.2.1, axe's meta-refresh): the person
        // reloads when they choose, with or without JavaScript.
        {waiting.then(|| view! { <p><a class="button button--secondary" href=paths::payment_return(&payment.reference)>{p.refresh}</a></p> })}
        {(payment.failed && payment.can_retry).then(|| view! {
            <form method="post" action=paths::start_payment(&payment.dossier_code)>
                <SubmitButton label=p.retry/>
            </form>
        })}
        <p><a href=dossier_href>{p.back_to_dossier}</a></p>
    }
}
