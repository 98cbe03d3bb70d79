use crate::access::Role;
use crate::accounts::national_identity::{my_identity_links, ProviderLink};
use crate::accounts::server_fns::load_my_account;
use crate::accounts::MyAccount;
use crate::forms::{ErrorSummary, FormFeedback, SubmitButton, TextField};
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// `/tai-khoan`: the signed-in user's details, contact change and password
/// change. Signed-out visitors are sent to sign in and back.
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_texts();
    let account = Resource::new(|| (), |_| load_my_account());
    view! {
        <PageLoader resource=account title=t.accounts.account_title render={|account: MyAccount, session| view! {
            {session.feedback.form.clone().map(|form| view! { <ErrorSummary form/> })}
            <AccountView
                account
                contact=session.feedback.form_for("contact")
                password=session.feedback.form_for("password")
            />
        }}/>
    }
}

#[component]
fn AccountView(account: MyAccount, contact: FormFeedback, password: FormFeedback) -> impl IntoView {
    let t = use_texts();
    let a = &t.accounts;
    let lang = use_lang();
    let roles = account
        .roles
        .iter()
        .map(|role| role.label(lang))
        .collect::<Vec<_>>()
        .join(", ");
    let is_official = !account.roles.is_empty() || account.agency_name.is_some();
    let administers = account.roles.contains(&Role::Administrator);
    view! {
        <PageTitle title=a.account_title/>
        {account.email.is_empty().then(|| view! {
            <div class="notice notice--warning" role="status"><p>{t.national_identity.email_missing}</p></div>
        })}
        {(!account.email_confirmed && !account.email.is_empty()).then(|| view! {
            <div class="notice notice--warning" role="status">
                <p>{a.email_unconfirmed}</p>
                <form method="post" action=paths::RESEND_CONFIRMATION>
                    <SubmitButton label=a.resend_confirmation secondary=true/>
                </form>
            </div>
        })}
        <section class="section">
            <h2>{a.details_heading}</h2>
            <dl class="summary-list">
                <div><dt>{a.full_name_label}</dt><dd>{account.full_name.clone()}</dd></div>
                {account.citizen_id.clone().map(|id| view! { <div><dt>{a.citizen_id_label}</dt><dd>{id}</dd></div> })}
                {account.date_of_birth.clone().map(|date| view! { <div><dt>{a.date_of_birth_label}</dt><dd>{date}</dd></div> })}
                <div><dt>{a.email_label}</dt><dd>{account.email.clone()}</dd></div>
                {account.phone.clone().map(|phone| view! { <div><dt>{a.phone_label}</dt><dd>{phone}</dd></div> })}
                {account.agency_name.clone().map(|agency| view! { <div><dt>{a.agency_label}</dt><dd>{agency}</dd></div> })}
                {is_official.then(|| view! { <div><dt>{a.roles_label}</dt><dd>{roles.clone()}</dd></div> })}
            </dl>
            {administers.then(|| view! { <p><a href=paths::OFFICIALS>{a.nav_admin_users}</a></p> })}
            <p>
                <a href=paths::MY_SESSIONS>{t.sessions.nav}</a>" · "<a href=paths::MY_DATA>{t.personal_data.nav}</a>
                {is_official.then(|| view! { " · "<a href=paths::SECOND_FACTOR>{t.second_factor.nav}</a> })}
            </p>
            {(!is_official).then(|| view! {
                <p><a href=paths::DOSSIERS>{t.filing.nav_my_dossiers}</a>" · "<a href=paths::WALLET>{t.filing.wallet_title}</a>" · "<a href=paths::MY_PAYMENTS>{t.citizen.payments_title}</a></p>
            })}
        </section>
        {is_official.then(|| view! { <DigestPreference wanted=account.wants_daily_digest/> })}
        {(!is_official).then(|| view! { <IdentityLinks/> })}
        <section class="section" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{a.contact_heading}</h2>
            <form method="post" action=paths::CHANGE_CONTACT novalidate>
                <TextField name="email" label=a.email_label kind="email" autocomplete="email"
                    required=true feedback=contact.clone() initial=account.email.clone()/>
                <TextField name="phone" label=a.phone_label kind="tel" autocomplete="tel"
                    hint=a.phone_hint feedback=contact.clone() initial=account.phone.clone().unwrap_or_default()/>
                {account.has_password.then(|| view! {
                    <TextField name="current_password" label=a.current_password_label kind="password"
                        hint=a.current_password_hint autocomplete="current-password" required=true feedback=contact.clone()/>
                })}
                <SubmitButton label=a.save_contact/>
            </form>
        </section>
        <section class="section" aria-labelledby="password-heading">
            <h2 id="password-heading">{a.password_heading}</h2>
            <form method="post" action=paths::CHANGE_PASSWORD novalidate>
                {account.has_password.then(|| view! {
                    <TextField name="current_password" label=a.current_password_label kind="password"
                        autocomplete="current-password" required=true feedback=password.clone()/>
                })}
                <TextField name="password" label=a.new_password_label hint=a.password_hint kind="password"
                    autocomplete="new-password" required=true feedback=password.clone()/>
                <TextField name="password_confirmation" label=a.password_confirm_label kind="password"
                    autocomplete="new-password" required=true feedback=password.clone()/>
                <SubmitButton label=a.change_password_button/>
            </form>
        </section>
    }
}

/// Officials choose whether they get the morning digest of their overdue and
/// due-soon dossiers (a plain form post).
#[component]
fn DigestPreference(wanted: bool) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    view! {
        <section class="section" aria-labelledby="digest-heading">
            <h2 id="digest-heading">{b.digest_heading}</h2>
            <form method="post" action=paths::DIGEST_PREFERENCE>
                <div class="checkbox">
                    <input class="checkbox__input" type="checkbox" id="digest" name="digest" value="on" checked=wanted aria-describedby="digest-hint"/>
                    <label class="checkbox__label" for="digest">{b.digest_label}</label>
                </div>
                <p class="hint" id="digest-hint">{b.digest_hint}</p>
                <button type="submit" class="button button--secondary">{b.digest_save}</button>
            </form>
        </section>
    }
}

/// A citizen's links to the identity providers in use: linked since when,
/// or a link that links (through the provider's sign-in).
#[component]
fn IdentityLinks() -> impl IntoView {
    let t = &use_texts().national_identity;
    let lang = use_lang();
    let links = Resource::new(|| (), |_| my_identity_links());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let links: Vec<ProviderLink> = links.await.unwrap_or_default();
                (!links.is_empty()).then(|| view! {
                    <section class="section" aria-labelledby="identity-heading">
                        <h2 id="identity-heading">{t.account_heading}</h2>
                        <p>{t.account_lead}</p>
                        <ul class="identity-links">
                            {links.into_iter().map(|link| {
                                let name = link.provider.name(lang).to_string();
                                match link.linked_since {
                                    Some(since) => view! {
                                        <li>
                                            <p><strong class="tag tag--green">{t.verified_badge}</strong>" "{(t.linked_since)(&name, &since)}</p>
                                            <form method="post" action=paths::identity_unlink(&link.provider.slug)>
                                                <button type="submit" class="button button--secondary">{t.unlink}</button>
                                            </form>
                                        </li>
                                    }.into_any(),
                                    None => view! {
                                        <li><a class="button button--secondary" href=paths::identity_link(&link.provider.slug)>{(t.link_with)(&name)}</a></li>
                                    }.into_any(),
                                }
                            }).collect_view()}
                        </ul>
                    </section>
                })
            })}
        </Suspense>
    }
}
