use crate::fees::view::{FeeView, PaymentState};
use crate::fees::FeeSummary;
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// The dossier's fees for officials, with the counter's forms for a
/// reception officer: collect an unpaid fee, record a refund owed.
#[component]
pub fn FeeDesk(code: String, fees: FeeView, collects: bool, open: bool) -> impl IntoView {
    let p = &use_texts().payments;
    let collect = collects && open && fees.state == PaymentState::Unpaid;
    let refund = collects && fees.state == PaymentState::RefundDue;
    view! {
        <FeeSummary fees>
            {collect.then(|| view! {
                <form method="post" action=paths::office_record_payment(&code) class="action-form">
                    <h3>{p.counter_heading}</h3>
                    <fieldset class="fieldset">
                        <legend class="label">{p.method_label}</legend>
                        <div class="radios">
                            <label class="radio"><input type="radio" name="method" value="cash" checked=true/>" "{p.cash}</label>
                            <label class="radio"><input type="radio" name="method" value="card"/>" "{p.card}</label>
                        </div>
                    </fieldset>
                    <div class="form-group">
                        <label class="label" for="counter-receipt">{p.counter_receipt_label}</label>
                        <p class="hint" id="counter-receipt-hint">{p.counter_receipt_hint}</p>
                        <input class="input input--medium" id="counter-receipt" name="counter_receipt" maxlength="40" aria-describedby="counter-receipt-hint"/>
                    </div>
                    <button type="submit" class="button">{p.record_payment}</button>
                </form>
            })}
            {refund.then(|| view! {
                <form method="post" action=paths::office_record_refund(&code) class="action-form">
                    <h3>{p.refund_heading}</h3>
                    <div class="form-group">
                        <label class="label" for="refund-note">{p.refund_note_label}</label>
                        <p class="hint" id="refund-note-hint">{p.refund_note_hint}</p>
                        <textarea class="textarea" id="refund-note" name="note" rows="2" maxlength="500" aria-describedby="refund-note-hint"></textarea>
                    </div>
                    <button type="submit" class="button">{p.record_refund}</button>
                </form>
            })}
        </FeeSummary>
    }
}
