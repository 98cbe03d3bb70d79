//! Register 07 (sổ theo dõi hồ sơ): an official downloads it for an agency
//! in their scope and a period; it lists what the desk received; a period it
//! cannot read is explained on the form it came from; nobody reads another
//! agency's register.

use crate::support;

use support::back_office::*;
use support::pdf::text_of;
use support::spawn_app;

#[tokio::test]
async fn reception_prints_this_months_register_with_every_dossier_received() {
    let app = spawn_app().await;
    let first = filed(&app).await;
    let second = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &first, "accept", &[]).await;

    let inbox = reception.get("/can-bo").await;
    assert!(
        inbox.text().contains("Tải sổ theo dõi (PDF)"),
        "the form is on the inbox"
    );
    let register = reception.get("/can-bo/so-theo-doi.pdf").await;
    assert_eq!(register.status, 200);
    assert_eq!(register.header("content-type"), "application/pdf");
    let text = text_of(&register.bytes);
    for expected in [
        "SỔ THEO DÕI HỒ SƠ",
        "Tổng số hồ sơ tiếp nhận: 2",
        first.as_str(),
        second.as_str(),
        "Vũ Thị Công Dân",
        "Đã tiếp nhận",
        "Chờ tiếp nhận",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }

    // A period before anything was filed is an empty register, not an error.
    let empty = reception
        .get("/can-bo/so-theo-doi.pdf?tu=01/01/2025&den=31/01/2025")
        .await;
    let text = text_of(&empty.bytes);
    assert!(
        text.contains("Từ ngày 01/01/2025 đến ngày 31/01/2025"),
        "{text}"
    );
    assert!(
        text.contains("Không có hồ sơ nào được tiếp nhận trong kỳ."),
        "{text}"
    );
    assert!(!text.contains(&first));
}

#[tokio::test]
async fn a_period_that_cannot_be_read_is_explained_on_the_form_with_what_was_typed() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let answer = reception
        .get("/can-bo/so-theo-doi.pdf?tu=2026-11-20&den=2026-11-01")
        .await;
    assert_eq!(answer.status, 303);
    let back = answer.location();
    assert!(back.starts_with("/can-bo?"), "{back}");
    let page = reception.get(&back).await;
    assert!(
        page.text()
            .contains("“Từ ngày” phải trước hoặc bằng “Đến ngày”."),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"2026-11-20\""),
        "the dates typed are kept"
    );
    assert!(page.body.contains("value=\"2026-11-01\""));
    // A query it cannot read at all gets the bilingual bad-request page.
    let garbled = reception
        .get("/can-bo/so-theo-doi.pdf?tu=01/11/2026&tu=02/11/2026")
        .await;
    assert_eq!(garbled.status, 400);
    assert!(garbled.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn nobody_reads_another_agencys_register() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let elsewhere = official_elsewhere(&app).await;
    let mut stranger = signed_in(&app, elsewhere).await;
    let own = text_of(&stranger.get("/can-bo/so-theo-doi.pdf").await.bytes);
    assert!(!own.contains(&code), "{own}");
    assert_eq!(
        stranger
            .get("/can-bo/so-theo-doi.pdf?co-quan=000.01.40.H34")
            .await
            .status,
        404
    );
    // The province manager's scope reaches the commune.
    let mut manager = signed_in(&app, MANAGER).await;
    let theirs = manager
        .get("/can-bo/so-theo-doi.pdf?co-quan=000.01.40.H34")
        .await;
    assert!(text_of(&theirs.bytes).contains(&code));
    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get("/can-bo/so-theo-doi.pdf").await.status, 403);
}
