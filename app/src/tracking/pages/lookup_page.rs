use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use crate::tracking::server_fns::{lookup_dossier, LookupAnswer};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/tra-cuu?ma=&pin=`: anyone holding slip 01 follows the dossier without
/// signing in. A GET form: looking up changes nothing but the throttle.
#[component]
pub fn LookupPage() -> impl IntoView {
    let f = &use_texts().filing;
    let query = use_query_map();
    let asked = move || {
        let query = query.get();
        (
            query.get("ma").unwrap_or_default(),
            query.get("pin").unwrap_or_default(),
        )
    };
    let answer = Resource::new(asked, |(code, pin)| async move {
        if code.trim().is_empty() {
            Ok(None)
        } else {
            lookup_dossier(code, pin).await.map(Some)
        }
    });
    let (code, _) = asked();
    view! {
        <PageTitle title=f.lookup_title lead=f.lookup_lead/>
        <form method="get" action=paths::LOOKUP class="narrow">
            <div class="form-group">
                <label class="label" for="lookup-code">{f.code_label}</label>
                <p class="hint" id="lookup-code-hint">{f.code_hint}</p>
                <input class="input" id="lookup-code" name="ma" value=code aria-describedby="lookup-code-hint" autocomplete="off"/>
            </div>
            <div class="form-group">
                <label class="label" for="lookup-pin">{f.pin_label}</label>
                <input class="input input--short" id="lookup-pin" name="pin" inputmode="numeric" autocomplete="off"/>
            </div>
            <button type="submit" class="button">{f.lookup_button}</button>
        </form>
        <PageLoader resource=answer render={move |answer: Option<LookupAnswer>, _| {
            match answer {
                None => ().into_any(),
                Some(LookupAnswer::NotFound) => view! {
                    <div class="notice notice--error" role="alert"><p>{f.lookup_not_found}</p></div>
                }.into_any(),
                Some(LookupAnswer::TooManyAttempts) => view! {
                    <div class="notice notice--error" role="alert"><p>{f.lookup_too_many}</p></div>
                }.into_any(),
                Some(LookupAnswer::Found(dossier)) => view! {
                    <section class="section lookup-result" aria-labelledby="lookup-result-title">
                        <h2 id="lookup-result-title">{(f.dossier_title)(&dossier.code)}</h2>
                        <dl class="summary-list">
                            <div><dt>{f.column_procedure}</dt><dd>{dossier.procedure_name.clone()}</dd></div>
                            <div><dt>{f.agency}</dt><dd>{dossier.agency_name.clone()}</dd></div>
                            <div><dt>{f.status}</dt><dd>{dossier.status_label.clone()}</dd></div>
                            <div><dt>{f.submitted_at}</dt><dd>{dossier.submitted_at.clone().unwrap_or_default()}</dd></div>
                            <div><dt>{f.due_date}</dt><dd>{dossier.due_on.clone().unwrap_or_default()}</dd></div>
                        </dl>
                        <h3>{f.history}</h3>
                        <ol class="timeline">
                            {dossier.history.iter().map(|(at, label)| view! {
                                <li class="timeline__item"><span class="timeline__when">{at.clone()}</span>" — "{label.clone()}</li>
                            }).collect_view()}
                        </ol>
                    </section>
                }.into_any(),
            }
        }}/>
    }
}
