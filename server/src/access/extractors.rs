//! The signed-in user for plain axum handlers: the same [`Visitor`] the
//! authentication middleware put in the request, and the same policy the
//! pages use.

use app::access::policy::{self, Permission};
use app::access::{SignedInUser, Visitor};
use app::error::AppError;
use app::i18n::lang_from_headers;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

/// A signed-in user; without one the handler is not run and the visitor is
/// sent to sign in (and brought back to the page they came from).
pub struct SignedIn(pub SignedInUser);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Refusal;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let visitor = parts
            .extensions
            .get::<Visitor>()
            .cloned()
            .unwrap_or_default();
        match visitor.0 {
            Some(user) => Ok(SignedIn(user)),
            None => Err(Refusal::from_parts(AppError::SignInRequired, parts)),
        }
    }
}

impl SignedIn {
    /// The user again if they may do `permission`, else a 403 refusal.
    pub fn may(
        &self,
        permission: Permission,
        parts_lang: app::i18n::Lang,
    ) -> Result<&SignedInUser, Refusal> {
        if policy::permits(&self.0, permission) {
            Ok(&self.0)
        } else {
            Err(Refusal {
                error: policy::refusal_for(&self.0),
                lang: parts_lang,
                back_to: None,
            })
        }
    }
}

/// Why a handler refused: sign in first (a redirect to the sign-in page), or
/// not allowed (403 with a message in the user's language, and no data).
#[derive(Debug)]
pub struct Refusal {
    pub error: AppError,
    pub lang: app::i18n::Lang,
    /// Where to come back to after signing in.
    pub back_to: Option<String>,
}

impl Refusal {
    pub fn from_parts(error: AppError, parts: &Parts) -> Refusal {
        let back_to = parts
            .headers
            .get(header::REFERER)
            .and_then(|referer| referer.to_str().ok())
            .and_then(|referer| referer.find("://").map(|at| &referer[at + 3..]))
            .and_then(|rest| rest.find('/').map(|at| rest[at..].to_string()));
        Refusal {
            error,
            lang: lang_from_headers(&parts.headers, parts.uri.query()),
            back_to,
        }
    }

    pub fn forbidden(lang: app::i18n::Lang) -> Refusal {
        Refusal::page(AppError::Forbidden, lang)
    }

    /// A page saying why, with the error's status (404 for "not found": a
    /// file or slip of someone else looks exactly like none at all).
    pub fn page(error: AppError, lang: app::i18n::Lang) -> Refusal {
        Refusal {
            error,
            lang,
            back_to: None,
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self.error {
            AppError::SignInRequired => {
                let target =
                    app::access::sign_in_address(self.back_to.as_deref().unwrap_or("/tai-khoan"));
                Redirect::to(&target).into_response()
            }
            // Their roles wait for the second factor: where it is set up
            // or checked.
            AppError::SecondFactorRequired => {
                Redirect::to(app::paths::SECOND_FACTOR).into_response()
            }
            error => crate::error_page::page(&error, self.lang),
        }
    }
}

impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        let visitor = parts
            .extensions
            .get::<Visitor>()
            .cloned()
            .unwrap_or_default();
        Ok(visitor.0.map(SignedIn))
    }
}
