//! The back office through its real routes: reception, specialist and
//! leader move a dossier from arrival to result; every step is recorded and
//! told to the citizen; nobody acts outside their role or agency; two
//! officials acting at once cannot both win.

use crate::support;

use app::dossiers::workflow::{replay, Action};
use app::dossiers::DossierStatus;
use support::back_office::*;
use support::mailbox::wait_for_mail;
use support::spawn_app;

#[tokio::test]
async fn a_dossier_goes_from_arrival_to_result_and_its_history_replays() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let mut specialist = signed_in(&app, SPECIALIST).await;
    let mut leader = signed_in(&app, LEADER).await;

    let inbox = reception.get("/can-bo").await.text();
    assert!(
        inbox.contains(&code) && inbox.contains("Chờ tiếp nhận"),
        "{inbox}"
    );

    // A supplement needs a reason the citizen can read.
    let page = act(&app, &mut reception, &code, "request_supplement", &[]).await;
    assert!(page.contains("Nhập lý do để “Yêu cầu bổ sung”."), "{page}");
    let page = act(
        &app,
        &mut reception,
        &code,
        "request_supplement",
        &[("note", "Thiếu bản sao giấy đăng ký kết hôn của cha mẹ.")],
    )
    .await;
    assert!(page.contains("Chờ bổ sung hồ sơ"), "{page}");

    let mut citizen = signed_in(&app, CITIZEN).await;
    let mine = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        mine.contains("Thiếu bản sao giấy đăng ký kết hôn của cha mẹ."),
        "{mine}"
    );
    let (_, version) = status_and_version(&app, &code).await;
    let response = citizen
        .post(
            &format!("/ho-so/{code}/bo-sung"),
            &[
                ("version", &version.to_string()),
                ("note", "Đã bổ sung bản sao."),
            ],
        )
        .await;
    assert_eq!(response.location(), format!("/ho-so/{code}"));
    assert_eq!(
        status_and_version(&app, &code).await.0,
        "submitted",
        "back to where it was"
    );
    let told = reception.get("/thong-bao").await.text();
    assert!(
        told.contains(&format!("Hồ sơ {code} đã được bổ sung")),
        "the officer who asked is told: {told}"
    );

    let page = act(&app, &mut reception, &code, "accept", &[]).await;
    assert!(page.contains("Đã tiếp nhận"), "{page}");
    let page = act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &specialist_id(&app).await)],
    )
    .await;
    assert!(page.contains("Trần Văn Chuyên"), "{page}");
    // The procedure's workflow, with the step the dossier is in and its own
    // deadline.
    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    for expected in [
        "Quy trình giải quyết",
        "Tiếp nhận, kiểm tra hồ sơ đăng ký khai sinh Tiếp nhận (một cửa) · 4 giờ làm việc · Đã xong",
        "Chuyên viên xử lý · 4 giờ làm việc · Đang thực hiện Hạn bước này:",
        "Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh Lãnh đạo phê duyệt · 2 giờ làm việc · Chưa đến",
    ] {
        assert!(office.contains(expected), "{expected} in: {office}");
    }
    act(&app, &mut specialist, &code, "propose", &[]).await;
    let page = act(
        &app,
        &mut leader,
        &code,
        "send_back",
        &[("note", "Kiểm tra lại tên người cha.")],
    )
    .await;
    assert!(page.contains("Đang xử lý"), "{page}");
    act(&app, &mut specialist, &code, "propose", &[]).await;
    act(&app, &mut leader, &code, "approve", &[]).await;
    let result: i64 = sqlx::query_scalar("SELECT result_file_id FROM dossiers WHERE code = $1")
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        citizen.get(&format!("/tep/{result}")).await.status,
        404,
        "the result is the citizen's only once returned"
    );
    let page = act(&app, &mut reception, &code, "return", &[]).await;
    assert!(page.contains("Đã trả kết quả"), "{page}");

    let mine = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        mine.body.contains(&format!("/tep/{result}")),
        "the result is on the dossier page"
    );
    let download = citizen.get(&format!("/tep/{result}")).await;
    assert_eq!(download.status, 200);
    let text = support::pdf::text_of(&download.bytes);
    for expected in [
        "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH",
        "Vũ Thị Công Dân",
        "Nguyễn Minh Khang",
        code.as_str(),
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    // Slip 06 lists every hand-over, for the citizen and reception alike.
    let slip = reception
        .get(&format!("/ho-so/{code}/phieu-kiem-soat.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    let text = support::pdf::flowing_text_of(&slip.bytes);
    for expected in [
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        "Yêu cầu bổ sung",
        "Trả lại chuyên viên",
        "Phê duyệt",
        "Trả kết quả",
        "Lê Minh Lãnh",
        "Kiểm tra lại tên",
        "Bước, hạn",
        "Trả Giấy khai sinh (hạn",
        "Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh (hạn",
        "Đúng hạn",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert_eq!(
        citizen
            .get(&format!("/ho-so/{code}/phieu-kiem-soat.pdf"))
            .await
            .status,
        200
    );
    let wallet = citizen.get("/tai-khoan/giay-to").await.text();
    assert!(
        wallet.contains(&format!("ket-qua-{code}.pdf")),
        "the result is in the wallet: {wallet}"
    );

    let history: Vec<(Option<String>, String)> = sqlx::query_as(
        "SELECT h.action, h.to_status FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id
         WHERE d.code = $1 AND h.action <> 'submit' ORDER BY h.occurred_at, h.id",
    )
    .bind(&code)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let steps: Vec<(Action, DossierStatus)> = history
        .iter()
        .map(|(action, to)| {
            (
                Action::parse(action.as_deref().unwrap()).unwrap(),
                DossierStatus::parse(to).unwrap(),
            )
        })
        .collect();
    assert_eq!(steps.len(), 9);
    assert_eq!(
        replay(&steps).map(|state| state.status),
        Some(DossierStatus::Returned),
        "the recorded history replays through the state machine"
    );
    let resolved: bool =
        sqlx::query_scalar("SELECT resolved_at IS NOT NULL FROM dossiers WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(resolved);

    // The citizen was told at each step that concerns them.
    let notifications: Vec<String> = sqlx::query_scalar(
        "SELECT n.title FROM notifications n JOIN dossiers d ON d.id = n.dossier_id
         WHERE d.code = $1 AND n.user_id = d.applicant_id ORDER BY n.id",
    )
    .bind(&code)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        notifications,
        [
            format!("Hồ sơ {code} cần bổ sung"),
            format!("Hồ sơ {code} đã được tiếp nhận"),
            format!("Hồ sơ {code} đã có kết quả"),
            format!("Đã trả kết quả hồ sơ {code}"),
        ]
    );
    let header = citizen.get("/ho-so").await.text();
    assert!(header.contains("Thông báo (4 mới)"), "{header}");
    let list = citizen.get("/thong-bao").await.text();
    assert!(
        list.contains(&format!("Hồ sơ {code} cần bổ sung")) && list.contains("Thiếu bản sao"),
        "{list}"
    );
    let header = citizen.get("/ho-so").await.text();
    assert!(!header.contains("mới)"), "opened, so read: {header}");
    let (_, mail) = wait_for_mail(&app, CITIZEN, 1).await;
    assert!(mail.contains(&code), "{mail}");
}

#[tokio::test]
async fn acceptance_sets_the_appointment_from_acceptance() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    // As if filed long ago: the appointment counts from acceptance, not filing.
    sqlx::query("UPDATE dossiers SET due_at = '2020-01-01 17:00', counted_from = '2019-12-20' WHERE code = $1")
        .bind(&code)
        .execute(&app.pool)
        .await
        .unwrap();
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let (counted_from, due_after_today): (String, bool) = sqlx::query_as(
        "SELECT counted_from::text, due_at::date >= $2 FROM dossiers WHERE code = $1",
    )
    .bind(&code)
    .bind(app.clock().today_in_vietnam())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(counted_from.as_str() > "2026-01-01", "{counted_from}");
    assert!(due_after_today);
}

#[tokio::test]
async fn two_officials_accepting_at_once_make_one_transition() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut first = signed_in(&app, RECEPTION).await;
    let mut second = signed_in(&app, RECEPTION).await;
    let (_, version) = status_and_version(&app, &code).await;
    let version = version.to_string();
    let uri = format!("/can-bo/ho-so/{code}/thao-tac");
    let fields = [("action", "accept"), ("version", version.as_str())];
    let (one, two) = tokio::join!(first.post(&uri, &fields), second.post(&uri, &fields));
    assert_eq!(one.location(), two.location());
    let notices = [
        first.get(&format!("/can-bo/ho-so/{code}")).await.text(),
        second.get(&format!("/can-bo/ho-so/{code}")).await.text(),
    ];
    let won = notices
        .iter()
        .filter(|text| text.contains("Đã cập nhật"))
        .count();
    let told = notices
        .iter()
        .filter(|text| text.contains("Hồ sơ vừa được người khác cập nhật"))
        .count();
    assert_eq!((won, told), (1, 1), "{notices:?}");
    let accepted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.code = $1 AND h.action = 'accept'",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(accepted, 1);
}

/// An official of another commune, with every back-office role there.
#[tokio::test]
async fn every_action_is_refused_to_the_wrong_role_or_agency() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let elsewhere = official_elsewhere(&app).await;
    // Who may not accept a submitted dossier: everyone but its reception.
    for (email, expected) in [
        (SPECIALIST, "Bạn không có quyền"),
        (LEADER, "Bạn không có quyền"),
        (MANAGER, "Bạn không có quyền"),
        (elsewhere, "Bạn không có quyền"),
    ] {
        let mut official = signed_in(&app, email).await;
        let page = act(&app, &mut official, &code, "accept", &[]).await;
        assert_eq!(
            status_and_version(&app, &code).await.0,
            "submitted",
            "{email}"
        );
        if email != elsewhere {
            assert!(page.contains(expected), "{email}: {page}");
        } else {
            assert!(
                !page.contains(&code) || page.contains("Không tìm thấy"),
                "{email} sees nothing"
            );
        }
    }
    // The citizen cannot act as an official on their own dossier.
    let mut citizen = signed_in(&app, CITIZEN).await;
    let (_, version) = status_and_version(&app, &code).await;
    citizen
        .post(
            &format!("/can-bo/ho-so/{code}/thao-tac"),
            &[("action", "accept"), ("version", &version.to_string())],
        )
        .await;
    assert_eq!(status_and_version(&app, &code).await.0, "submitted");

    // A specialist acts only on a dossier assigned to them.
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let mut specialist = signed_in(&app, SPECIALIST).await;
    act(&app, &mut specialist, &code, "propose", &[]).await;
    assert_eq!(status_and_version(&app, &code).await.0, "received");
    // Only specialists of the dossier's agency can be assigned.
    let stranger: String = sqlx::query_scalar("SELECT id::text FROM users WHERE email = $1")
        .bind(elsewhere)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let page = act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &stranger)],
    )
    .await;
    assert!(
        page.contains("Chọn một chuyên viên của cơ quan xử lý hồ sơ."),
        "{page}"
    );
    // An action the state does not allow is refused in words.
    let page = act(&app, &mut reception, &code, "return", &[]).await;
    assert!(
        page.contains("Không thể “Trả kết quả” khi hồ sơ đang ở trạng thái “Đã tiếp nhận”"),
        "{page}"
    );
}

#[tokio::test]
async fn officials_see_only_their_agencies_dossiers_and_files() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let file: i64 = sqlx::query_scalar(
        "SELECT a.file_id FROM dossier_attachments a JOIN dossiers d ON d.id = a.dossier_id WHERE d.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();

    let mut reception = signed_in(&app, RECEPTION).await;
    assert_eq!(
        reception.get(&format!("/can-bo/ho-so/{code}")).await.status,
        200
    );
    assert_eq!(reception.get(&format!("/tep/{file}")).await.status, 200);
    // Viewed in the browser rather than saved, still in a sandbox of its own.
    let viewed = reception.get(&format!("/tep/{file}/xem")).await;
    assert_eq!(viewed.status, 200);
    assert!(viewed.header("content-disposition").starts_with("inline;"));
    // A PDF: the browser's viewer, and nothing else, may run (Chromium's
    // viewer refuses a sandboxed document).
    assert_eq!(
        viewed.header("content-security-policy"),
        "default-src 'none'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'"
    );
    assert_eq!(viewed.header("content-type"), "application/pdf");
    assert_eq!(viewed.header("x-content-type-options"), "nosniff");
    assert!(reception
        .get(&format!("/can-bo/ho-so/{code}"))
        .await
        .body
        .contains(&format!("/tep/{file}/xem")));
    // The province manager's scope includes the commune below.
    let mut manager = signed_in(&app, MANAGER).await;
    assert!(manager
        .get("/can-bo?hang=tat-ca")
        .await
        .text()
        .contains(&code));

    let elsewhere = official_elsewhere(&app).await;
    let mut stranger = signed_in(&app, elsewhere).await;
    assert!(!stranger
        .get("/can-bo?hang=tat-ca")
        .await
        .text()
        .contains(&code));
    assert_eq!(
        stranger.get(&format!("/can-bo/ho-so/{code}")).await.status,
        404
    );
    assert_eq!(stranger.get(&format!("/tep/{file}")).await.status, 404);
    assert_eq!(stranger.get(&format!("/tep/{file}/xem")).await.status, 404);

    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get("/can-bo").await.status, 403);
}

#[tokio::test]
async fn the_inbox_marks_overdue_and_due_soon_dossiers() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    sqlx::query("UPDATE dossiers SET due_at = $2 - interval '1 minute' WHERE code = $1")
        .bind(&code)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();
    // The mark on the dossier's row (the filter's options name the marks too).
    let marked = |body: &str, mark: &str| body.contains(&format!("\">{mark}</span>"));
    let inbox = reception.get("/can-bo").await;
    assert!(
        marked(&inbox.body, "Quá hạn") && inbox.text().contains("1 hồ sơ quá hạn"),
        "{}",
        inbox.text()
    );
    sqlx::query("UPDATE dossiers SET due_at = $2 + interval '1 minute' WHERE code = $1")
        .bind(&code)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();
    let inbox = reception.get("/can-bo").await;
    assert!(
        marked(&inbox.body, "Sắp đến hạn") && !marked(&inbox.body, "Quá hạn"),
        "{}",
        inbox.text()
    );
}

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
    assert!(page.contains("Đã trả kết quả"), "{page}");

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
            .contains("Đã trao kết quả trực tiếp tại bộ phận một cửa."),
        "the timeline says so"
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
