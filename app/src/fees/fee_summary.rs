use super::view::{FeeView, PaymentState};
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

/// What a dossier owes and why, where its payment stands and its receipt;
/// `children` are the forms the viewer may use (pay, collect, refund).
#[component]
pub fn FeeSummary(fees: FeeView, children: Children) -> impl IntoView {
    let p = &use_texts().payments;
    let lang = use_lang();
    let state_class = match fees.state {
        PaymentState::Paid | PaymentState::Refunded => "tag tag--green",
        PaymentState::Pending => "tag tag--amber",
        PaymentState::Unpaid | PaymentState::RefundDue => "tag tag--red",
    };
    view! {
        <section class="section" aria-labelledby="fees-heading">
            <h2 id="fees-heading">{p.fees_heading}</h2>
            <dl class="summary-list">
                {fees.assessment.lines.iter().map(|line| {
                    let quantity = (line.quantity > 1).then(|| format!(" {}", (p.quantity)(line.quantity)));
                    view! {
                        <div><dt>{line.description.clone()}{quantity}</dt><dd>{line.amount.to_string()}</dd></div>
                    }
                }).collect_view()}
                {fees.assessment.exemption.clone().map(|exemption| view! {
                    <div><dt>{(p.exemption)(&exemption.name, exemption.percent_off, &exemption.discount.to_string())}</dt><dd></dd></div>
                })}
                <div><dt>{p.total}</dt><dd><strong>{fees.assessment.total.to_string()}</strong></dd></div>
                <div><dt>{p.when_due}</dt><dd>{fees.due.label(lang)}</dd></div>
                <div><dt>{p.state}</dt><dd><span class=state_class>{fees.state.label(lang)}</span></dd></div>
            </dl>
            {fees.receipt.clone().map(|receipt| view! {
                <p><a href=receipt.href download="" rel="external">{(p.receipt)(&receipt.number)}</a></p>
            })}
            {(fees.last_attempt_failed && fees.state == PaymentState::Unpaid).then(|| view! {
                <p class="notice notice--warning">{p.last_failed}</p>
            })}
            {children()}
        </section>
    }
}
