use super::{NotFound, PageError};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::session_view::{session_view, SessionView};
use leptos::prelude::*;
use leptos_meta::Title;

/// Waits for a page's data and the session, then renders `render` with
/// both; "Đang tải…" meanwhile, and the error notice when the data could
/// not be loaded. `transition` keeps the old content on screen while the
/// data is read again (a view that refreshes itself); `not_found` shows the
/// not-found page for a record that does not exist. A page whose heading
/// comes with its data names the browser tab with `title` meanwhile, so
/// the loading and failing page is named too.
#[component]
pub fn PageLoader<T, V, R>(
    resource: Resource<Result<T, AppError>>,
    render: R,
    #[prop(optional)] transition: bool,
    #[prop(optional)] not_found: bool,
    #[prop(optional, into)] title: Option<String>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    R: Fn(T, SessionView) -> V + Clone + Send + Sync + 'static,
{
    let t = use_texts();
    let title = title.map(|title| view! { <Title text=format!("{title} | {}", t.site_name)/> });
    let fallback = move || view! { <p>{t.loading}</p> };
    let content = move || {
        let render = render.clone();
        Suspend::new(async move {
            let session = session_view().await;
            match resource.await {
                Ok(data) => render(data, session).into_any(),
                Err(AppError::NotFound) if not_found => view! { <NotFound/> }.into_any(),
                Err(error) => view! { <PageError error/> }.into_any(),
            }
        })
    };
    let loader = if transition {
        view! { <Transition fallback>{content}</Transition> }.into_any()
    } else {
        view! { <Suspense fallback>{content}</Suspense> }.into_any()
    };
    view! { {title} {loader} }
}
