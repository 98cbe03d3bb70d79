//! The module script in every page's `<head>`.

use super::BundleFiles;
use leptos::prelude::*;

/// What the browser runs: with no island on the page it only marks the page
/// interactive; otherwise it loads the bundle, hydrates each outermost
/// island, then marks the page (`body[data-hydrated]`, which the end-to-end
/// tests wait for).
const SCRIPT: &str = include_str!("load_islands.js");

/// Replaces Leptos's `HydrationScripts`, which preloads the WebAssembly on
/// every page (a download even with JavaScript off, and on pages with
/// nothing to hydrate).
#[component]
pub fn BundleScript() -> impl IntoView {
    // As `HydrationScripts` does in islands mode: outside islands nothing is
    // hydrated, so resources there are not serialised into the page.
    if let Some(shared) = Owner::current_shared_context() {
        shared.set_is_hydrating(false);
    }
    let files = use_context::<BundleFiles>().unwrap_or_default();
    view! { <script type="module">{inline_script(&files)}</script> }
}

/// The script's exact text, the same on every page of a build: the content
/// security policy admits it by its hash (no per-response nonce, so a public
/// page is the same bytes for every visitor and can be kept).
pub fn inline_script(files: &BundleFiles) -> String {
    format!(
        "({SCRIPT})({:?}, {:?});",
        files.js_href(),
        files.wasm_href()
    )
}
