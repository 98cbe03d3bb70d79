use crate::access::{Role, Visitor};
use crate::forms::NoticeBanner;
use crate::i18n::use_texts;
use crate::paths;
use crate::session_view::session_view;
use leptos::prelude::*;

/// Sign in / register for visitors; the account, administration (for
/// administrators) and sign-out for signed-in users. Signing out is a form:
/// nothing changes state on a GET.
#[component]
pub fn AccountNav() -> impl IntoView {
    let t = use_texts();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let session = session_view().await;
                let unread = session.unread_notifications;
                let Visitor(user) = session.visitor;
                let a = &t.accounts;
                match user {
                    None => view! {
                        <ul class="account-nav" aria-label=a.account_menu>
                            <li><a href=paths::SIGN_IN>{a.nav_sign_in}</a></li>
                            <li><a href=paths::REGISTER>{a.nav_register}</a></li>
                        </ul>
                    }.into_any(),
                    Some(user) => {
                        let administers = user.has_role(Role::Administrator);
                        let designs = administers || user.has_role(Role::FormDesigner);
                        let edits_articles = administers || user.has_role(Role::Editor);
                        let manages = user.has_role(Role::Manager);
                        // Leaders and managers watch dossiers there, the coordinator field reports.
                        let oversees = manages || user.has_role(Role::Leader) || user.has_role(Role::Coordinator);
                        let citizen = !user.is_official();
                        let back_office = crate::access::permits(&user, crate::access::Permission::EnterBackOffice);
                        let handles_reports = back_office || user.has_role(Role::Coordinator);
                        view! {
                            <ul class="account-nav" aria-label=a.account_menu>
                                <li><a href=paths::ACCOUNT class="account-nav__name">{user.full_name.clone()}</a></li>
                                {citizen.then(|| view! {
                                    <li><a href=paths::DOSSIERS>{t.filing.nav_my_dossiers}</a></li>
                                    <li><a href=paths::MY_QUESTIONS>{t.questions.mine_nav}</a></li>
                                    <li><a href=paths::MY_REPORTS>{t.field_reports.mine_nav}</a></li>
                                })}
                                <li><a href=paths::NOTIFICATIONS>{(t.filing.nav_notifications)(unread)}</a></li>
                                {back_office.then(|| view! {
                                    <li><a href=paths::INBOX>{t.back_office.inbox_title}</a></li>
                                    <li><a href=paths::QUESTION_QUEUE>{t.questions.queue_nav}</a></li>
                                })}
                                {handles_reports.then(|| view! { <li><a href=paths::REPORT_QUEUE>{t.field_reports.queue_nav}</a></li> })}
                                {manages.then(|| view! { <li><a href=paths::STATISTICS>{t.statistics.title}</a></li> })}
                                {oversees.then(|| view! { <li><a href=paths::OPERATIONS>{t.statistics.operations_nav}</a></li> })}
                                // One optional group, not one option per link: a longer
                                // run of empty options broke hydration.
                                {administers.then(|| view! {
                                    <li><a href=paths::OFFICIALS>{a.nav_admin_users}</a></li>
                                    <li><a href=paths::API_TOKENS>{t.api_tokens.nav}</a></li>
                                    <li><a href=paths::CALENDAR>{t.calendar.nav}</a></li>
                                    <li><a href=paths::PROCEDURES_ADMIN>{t.procedures_admin.nav}</a></li>
                                    <li><a href=paths::AGENCIES_ADMIN>{t.agencies_admin.nav}</a></li>
                                    <li><a href=paths::SECTORS_ADMIN>{t.sectors_admin.nav}</a></li>
                                    <li><a href=paths::REPORT_CATEGORIES_ADMIN>{t.report_categories.nav}</a></li>
                                    <li><a href=paths::SEARCH_WORDS_ADMIN>{t.search_words.nav}</a></li>
                                    <li><a href=paths::SETTINGS_ADMIN>{t.settings_admin.nav}</a></li>
                                    <li><a href=paths::IDENTITY_PROVIDERS_ADMIN>{t.national_identity.admin_nav}</a></li>
                                    <li><a href=paths::CORRECTIONS_ADMIN>{t.corrections.queue_nav}</a></li>
                                })}
                                {designs.then(|| view! { <li><a href=paths::FORMS_ADMIN>{t.forms_admin.nav}</a></li> })}
                                {edits_articles.then(|| view! { <li><a href=paths::ARTICLES_ADMIN>{t.knowledge.admin_nav}</a></li> })}
                                <li>
                                    <form method="post" action=paths::SIGN_OUT class="inline-form">
                                        <button type="submit" class="link-button">{a.nav_sign_out}</button>
                                    </form>
                                </li>
                            </ul>
                        }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

/// The one-time message the last redirect left ("Bạn đã đăng xuất."), shown
/// at the top of whichever page comes next.
#[component]
pub fn SessionNotice() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                // Re-evaluated on every navigation, so the notice leaves with its page.
                location.pathname.track();
                Suspend::new(async move {
                    let notice = session_view().await.feedback.notice;
                    view! { <NoticeBanner notice/> }
                })
            }}
        </Suspense>
    }
}
