use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The form that downloads register 07 (a plain GET, so it works without
/// JavaScript). A period the server could not read comes back here in
/// `?so-tu=&so-den=`, so the official sees what they typed.
#[component]
pub fn RegisterForm(agencies: Vec<(String, String)>) -> impl IntoView {
    let t = use_texts();
    let b = &t.back_office;
    let query = use_query_map();
    let typed = move |name: &str| query.with_untracked(|query| query.get(name).unwrap_or_default());
    let chosen = typed("co-quan");
    let several = agencies.len() > 1;
    view! {
        <section class="section" aria-labelledby="register-heading">
            <h2 id="register-heading">{b.register_heading}</h2>
            <p class="hint" id="register-hint">{b.register_hint}</p>
            <form method="get" action=paths::OFFICE_REGISTER_PDF class="register-form" aria-describedby="register-hint">
                {if several {
                    view! {
                        <div class="form-group">
                            <label class="label" for="register-agency">{b.register_agency}</label>
                            <select class="select" id="register-agency" name="co-quan">
                                {agencies.into_iter().map(|(code, name)| {
                                    let selected = code == chosen;
                                    view! { <option value=code selected=selected>{name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                    }.into_any()
                } else {
                    ().into_any()
                }}
                <div class="form-group">
                    <label class="label" for="register-from">{b.register_from}</label>
                    <input class="input input--medium" type="date" id="register-from" name="tu" value=typed("so-tu")/>
                </div>
                <div class="form-group">
                    <label class="label" for="register-to">{b.register_to}</label>
                    <input class="input input--medium" type="date" id="register-to" name="den" value=typed("so-den")/>
                </div>
                <button type="submit" class="button button--secondary">{b.register_button}</button>
            </form>
        </section>
    }
}
