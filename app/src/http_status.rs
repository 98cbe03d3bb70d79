//! Lets a page set the HTTP status of its server-rendered response (a 404 for
//! an unknown procedure), so crawlers and tools see the truth. In the browser
//! there is no response to set, so this does nothing.

pub use http::StatusCode;

pub fn set_status(status: StatusCode) {
    #[cfg(feature = "ssr")]
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
