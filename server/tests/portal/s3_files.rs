//! With `MOTCUA_S3_BUCKET`, files go to an S3-compatible store — here a
//! real one on this machine (moto's server) — and come back unchanged.

use crate::support;

use support::browser::Browser;
use support::s3::S3Server;
use support::spawn_app_with;
use support::uploads::{birth_document, upload, PDF};

#[tokio::test]
async fn an_upload_lands_in_the_bucket_and_downloads_unchanged() {
    let s3 = S3Server::start();
    let app = spawn_app_with(&[
        ("MOTCUA_S3_BUCKET", s3.bucket.to_string()),
        ("MOTCUA_S3_ENDPOINT", s3.endpoint.clone()),
        ("AWS_ACCESS_KEY_ID", "motcua-test".to_string()),
        ("AWS_SECRET_ACCESS_KEY", "motcua-test-secret".to_string()),
    ])
    .await;
    let mut browser = Browser::new(&app);
    browser
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    let document = birth_document(&app, "Giấy chứng sinh").await;
    let response = upload(
        &app,
        &browser,
        document,
        "giay-chung-sinh.pdf",
        "application/pdf",
        PDF,
    )
    .await;
    assert_eq!(
        response.location(),
        format!("/nop-ho-so/1.001193#tai-lieu-{document}")
    );

    let (id, key): (i64, String) = sqlx::query_as("SELECT id, storage_key FROM stored_files")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (status, listing) = s3
        .request("GET", &format!("/{}?list-type=2", s3.bucket))
        .unwrap();
    assert_eq!(status, 200);
    assert!(
        listing.contains(&key),
        "the object is in the bucket: {listing}"
    );
    let download = browser.get(&format!("/tep/{id}")).await;
    assert_eq!(download.status, 200);
    assert_eq!(download.bytes, PDF);
}
