//! The filing page's "Phí, lệ phí": what the answers on the page owe, from
//! the one fee computation the check page and the bill use
//! ([`crate::fees::filing_fee`]), worked out from the answers the page was
//! sent with. With JavaScript it follows the answers as they change (the
//! live check, `crate::enhance::FilingFormEnhancer`); the check page shows
//! the amount again before anything is sent.

use crate::eforms::{Answers, FormDefinition};
use crate::fees::{filing_fee, FeeSchedule};
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

/// The id of the fee section, which "Thay đổi" and the redirects can name.
pub const FEES_ANCHOR: &str = "phi-le-phi";

#[component]
pub fn FeeEstimate(
    schedule: FeeSchedule,
    form: FormDefinition,
    answers: Answers,
    today: chrono::NaiveDate,
) -> impl IntoView {
    let t = use_texts();
    let lang = use_lang();
    let due = schedule.due.label(lang);
    let total = filing_fee(&schedule, &form, &answers, today)
        .total
        .to_string();
    let amount = (t.filing_check.fee_from_answers)(&total, due);
    view! {
        <section class="section" id=FEES_ANCHOR aria-labelledby="filing-fees-heading" tabindex="-1">
            <h2 id="filing-fees-heading">{t.payments.fees_heading}</h2>
            <p class="notice notice--info" aria-live="polite">{amount}</p>
        </section>
    }
}
