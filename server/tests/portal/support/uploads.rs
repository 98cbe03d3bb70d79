//! Multipart uploads as a browser sends them.

use super::browser::{Browser, PORTAL};
use super::{TestApp, TestResponse};
use axum::body::Body;
use axum::http::{header, Request};

/// A small but real PDF header and trailer.
pub const PDF: &[u8] =
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n";

/// The id of the document of `procedure`'s version in force whose name
/// starts with `prefix`.
pub async fn current_document(app: &TestApp, procedure: &str, prefix: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT d.id FROM procedure_documents d JOIN current_procedure_versions c ON c.id = d.version_id
         JOIN procedures p ON p.id = c.procedure_id WHERE p.code = $1 AND d.name LIKE $2 || '%'",
    )
    .bind(procedure)
    .bind(prefix)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The id of the document of the birth registration in force whose name starts with `prefix`.
pub async fn birth_document(app: &TestApp, prefix: &str) -> i64 {
    current_document(app, "1.001193", prefix).await
}

/// Uploads `content` as `name` for `document` of the birth registration.
pub async fn upload(
    app: &TestApp,
    browser: &Browser<'_>,
    document: i64,
    name: &str,
    mime: &str,
    content: &[u8],
) -> TestResponse {
    app.request(upload_request(
        browser, document, name, mime, content, false,
    ))
    .await
}

/// Uploads to another upload route (a dossier awaiting a supplement).
pub async fn upload_to(
    app: &TestApp,
    browser: &Browser<'_>,
    uri: &str,
    document: i64,
    name: &str,
    content: &[u8],
) -> TestResponse {
    let mut request = upload_request(browser, document, name, "application/pdf", content, false);
    *request.uri_mut() = uri.parse().unwrap();
    app.request(request).await
}

/// The same upload as the page's script sends it, to follow its progress.
pub async fn upload_scripted(
    app: &TestApp,
    browser: &Browser<'_>,
    document: i64,
    name: &str,
    mime: &str,
    content: &[u8],
) -> TestResponse {
    app.request(upload_request(browser, document, name, mime, content, true))
        .await
}

fn upload_request(
    browser: &Browser<'_>,
    document: i64,
    name: &str,
    mime: &str,
    content: &[u8],
    scripted: bool,
) -> Request<Body> {
    let boundary = "----motcua-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\n{document}\r\n").as_bytes());
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(content);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut request = Request::post("/nop-ho-so/1.001193/giay-to")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ORIGIN, PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header(header::COOKIE, browser.session_cookie().unwrap());
    if scripted {
        request = request.header("x-motcua-upload", "progress");
    }
    request.body(Body::from(body)).unwrap()
}
