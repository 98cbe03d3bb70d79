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
        "Bước xử lý, thời hạn",
        "Trả Giấy khai sinh hạn",
        "Chủ tịch Ủy ban nhân dân cấp xã ký Giấy khai sinh hạn",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    // Every step was taken at once: early (an earlier day than its
    // deadline) or on time.
    assert!(
        text.contains("Trước hạn") || text.contains("Đúng hạn"),
        "{text}"
    );
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

#[tokio::test]
async fn a_second_supplement_request_is_the_leaders_decision_and_is_flagged() {
    // "Hướng dẫn một lần, đầy đủ": the agency guides the applicant once and
    // completely. A second request is exceptional: only a leader may make
    // it, with a reason, and the dossier shows it.
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(
        &app,
        &mut reception,
        &code,
        "request_supplement",
        &[("note", "Thiếu bản sao giấy đăng ký kết hôn của cha mẹ.")],
    )
    .await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let (_, version) = status_and_version(&app, &code).await;
    citizen
        .post(
            &format!("/ho-so/{code}/bo-sung"),
            &[("version", &version.to_string()), ("note", "Đã bổ sung.")],
        )
        .await;
    act(&app, &mut reception, &code, "accept", &[]).await;

    let again = [("note", "Cần thêm xác nhận cư trú.")];
    let page = act(&app, &mut reception, &code, "request_supplement", &again).await;
    assert!(
        page.contains("Hồ sơ đã được yêu cầu bổ sung một lần"),
        "reception may not ask twice: {page}"
    );
    assert_eq!(status_and_version(&app, &code).await.0, "received");

    let mut leader = signed_in(&app, LEADER).await;
    let page = act(&app, &mut leader, &code, "request_supplement", &[]).await;
    assert!(
        page.contains("Nhập lý do"),
        "the leader gives a reason: {page}"
    );
    let page = act(&app, &mut leader, &code, "request_supplement", &again).await;
    assert!(page.contains("Chờ bổ sung hồ sơ"), "{page}");
    assert!(
        page.contains("Yêu cầu bổ sung thêm 1 lần sau lần đầu"),
        "the dossier is flagged: {page}"
    );
}
