use crate::fees::view::PaymentState;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use crate::tracking::holdings::{load_my_payments, PaymentEntry};
use leptos::prelude::*;

/// `/tai-khoan/thanh-toan`: the citizen's payments on all their dossiers,
/// where each stands, and the receipt of each one settled.
#[component]
pub fn MyPaymentsPage() -> impl IntoView {
    let t = use_texts();
    let c = &t.citizen;
    let lang = use_lang();
    let payments = Resource::new(|| (), |_| load_my_payments());
    view! {
        <PageTitle title=c.payments_title lead=c.payments_lead breadcrumb=(paths::account(), t.accounts.account_title)/>
        <PageLoader resource=payments render={move |payments: Vec<PaymentEntry>, _| {
            if payments.is_empty() {
                return view! { <p>{c.payments_empty}</p> }.into_any();
            }
            view! {
                <DataTable
                    label=c.payments_title
                    class="table--stack-on-phone"
                    columns={vec![
                        Column::from(c.column_dossier),
                        Column::from(c.column_procedure),
                        Column::numeric(c.column_amount),
                        Column::from(c.column_status),
                        Column::from(c.column_at),
                        Column::from(c.column_receipt),
                    ]}
                >
                    {payments.into_iter().map(|payment| {
                        let status = match PaymentState::parse(&payment.status) {
                            Some(state) if payment.status != "failed" && payment.status != "expired" => state.label(lang),
                            _ => c.payment_failed,
                        };
                        view! {
                            <tr>
                                <td><a class="dossier-code" href=paths::dossier(&payment.dossier_code)>{payment.dossier_code.clone()}</a></td>
                                <td data-label=c.column_procedure>{payment.procedure_name}</td>
                                <td data-label=c.column_amount class="numeric">{payment.amount}</td>
                                <td data-label=c.column_status>{status}" ("{(c.method)(&payment.method)}")"</td>
                                <td data-label=c.column_at>{payment.at}</td>
                                <td data-label=c.column_receipt>{payment.receipt.map(|receipt| view! {
                                    <a href=receipt.href rel="external">{(c.receipt_link)(&receipt.number)}</a>
                                })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            }.into_any()
        }}/>
    }
}
