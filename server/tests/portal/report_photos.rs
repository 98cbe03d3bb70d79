//! An iPhone's HEIC photo with a field report: scanned as it came, kept
//! as a JPEG (every browser shows it) without any of its EXIF data, its
//! GPS position giving the place; a file named .heic that is no photo is
//! refused with what is accepted.

use crate::support;
use support::back_office::{signed_in, CITIZEN};
use support::photos::{heic_with_gps, CAMERA};
use support::spawn_app;

/// Bãi Cháy, by the bridge.
const LATITUDE: f64 = 20.9561;
const LONGITUDE: f64 = 107.0634;

fn report_fields() -> Vec<(&'static str, &'static str)> {
    vec![
        ("category", "den-chieu-sang-hong"),
        ("commune", "06685"),
        ("street", "Chân cầu Bãi Cháy"),
        ("latitude", ""),
        ("longitude", ""),
        ("description", "Dãy đèn chân cầu tắt từ hai hôm nay."),
        ("public", "on"),
    ]
}

#[tokio::test]
async fn an_iphone_heic_photo_is_kept_as_a_jpeg_without_its_exif_and_gives_the_place() {
    let app = spawn_app().await;
    let heic = heic_with_gps(LATITUDE, LONGITUDE);
    // What the phone sent does carry the position and the camera.
    assert!(
        heic[4..12] == *b"ftypheic" || heic[4..12] == *b"ftypmif1",
        "a HEIC file"
    );
    let sent = server::field_reports::photos::gps_position(&heic).expect("GPS in the HEIC");
    assert!((sent.latitude - LATITUDE).abs() < 1e-4);

    let mut citizen = signed_in(&app, CITIZEN).await;
    let filed = citizen
        .post_multipart(
            "/phan-anh/gui",
            &report_fields(),
            &[("photo", "IMG_0042.HEIC", &heic)],
        )
        .await;
    assert!(
        filed.location().starts_with("/phan-anh/PA-"),
        "{}",
        filed.text()
    );
    let (latitude, longitude, from_photo, photo, name, content_type): (
        f64,
        f64,
        bool,
        i64,
        String,
        String,
    ) = sqlx::query_as(
        "SELECT r.latitude, r.longitude, r.place_from_photo, p.id, f.original_name, f.content_type
         FROM field_reports r JOIN field_report_photos p ON p.report_id = r.id
         JOIN stored_files f ON f.id = p.file_id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(
        from_photo && (latitude - LATITUDE).abs() < 1e-4 && (longitude - LONGITUDE).abs() < 1e-4
    );
    assert_eq!(
        (name.as_str(), content_type.as_str()),
        ("IMG_0042.jpg", "image/jpeg")
    );
    let kept = citizen.get(&format!("/phan-anh/anh/{photo}")).await.bytes;
    assert!(kept.starts_with(&[0xFF, 0xD8]), "a JPEG now");
    assert!(!kept.windows(4).any(|w| w == b"Exif"), "no EXIF block");
    assert!(
        !kept.windows(CAMERA.len()).any(|w| w == CAMERA.as_bytes()),
        "no camera make"
    );
    assert_eq!(server::field_reports::photos::gps_position(&kept), None);

    // A text file named like a HEIC photo is no photo.
    let refused = citizen
        .post_multipart(
            "/phan-anh/gui",
            &report_fields(),
            &[("photo", "IMG_0043.HEIC", b"not really a photo at all")],
        )
        .await;
    assert!(!refused.location().starts_with("/phan-anh/PA-"));
    let form = citizen.get(&refused.location()).await.text();
    assert!(
        form.contains("không phải ảnh JPEG, PNG hoặc HEIC"),
        "{form}"
    );
    let reports: i64 = sqlx::query_scalar("SELECT count(*) FROM field_reports")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(reports, 1);
}
