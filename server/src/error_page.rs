//! The page a person sees when a page, form or file handler fails: the
//! error's status and one sentence in their language, never a cause.
//!
//! Handlers need not know the language: the response carries an
//! [`ErrorPage`] marker and [`in_request_language`] renders it again from
//! the request (its `?lang=` or cookie). A panic gets the same page.

use app::error::AppError;
use app::i18n::{lang_from_headers, Lang};
use axum::body::Body;
use axum::extract::Request;
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::any::Any;

/// Marks a response as the error page for this error.
#[derive(Clone, Debug)]
struct ErrorPage(AppError);

/// The error page in `lang`, with the error's status.
pub fn page(error: &AppError, lang: Lang) -> Response {
    let mut response = (
        error.status(),
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html(error, lang),
    )
        .into_response();
    response.extensions_mut().insert(ErrorPage(error.clone()));
    response
}

fn html(error: &AppError, lang: Lang) -> String {
    let texts = lang.texts();
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/motcua.css\"></head>\
         <body><main class=\"container main\"><h1>{title}</h1><p>{message}</p>\
         <p><a href=\"/\">{home}</a></p></main></body></html>",
        lang = lang.code(),
        title = texts.error_title,
        message = error.message(texts),
        home = texts.nav_home,
    )
}

/// Renders a marked error page again in the language of the request it
/// answers; every other response passes untouched (headers set on the way
/// out, such as a language cookie, are kept).
pub async fn in_request_language(request: Request, next: Next) -> Response {
    let lang = lang_from_headers(request.headers(), request.uri().query());
    let response = next.run(request).await;
    let Some(ErrorPage(error)) = response.extensions().get::<ErrorPage>().cloned() else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html(&error, lang)))
}

/// What `CatchPanicLayer` answers: the 500 page. The panic is logged here,
/// inside the request's span, so the line carries the request id.
pub fn after_panic(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(panic = message, "a handler panicked");
    page(&AppError::Internal, Lang::default())
}
