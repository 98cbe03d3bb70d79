//! What the page knows about the session: who is signed in, and what the last
//! redirected form post left to show. Loaded once per page render as a
//! resource, so the server-rendered HTML and the hydrated page agree.

use crate::access::Visitor;
use crate::error::AppError;
use crate::forms::PageFeedback;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub visitor: Visitor,
    pub feedback: PageFeedback,
    /// The page the feedback was left for: after a client-side navigation
    /// elsewhere it is not shown again.
    pub path: String,
    /// Notifications the signed-in user has not opened yet.
    pub unread_notifications: i64,
}

/// The visitor and the feedback the server's middleware took from the session
/// for this page request.
#[server(endpoint = "session/view")]
pub async fn load_session_view() -> Result<SessionView, AppError> {
    let parts = use_context::<http::request::Parts>();
    let feedback = parts
        .as_ref()
        .and_then(|parts| parts.extensions.get::<PageFeedback>().cloned())
        .unwrap_or_default();
    let path = parts
        .map(|parts| parts.uri.path().to_string())
        .unwrap_or_default();
    let visitor = crate::access::current_visitor();
    let unread_notifications = match visitor.user() {
        Some(user) => {
            crate::notifications::store::unread(&crate::database::pool()?, user.id).await?
        }
        None => 0,
    };
    Ok(SessionView {
        visitor,
        feedback,
        path,
        unread_notifications,
    })
}

/// The page's session view, provided by the `App` root.
#[derive(Clone, Copy)]
pub struct SessionResource(pub Resource<Result<SessionView, AppError>>);

pub fn provide_session_view() {
    let resource = Resource::new(|| (), |_| load_session_view());
    provide_context(SessionResource(resource));
}

/// The session view, awaited (inside a `Suspense`); its feedback only on the
/// page it was left for.
pub async fn session_view() -> SessionView {
    let here = leptos_router::hooks::use_location()
        .pathname
        .get_untracked();
    let mut view = match use_context::<SessionResource>() {
        Some(SessionResource(resource)) => resource.await.unwrap_or_default(),
        None => SessionView::default(),
    };
    if view.path != here {
        view.feedback = PageFeedback::default();
    }
    view
}
