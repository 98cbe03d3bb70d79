use crate::i18n::use_texts;
use leptos::prelude::*;
use leptos_meta::Title;

/// A link back up the site above a page's heading ("Quay lại danh sách").
pub struct Breadcrumb {
    pub href: String,
    pub label: String,
}

impl<H: Into<String>, L: Into<String>> From<(H, L)> for Breadcrumb {
    fn from((href, label): (H, L)) -> Self {
        Breadcrumb {
            href: href.into(),
            label: label.into(),
        }
    }
}

/// The top of a page: an optional breadcrumb, the one `<h1>` and an
/// optional lead paragraph. It also names the browser tab "heading | site",
/// unless the page gives a document title of its own.
#[component]
pub fn PageTitle(
    #[prop(into)] title: String,
    #[prop(optional, into)] lead: Option<String>,
    #[prop(optional, into)] breadcrumb: Option<Breadcrumb>,
    #[prop(optional, into)] document_title: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let document_title = document_title.unwrap_or_else(|| format!("{title} | {}", t.site_name));
    view! {
        <Title text=document_title/>
        {breadcrumb.map(|Breadcrumb { href, label }| view! {
            <p class="breadcrumb"><a href=href>{label}</a></p>
        })}
        <h1>{title}</h1>
        {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
    }
}
