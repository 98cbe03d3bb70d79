//! `/quan-tri/dinh-danh`: the identity providers citizens sign in with
//! (OpenID Connect, the national electronic identity first). Each provider
//! is one plain form; a refused form comes back with what was typed (never
//! the secret). Changing where people sign in is sensitive, so the second
//! factor is asked again after fifteen minutes.

use crate::accounts::national_identity::settings::{
    load_identity_providers_admin, redirect_uri, ConfiguredProvider, IdentityProvidersAdmin,
    ProviderSettings,
};
use crate::accounts::pages::StepUpField;
use crate::forms::{CheckboxField, ErrorSummary, FormFeedback, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The new provider's form name; an existing one's is `provider_form(id)`.
pub const NEW_PROVIDER_FORM: &str = "identity_provider_new";

pub fn provider_form(id: i64) -> String {
    format!("identity_provider_{id}")
}

#[component]
pub fn IdentityProvidersPage() -> impl IntoView {
    let t = &use_texts().national_identity;
    let data = Resource::new(|| (), |_| load_identity_providers_admin());
    view! {
        <PageLoader resource=data title=t.admin_title render={move |data: IdentityProvidersAdmin, session| {
            let public_url = data.public_url.clone();
            let new_form = session.feedback.form_for(NEW_PROVIDER_FORM);
            view! {
                <PageTitle title=t.admin_title lead=t.admin_lead/>
                {data.providers.is_empty().then(|| view! { <p>{t.admin_none}</p> })}
                {data.providers.into_iter().map(|provider| {
                    let feedback = session.feedback.form_for(&provider_form(provider.id));
                    view! { <ProviderSection provider public_url=public_url.clone() feedback/> }
                }).collect_view()}
                <section class="section" aria-labelledby="new-provider-heading">
                    <h2 id="new-provider-heading">{t.admin_new}</h2>
                    <ErrorSummary form=new_form.clone()/>
                    <ProviderForm action=paths::IDENTITY_PROVIDERS_ADMIN.to_string()
                        settings=ProviderSettings::new_form() has_secret=false feedback=new_form/>
                </section>
            }
        }}/>
    }
}

#[component]
fn ProviderSection(
    provider: ConfiguredProvider,
    public_url: String,
    feedback: FormFeedback,
) -> impl IntoView {
    let t = &use_texts().national_identity;
    let heading = format!("provider-{}", provider.id);
    let heading_id = heading.clone();
    let settings = provider.settings.clone();
    let status = if settings.enabled {
        t.status_on
    } else {
        t.status_off
    };
    view! {
        <section class="section" aria-labelledby=heading>
            <h2 id=heading_id>{settings.name_vi.clone()}" "<span class="tag">{status}</span></h2>
            <dl class="summary-list">
                <div><dt>{t.admin_redirect_uri}</dt><dd><code>{redirect_uri(&public_url, &settings.slug)}</code></dd></div>
                <div><dt>{t.admin_post_logout_uri}</dt><dd><code>{format!("{}/", public_url.trim_end_matches('/'))}</code></dd></div>
            </dl>
            <ErrorSummary form=feedback.clone()/>
            <ProviderForm action=paths::identity_provider_admin(provider.id) settings
                has_secret=provider.has_secret feedback/>
        </section>
    }
}

#[component]
fn ProviderForm(
    action: String,
    settings: ProviderSettings,
    has_secret: bool,
    feedback: FormFeedback,
) -> impl IntoView {
    let t = &use_texts().national_identity;
    let fresh = feedback.values.is_empty();
    let checked = |name: &str, stored: bool| {
        if fresh {
            stored
        } else {
            feedback.value(name) == "on"
        }
    };
    let discovery = checked("uses_discovery", settings.uses_discovery);
    let enabled = checked("enabled", settings.enabled);
    let s = settings;
    let form = feedback.form.clone();
    view! {
        <form method="post" action=action novalidate="">
            <TextField name="slug" label=t.slug hint=t.slug_hint required=true feedback=feedback.clone() initial=s.slug/>
            <TextField name="name_vi" label=t.name_vi required=true feedback=feedback.clone() initial=s.name_vi/>
            <TextField name="name_en" label=t.name_en required=true feedback=feedback.clone() initial=s.name_en/>
            <TextField name="issuer" label=t.issuer hint=t.issuer_hint kind="url" required=true feedback=feedback.clone() initial=s.issuer/>
            <CheckboxField name="uses_discovery" label=t.uses_discovery.to_string() hint=t.uses_discovery_hint
                checked=discovery id=format!("{form}-uses-discovery")/>
            <fieldset class="fieldset">
                <legend class="label">{t.manual_legend}</legend>
                <TextField name="authorization_endpoint" label=t.authorization_endpoint kind="url" feedback=feedback.clone() initial=s.authorization_endpoint/>
                <TextField name="token_endpoint" label=t.token_endpoint kind="url" feedback=feedback.clone() initial=s.token_endpoint/>
                <TextField name="jwks_uri" label=t.jwks_uri kind="url" feedback=feedback.clone() initial=s.jwks_uri/>
                <TextField name="end_session_endpoint" label=t.end_session_endpoint kind="url" feedback=feedback.clone() initial=s.end_session_endpoint/>
            </fieldset>
            <TextField name="client_id" label=t.client_id required=true feedback=feedback.clone() initial=s.client_id/>
            <TextField name="client_secret" label=t.client_secret kind="password" autocomplete="off"
                hint=if has_secret { t.client_secret_kept } else { t.client_secret_hint } feedback=feedback.clone()/>
            <TextField name="scopes" label=t.scopes hint=t.scopes_hint required=true feedback=feedback.clone() initial=s.scopes/>
            <TextField name="required_acr" label=t.required_acr hint=t.required_acr_hint feedback=feedback.clone() initial=s.required_acr/>
            <fieldset class="fieldset">
                <legend class="label">{t.claims_legend}</legend>
                <TextField name="claim_citizen_id" label=t.claim_citizen_id required=true feedback=feedback.clone() initial=s.claim_citizen_id/>
                <TextField name="claim_full_name" label=t.claim_full_name required=true feedback=feedback.clone() initial=s.claim_full_name/>
                <TextField name="claim_birth_date" label=t.claim_birth_date required=true feedback=feedback.clone() initial=s.claim_birth_date/>
            </fieldset>
            <CheckboxField name="enabled" label=t.enabled.to_string() checked=enabled id=format!("{form}-enabled")/>
            <StepUpField feedback=feedback.clone()/>
            <button type="submit" class="button">{t.save}</button>
        </form>
    }
}
