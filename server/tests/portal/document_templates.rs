//! A document's blank form (mẫu đơn, tờ khai): uploaded beside the
//! document in the draft editor, public once a published version offers
//! it, then linked beside the document on the procedure page and beside its
//! upload slot on the filing page; a file that is not a document file, or
//! is too large, is refused with everything typed kept.

use crate::procedure_versions::{draft_fields, signed_in, ADMIN_PAGE, AUTHOR, REVIEWER};
use crate::support;

use axum::body::Body;
use axum::http::{header, Request};
use support::browser::{multipart_body, PORTAL};
use support::{spawn_app, TestApp};

/// A real blank form: the demo's birth registration tờ khai.
const PDF: &[u8] = include_bytes!("../../seed/templates/to-khai-dang-ky-khai-sinh.pdf");
const CODE: &str = "1.010038";
const SAVE: &str = "/quan-tri/thu-tuc/1.010038/ban-nhap/luu";
const TEMPLATE_FIELD: &str = "document.0.template_file";

/// The blank form of the first document of the procedure's draft.
async fn draft_template(app: &TestApp) -> Option<i64> {
    sqlx::query_scalar(
        "SELECT d.template_file_id FROM procedure_documents d
         JOIN procedure_versions v ON v.id = d.version_id JOIN procedures p ON p.id = v.procedure_id
         WHERE p.code = $1 AND v.published_at IS NULL AND d.position = 1",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn template_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM template_files")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_blank_form_uploaded_with_a_draft_is_offered_to_citizens_once_published() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let saved = author
        .post_multipart(
            SAVE,
            &draft_fields("3"),
            &[(TEMPLATE_FIELD, "mẫu CT01.pdf", PDF)],
        )
        .await;
    assert_eq!(saved.location(), ADMIN_PAGE);
    let page = author.get(ADMIN_PAGE).await;
    assert!(page.text().contains("Đã lưu bản nháp."), "{}", page.text());
    assert!(
        page.text().contains("mẫu: mẫu CT01.pdf"),
        "the changes list the new blank form: {}",
        page.text()
    );
    let id = draft_template(&app)
        .await
        .expect("the draft's document has it");
    let address = format!("/mau-don/{id}");

    // A draft's blank form is for its administrators only.
    assert_eq!(app.get(&address).await.status, 404);
    assert_eq!(author.get(&address).await.status, 200);

    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    let download = app.get(&address).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.bytes, PDF, "the file as uploaded");
    assert_eq!(download.header("content-type"), "application/pdf");
    assert!(
        download
            .header("content-disposition")
            .starts_with("attachment;")
            && download
                .header("content-disposition")
                .contains("m%E1%BA%ABu%20CT01.pdf"),
        "{}",
        download.header("content-disposition")
    );
    assert!(download.header("cache-control").contains("immutable"));

    // Beside its document on the procedure page…
    let public = app.get(&format!("/thu-tuc/{CODE}")).await;
    assert!(
        public.body.contains(&format!("href=\"{address}\"")),
        "{}",
        public.body
    );
    assert!(public.text().contains("Tải mẫu để điền"));
    // …and beside its slot on the filing page.
    let mut citizen = signed_in(&app, support::back_office::CITIZEN).await;
    let filing = citizen.get(&format!("/nop-ho-so/{CODE}")).await;
    assert!(
        filing.body.contains(&format!("href=\"{address}\"")),
        "{}",
        filing.body
    );
    assert!(filing.text().contains("Tải mẫu đơn, tờ khai"));

    // The next draft starts with it; removing it there leaves the version
    // in force (and its address) as it was.
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    assert_eq!(draft_template(&app).await, Some(id));
    let id_text = id.to_string();
    let mut removing = draft_fields("3");
    removing.extend([
        ("document.0.template", id_text.as_str()),
        ("document.0.template_name", "mẫu CT01.pdf"),
        ("document.0.template_remove", "on"),
    ]);
    author.post(SAVE, &removing).await;
    assert_eq!(draft_template(&app).await, None);
    assert_eq!(app.get(&address).await.status, 200);
}

#[tokio::test]
async fn a_file_that_is_not_a_blank_form_is_refused_and_the_typed_draft_comes_back() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let before = template_count(&app).await;

    let mut fields = draft_fields("3");
    fields[0] = ("name", "Tách hộ gia đình");
    author
        .post_multipart(
            SAVE,
            &fields,
            &[(
                TEMPLATE_FIELD,
                "mau.pdf",
                b"<html><script>alert(1)</script></html>",
            )],
        )
        .await;
    let page = author.get(ADMIN_PAGE).await;
    assert!(
        page.text()
            .contains("Tệp “mau.pdf” không phải PDF, DOC, DOCX hoặc ODT"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"Tách hộ gia đình\""),
        "typed text kept"
    );
    assert_eq!(template_count(&app).await, before, "nothing kept");

    // Too large: refused without reading it all.
    let large = vec![b'%'; 5 * 1024 * 1024 + 1];
    author
        .post_multipart(SAVE, &fields, &[(TEMPLATE_FIELD, "mau-lon.pdf", &large)])
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(
        page.contains("Tệp “mau-lon.pdf” quá lớn: mẫu tối đa 5 MB."),
        "{page}"
    );

    // A good file with a refused field: the file is kept, and comes back
    // on the form so that correcting the field saves both.
    let mut wrong_time = draft_fields("3");
    for field in wrong_time
        .iter_mut()
        .filter(|(name, _)| *name == "time_value")
    {
        field.1 = "0";
    }
    author
        .post_multipart(SAVE, &wrong_time, &[(TEMPLATE_FIELD, "ct01.pdf", PDF)])
        .await;
    assert_eq!(draft_template(&app).await, None, "the draft is not saved");
    let page = author.get(ADMIN_PAGE).await;
    assert!(
        page.text().contains("Nhập số từ 1 đến 365"),
        "{}",
        page.text()
    );
    let kept: i64 = sqlx::query_scalar("SELECT max(id) FROM template_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(
        page.body
            .contains(&format!("name=\"document.0.template\" value=\"{kept}\"")),
        "{}",
        page.body
    );
    assert!(page.text().contains("Mẫu đơn, tờ khai đang gắn: ct01.pdf"));
    let kept_text = kept.to_string();
    let mut corrected = draft_fields("3");
    corrected.extend([
        ("document.0.template", kept_text.as_str()),
        ("document.0.template_name", "ct01.pdf"),
    ]);
    author.post(SAVE, &corrected).await;
    assert_eq!(draft_template(&app).await, Some(kept));

    // A forged id of no file is refused.
    let mut forged = draft_fields("3");
    forged.push(("document.0.template", "999999"));
    author.post(SAVE, &forged).await;
    assert_eq!(draft_template(&app).await, Some(kept), "unchanged");
}

/// Oversized blank forms sent at once are each refused: none is kept.
#[tokio::test]
async fn oversized_blank_forms_sent_at_once_are_all_refused() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let before = template_count(&app).await;
    let cookie = author.session_cookie().unwrap();
    let large = vec![b'%'; 5 * 1024 * 1024 + 1];
    let mut requests = Vec::new();
    for n in 0..5u16 {
        let file: &[u8] = if n == 0 { PDF } else { &large };
        let body = multipart_body(&draft_fields("3"), &[(TEMPLATE_FIELD, "ct01.pdf", file)]);
        let mut request = Request::post(SAVE)
            .header(
                header::CONTENT_TYPE,
                "multipart/form-data; boundary=----motcua-test-form",
            )
            .header(header::ORIGIN, PORTAL)
            .header("sec-fetch-site", "same-origin")
            .header(header::COOKIE, &cookie)
            .body(Body::from(body))
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
                author.ip, 50000,
            )));
        requests.push(request);
    }
    let answers = support::parallel::all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    assert_eq!(template_count(&app).await, before + 1, "only the good one");
    let kept: i64 = sqlx::query_scalar("SELECT max(id) FROM template_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(draft_template(&app).await, Some(kept));
}

/// A blank form left behind (uploaded with a refused draft, never saved)
/// is removed after a day; those versions use stay.
#[tokio::test]
async fn blank_forms_no_version_uses_are_swept_after_a_day() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let mut refused = draft_fields("3");
    refused[0] = ("name", "");
    author
        .post_multipart(SAVE, &refused, &[(TEMPLATE_FIELD, "ct01.pdf", PDF)])
        .await;
    let before = template_count(&app).await;
    let sweep = || server::administration::document_templates::sweep_unused(&app.pool);
    assert_eq!(sweep().await.unwrap(), 0, "not before a day has passed");
    sqlx::query("UPDATE template_files SET uploaded_at = uploaded_at - interval '2 days'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(sweep().await.unwrap(), 1, "only the one left behind");
    assert_eq!(template_count(&app).await, before - 1);
}
