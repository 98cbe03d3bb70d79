use crate::accounts::pages::StepUpField;
use crate::administration::api_tokens::{load_api_tokens, ApiTokensView};
use crate::forms::{ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{Column, DataTable, PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// `/quan-tri/ma-api`: administrators issue and revoke the API tokens
/// other systems use to read the reports as a manager, or to file and
/// read field reports through Open311 for the operations centre.
#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let t = use_texts();
    let data = Resource::new(|| (), |_| load_api_tokens());
    view! {
        <PageLoader resource=data title=t.api_tokens.title render={move |data: ApiTokensView, session| {
            let form = session.feedback.form_for("issue_api_token");
            view! {
                <ErrorSummary form=form.clone()/>
                <ApiTokens data form/>
            }
        }}/>
    }
}

#[component]
fn ApiTokens(data: ApiTokensView, form: FormFeedback) -> impl IntoView {
    let k = &use_texts().api_tokens;
    let owner_error = form.message_for("owner");
    let typed_owner = form.value("owner");
    let open311 = form.value("purpose") == "open311";
    view! {
        <PageTitle title=k.title lead=k.lead/>
        {if data.tokens.is_empty() {
            view! { <p>{k.none}</p> }.into_any()
        } else {
            view! {
                <DataTable label=k.title class="table--stack-on-phone" columns={Column::list([
                    k.label, k.purpose, k.owner, k.issued, k.last_used, k.state,
                ])}>
                        {data.tokens.into_iter().map(|token| {
                            let revoke = paths::revoke_api_token(token.id);
                            view! {
                                <tr>
                                    <td>{token.label.clone()}</td>
                                    <td data-label=k.purpose>{if token.purpose == "open311" { k.purpose_open311 } else { k.purpose_reports }}</td>
                                    <td data-label=k.owner>{token.owner.clone()}</td>
                                    <td data-label=k.issued>{format!("{} · {}", token.issued_at, token.issued_by)}</td>
                                    <td data-label=k.last_used>{token.last_used_at.clone().unwrap_or_else(|| k.never_used.to_string())}</td>
                                    <td data-label=k.state class="table__actions">
                                        {if token.revoked {
                                            view! { <span>{k.revoked}</span> }.into_any()
                                        } else {
                                            view! {
                                                <span>{k.active}</span>
                                                <form method="post" action=revoke class="inline-form">
                                                    <button type="submit" class="link-button">
                                                        {k.revoke}<span class="visually-hidden">{format!(" {}", token.label)}</span>
                                                    </button>
                                                </form>
                                            }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                </DataTable>
            }.into_any()
        }}
        <section class="section">
            <h2>{k.issue_heading}</h2>
            <p>{k.issue_hint}</p>
            <form method="post" action=paths::API_TOKENS novalidate="">
                <div class="form-group">
                    <fieldset class="fieldset">
                        <legend class="label">{k.purpose}</legend>
                        <div class="radio">
                            <input class="radio__input" type="radio" id="issue-api-token-reports" name="purpose" value="reports" checked=!open311/>
                            <label class="radio__label" for="issue-api-token-reports">{k.purpose_reports}</label>
                        </div>
                        <div class="radio">
                            <input class="radio__input" type="radio" id="issue-api-token-open311" name="purpose" value="open311" checked=open311/>
                            <label class="radio__label" for="issue-api-token-open311">{k.purpose_open311}</label>
                        </div>
                    </fieldset>
                </div>
                <div class=if owner_error.is_some() { "form-group form-group--error" } else { "form-group" }>
                    <label class="label" for="issue-api-token-owner">{k.owner}</label>
                    {owner_error.clone().map(|message| view! { <p class="error-message" id="issue-api-token-owner-error">{message}</p> })}
                    <select class="select" id="issue-api-token-owner" name="owner"
                        aria-describedby=owner_error.as_ref().map(|_| "issue-api-token-owner-error")>
                        {data.owners.into_iter().map(|(id, name, coordinates)| {
                            let value = id.to_string();
                            let selected = typed_owner == value;
                            let role = if coordinates { k.role_coordinator } else { k.role_manager };
                            view! { <option value=value selected=selected>{format!("{name} — {role}")}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <TextField name="label" label=k.label hint=k.label_hint feedback=form.clone() required=true/>
                <StepUpField feedback=form.clone()/>
                <button type="submit" class="button">{k.issue_button}</button>
            </form>
        </section>
    }
}
