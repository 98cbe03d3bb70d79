//! The back office's documents through its real routes: internal comments,
//! the citizen's supplement, and the specialist's own draft result.

use crate::support;

use support::back_office::*;
use support::spawn_app;

#[tokio::test]
async fn internal_comments_stay_inside_the_back_office() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    reception
        .post(
            &format!("/can-bo/ho-so/{code}/y-kien"),
            &[("body", "Gọi điện xác minh nơi sinh.")],
        )
        .await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(page.contains("Gọi điện xác minh nơi sinh."), "{page}");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mine = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(!mine.contains("Gọi điện xác minh"));
}

#[tokio::test]
async fn asked_to_complete_the_dossier_the_citizen_adds_a_document() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let document = support::uploads::birth_document(&app, "Văn bản ủy quyền").await;
    let route = format!("/ho-so/{code}/bo-sung/giay-to");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let early = support::uploads::upload_to(
        &app,
        &citizen,
        &route,
        document,
        "uy-quyen.pdf",
        support::uploads::PDF,
    )
    .await;
    assert_eq!(early.status, 404, "nothing was asked yet");

    let mut reception = signed_in(&app, RECEPTION).await;
    act(
        &app,
        &mut reception,
        &code,
        "request_supplement",
        &[("note", "Bổ sung văn bản ủy quyền.")],
    )
    .await;
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        page.body.contains(&format!("action=\"{route}\"")),
        "the page offers the upload"
    );
    let response = support::uploads::upload_to(
        &app,
        &citizen,
        &route,
        document,
        "uy-quyen.pdf",
        support::uploads::PDF,
    )
    .await;
    assert_eq!(response.location(), format!("/ho-so/{code}"));
    assert!(citizen
        .get(&format!("/ho-so/{code}"))
        .await
        .text()
        .contains("Đã tải lên “uy-quyen.pdf”"));

    let other = app.another_citizen().await;
    let stranger = signed_in(&app, other).await;
    let refused = support::uploads::upload_to(
        &app,
        &stranger,
        &route,
        document,
        "x.pdf",
        support::uploads::PDF,
    )
    .await;
    assert_eq!(refused.status, 404, "not someone else's dossier");

    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(office.contains("uy-quyen.pdf"), "{office}");
}

#[tokio::test]
async fn the_specialists_own_draft_is_the_result_and_it_can_be_handed_over_at_the_counter() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let mut specialist = signed_in(&app, SPECIALIST).await;
    let mut leader = signed_in(&app, LEADER).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &specialist_id(&app).await)],
    )
    .await;

    let attach = format!("/can-bo/ho-so/{code}/ket-qua");
    let draft = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog /Draft true >> endobj\ntrailer\n%%EOF\n";
    // Only the specialist it is assigned to attaches the draft.
    let refused =
        support::uploads::upload_to(&app, &reception, &attach, 0, "du-thao.pdf", draft).await;
    assert_eq!(refused.status, 404);
    let page = specialist
        .get(&format!("/can-bo/ho-so/{code}"))
        .await
        .text();
    assert!(
        page.contains("kết quả được lập tự động từ tờ khai"),
        "{page}"
    );
    let attached =
        support::uploads::upload_to(&app, &specialist, &attach, 0, "du-thao.pdf", draft).await;
    assert_eq!(attached.location(), format!("/can-bo/ho-so/{code}"));
    let page = specialist
        .get(&format!("/can-bo/ho-so/{code}"))
        .await
        .text();
    assert!(
        page.contains("Đã đính kèm dự thảo kết quả")
            && page.contains(&format!("ket-qua-{code}.pdf")),
        "{page}"
    );

    act(&app, &mut specialist, &code, "propose", &[]).await;
    act(&app, &mut leader, &code, "approve", &[]).await;
    let page = act(
        &app,
        &mut reception,
        &code,
        "return",
        &[("delivery", "counter")],
    )
    .await;
    assert!(
        page.contains("Người nhận kết quả: nhập họ và tên người đến nhận"),
        "the officer must say who collected it: {page}"
    );
    let page = act(
        &app,
        &mut reception,
        &code,
        "return",
        &[
            ("delivery", "counter"),
            ("collector_name", "Trần Thị Bình"),
            ("collector_citizen_id", "0221900012"),
        ],
    )
    .await;
    assert!(
        page.contains("Số định danh của người nhận: nhập đủ 12 chữ số"),
        "{page}"
    );
    let page = act(
        &app,
        &mut reception,
        &code,
        "return",
        &[
            ("delivery", "counter"),
            ("collector_name", "Trần Thị Bình"),
            ("collector_citizen_id", "022190001234"),
        ],
    )
    .await;
    assert!(page.contains("Đã trả kết quả"), "{page}");
    let collected: (Option<String>, Option<String>, bool) = sqlx::query_as(
        "SELECT collected_by_name, collected_by_citizen_id, collected_at IS NOT NULL FROM dossiers WHERE code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        collected,
        (
            Some("Trần Thị Bình".into()),
            Some("022190001234".into()),
            true
        )
    );

    let mut citizen = signed_in(&app, CITIZEN).await;
    let mine = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        mine.text()
            .contains("Kết quả đã được trao trực tiếp tại bộ phận một cửa"),
        "{}",
        mine.text()
    );
    assert!(
        mine.text()
            .contains("Đã trao kết quả trực tiếp tại bộ phận một cửa cho Trần Thị Bình (số định danh 022190001234)."),
        "the timeline says who took it"
    );
    let result: i64 = sqlx::query_scalar("SELECT result_file_id FROM dossiers WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let download = citizen.get(&format!("/tep/{result}")).await;
    assert_eq!(
        download.bytes, draft,
        "the specialist's own draft, not a generated one"
    );
}
