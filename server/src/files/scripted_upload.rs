//! A scripted upload (see `app::filing::upload_progress`) is answered with
//! where to go next instead of a redirect, which XMLHttpRequest would follow
//! by itself and so spend the notice meant for the page.

use app::filing::upload_progress::{NEXT_LOCATION_HEADER, SCRIPTED_UPLOAD_HEADER};
use axum::extract::Request;
use axum::http::{header, HeaderName, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

pub async fn answer_scripts_with_location(request: Request, next: Next) -> Response {
    let scripted = request.headers().contains_key(SCRIPTED_UPLOAD_HEADER);
    let mut response = next.run(request).await;
    if scripted && response.status() == StatusCode::SEE_OTHER {
        if let Some(location) = response.headers_mut().remove(header::LOCATION) {
            *response.status_mut() = StatusCode::OK;
            response
                .headers_mut()
                .insert(HeaderName::from_static(NEXT_LOCATION_HEADER), location);
        }
    }
    response
}
