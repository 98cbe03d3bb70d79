//! `/quan-tri/bieu-mau/{code}/xem-truoc`: the draft (or `?phien-ban=N`) as
//! a citizen sees it, at full or phone width (`?khung=dien-thoai`), with a
//! test submission the server checks exactly as a filing — logic, required
//! fields, hidden answers dropped — and stores nowhere.

use crate::administration::eforms::server_fns::load_form_preview;
use crate::administration::eforms::FormPreview;
use crate::eforms::display::answer_rows;
use crate::eforms::Answers;
use crate::filing::eform_fields::{EformFields, ShownErrors};
use crate::forms::ErrorSummary;
use crate::i18n::{use_lang, use_texts};
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The test submission's form name.
pub const FORM_TRY_FORM: &str = "filing";
/// Answers the check kept are fed back under this prefix.
pub const KEPT_PREFIX: &str = "kept:";

#[component]
pub fn FormPreviewPage() -> impl IntoView {
    let t = &use_texts().forms_admin;
    let params = use_params_map();
    let query = use_query_map();
    let data = Resource::new(
        move || {
            let query = query.get();
            (
                params.get().get("code").unwrap_or_default(),
                query.get("phien-ban").and_then(|n| n.parse::<i32>().ok()),
                query.get("khung").as_deref() == Some("dien-thoai"),
            )
        },
        |(code, version, phone)| load_form_preview(code, version, phone),
    );
    view! {
        <PageLoader resource=data title=t.title not_found=true render={move |view: FormPreview, session| {
            let feedback = session.feedback.form_for(FORM_TRY_FORM);
            let lang = use_lang();
            let mut answers = Answers::new();
            let mut kept = Answers::new();
            for (key, value) in &feedback.values {
                match key.strip_prefix(KEPT_PREFIX) {
                    Some(key) => kept.insert(key.to_string(), value.clone()),
                    None => answers.insert(key.clone(), value.clone()),
                };
            }
            let shown = ShownErrors(RwSignal::new(feedback.errors.clone()));
            provide_context(shown);
            let action = match view.version {
                Some(number) => format!("{}?phien-ban={number}", paths::try_form(&view.code)),
                None => paths::try_form(&view.code),
            };
            let rows = answer_rows(&view.form, &kept, lang);
            view! {
                <p class="breadcrumb"><a href=paths::form_admin(&view.code)>{t.back_to_builder}</a></p>
                <PageTitle title=(t.preview_title)(&view.title)/>
                <p class="notice notice--info">
                    {match view.version { Some(n) => (t.preview_of_version)(n), None => t.preview_of_draft.to_string() }}
                </p>
                <p>
                    {if view.phone {
                        view! { <a href=paths::preview_form(&view.code)>{t.wide}</a> }.into_any()
                    } else {
                        view! { <a href=format!("{}?khung=dien-thoai", paths::preview_form(&view.code))>{t.preview_phone}</a> }.into_any()
                    }}
                </p>
                {(!kept.is_empty() && feedback.errors.is_empty()).then(|| view! {
                    <section class="notice notice--success" aria-live="polite">
                        <p>{t.try_ok}</p>
                        <dl class="summary-list">
                            {rows.into_iter().map(|(label, answer)| view! {
                                <div class="summary-list__row"><dt>{label}</dt><dd>{answer}</dd></div>
                            }).collect_view()}
                        </dl>
                    </section>
                })}
                <ErrorSummary form=feedback.clone()/>
                <div class=if view.phone { "preview-frame preview-frame--phone" } else { "preview-frame" }>
                    <form method="post" action=action novalidate class="eform" id="form-preview">
                        <EformFields form=view.form.clone() answers errors=feedback.errors.clone() places=view.places.clone()/>
                        <EformFields form=view.form.clone() answers=Answers::new() errors=feedback.errors.clone()
                            places=view.places.clone() part=crate::filing::eform_fields::EformPart::Declaration/>
                        <button type="submit" class="button" name="action" value="try">{t.try_submit}</button>
                    </form>
                </div>
            }
        }}/>
    }
}
