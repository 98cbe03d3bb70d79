//! `/can-bo/doi-soat`: payments where a gateway and the portal disagree (a
//! wrong amount, a payment for a dossier already paid, a failure reported
//! for a settled payment), for managers of the agencies concerned, who
//! settle each with a note.

use crate::error::AppError;
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentFlag {
    pub id: i64,
    pub reference: String,
    pub dossier_code: Option<String>,
    pub reason: String,
    /// `dd/mm/yyyy HH:MM`.
    pub at: String,
}

/// The open flags of the agencies the signed-in manager watches.
#[server(endpoint = "payments/flags")]
pub async fn load_payment_flags() -> Result<Vec<PaymentFlag>, AppError> {
    use crate::access::{require, Permission, Role};
    let user = require(Permission::EnterBackOffice)?;
    let scope = user.agencies_for(Role::Manager).to_vec();
    let rows = sqlx::query!(
        r#"SELECT f.id, f.reference, d.code AS "dossier_code?", f.reason,
                  to_char(f.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!"
           FROM payment_flags f JOIN payments p ON p.id = f.payment_id JOIN dossiers d ON d.id = p.dossier_id
           WHERE f.resolved_at IS NULL AND d.agency_id = ANY($1)
           ORDER BY f.created_at"#,
        &scope
    )
    .fetch_all(&crate::database::pool()?)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| PaymentFlag {
            id: row.id,
            reference: row.reference,
            dossier_code: row.dossier_code,
            reason: row.reason,
            at: row.at,
        })
        .collect())
}

#[component]
pub fn PaymentFlagsPage() -> impl IntoView {
    let t = use_texts();
    let p = &t.payments;
    let flags = Resource::new(|| (), |_| load_payment_flags());
    view! {
        <PageTitle title=p.flags_title lead=p.flags_lead breadcrumb=(paths::INBOX, t.back_office.back_to_inbox)/>
        <PageLoader resource=flags render={move |flags: Vec<PaymentFlag>, _| {
            if flags.is_empty() {
                return view! { <p>{p.no_flags}</p> }.into_any();
            }
            view! {
                <ul class="comments">
                    {flags.into_iter().map(|flag| {
                        let note_id = format!("flag-{}-note", flag.id);
                        view! {
                            <li>
                                <p><strong>{flag.reference.clone()}</strong>" · "<span class="timeline__when">{flag.at.clone()}</span></p>
                                {flag.dossier_code.clone().map(|code| view! {
                                    <p><a href=paths::office_dossier(&code)>{code.clone()}</a></p>
                                })}
                                <p>{flag.reason.clone()}</p>
                                <form method="post" action=paths::resolve_flag(flag.id)>
                                    <div class="form-group">
                                        <label class="label" for=note_id.clone()>{p.resolution_label}</label>
                                        <textarea class="textarea" id=note_id name="note" rows="2" maxlength="1000"></textarea>
                                    </div>
                                    <button type="submit" class="button button--secondary">{p.resolve}</button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}/>
    }
}
