use crate::forms::SubmitButton;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use crate::tracking::server_fns::load_my_dossier;
use crate::tracking::DossierDetail;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/ho-so/{code}/rut`: asks before a dossier is withdrawn for good. The
/// button posts to the same address; "no" goes back to the dossier. Works
/// without JavaScript: a plain page and a plain form.
#[component]
pub fn WithdrawPage() -> impl IntoView {
    let params = use_params_map();
    let dossier = Resource::new(
        move || params.get().get("code").unwrap_or_default(),
        load_my_dossier,
    );
    view! {
        <PageLoader resource=dossier not_found=true render={|dossier, _| view! { <WithdrawConfirmation dossier/> }}/>
    }
}

#[component]
fn WithdrawConfirmation(dossier: DossierDetail) -> impl IntoView {
    let t = use_texts();
    let c = &t.citizen;
    let f = &t.filing;
    let lang = use_lang();
    let back = paths::dossier(&dossier.code);
    let title = (c.withdraw_title)(&dossier.code);
    let body = if dossier.status.can_be_withdrawn() {
        view! {
            <div class="notice notice--warning" role="note"><p>{c.withdraw_warning}</p></div>
            <form method="post" action=paths::withdraw(&dossier.code) class="button-group">
                <SubmitButton label=c.withdraw_confirm/>
                <a class="button button--secondary" href=back.clone()>{c.withdraw_cancel}</a>
            </form>
        }
        .into_any()
    } else {
        view! {
            <div class="notice notice--info"><p>{c.withdraw_not_possible}</p></div>
            <p><a href=back.clone()>{c.back_to_dossier}</a></p>
        }
        .into_any()
    };
    view! {
        <PageTitle title breadcrumb=(back.clone(), (f.dossier_title)(&dossier.code)) lead=dossier.procedure_name.clone()/>
        <dl class="summary-list">
            <div><dt>{f.status}</dt><dd>{dossier.status.label(lang)}</dd></div>
            <div><dt>{f.agency}</dt><dd>{dossier.agency_name.clone()}</dd></div>
            <div><dt>{f.submitted_at}</dt><dd>{dossier.submitted_at.clone().unwrap_or_default()}</dd></div>
        </dl>
        {body}
    }
}
