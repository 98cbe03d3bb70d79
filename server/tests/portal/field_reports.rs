//! Field reports end to end: a citizen reports a broken street light with a
//! phone photo (its GPS position becomes the place, and nothing of its
//! EXIF data is kept), a second citizen sees it nearby and follows it, the
//! coordinator forwards it to the ward, the ward's official — who never
//! learns who reported — answers with a photo, the coordinator publishes
//! it, both citizens are told, one rates it; reopening after the
//! province's days is refused; a refusal needs its reason; an overdue
//! report is escalated when the clock passes its due time; and codes stay
//! gapless and the per-account limit holds when reports come all at once.

use crate::support;
use app::field_reports::sla::Sla;
use support::back_office::{signed_in, CITIZEN};
use support::browser::{multipart_body, Browser, PORTAL};
use support::parallel::{address, all_at_once, form_post};
use support::photos::{jpeg, jpeg_with_gps, CAMERA};
use support::{spawn_app, TestApp};

pub(crate) const COORDINATOR: &str = "dieuphoi@motcua.example";
/// A specialist of the ward of Hồng Gai (06685), which handles its street
/// lights.
const WARD_OFFICIAL: &str = "chuyenvien@motcua.example";
const WARD_LEADER: &str = "lanhdao@motcua.example";
/// Hồng Gai, by the market.
const LATITUDE: f64 = 20.9517;
const LONGITUDE: f64 = 107.0806;

/// Files a street light report in Hồng Gai as `browser`; returns the code.
pub(crate) async fn file_light_report(
    browser: &mut Browser<'_>,
    photo: &[u8],
    typed_point: bool,
) -> String {
    let (latitude, longitude) = if typed_point {
        (LATITUDE.to_string(), LONGITUDE.to_string())
    } else {
        (String::new(), String::new())
    };
    let filed = browser
        .post_multipart(
            "/phan-anh/gui",
            &[
                ("category", "den-chieu-sang-hong"),
                ("commune", "06685"),
                ("street", "Chợ Hạ Long 1"),
                ("latitude", &latitude),
                ("longitude", &longitude),
                (
                    "description",
                    "Ba cột đèn trước cổng chợ tắt từ tối qua, đường rất tối.",
                ),
                ("public", "on"),
            ],
            &[("photo", "den.jpg", photo)],
        )
        .await;
    let location = filed.location();
    assert!(
        location.starts_with("/phan-anh/PA-"),
        "{location}: {}",
        filed.text()
    );
    location.trim_start_matches("/phan-anh/").to_string()
}

/// The coordinator forwards `code` to the ward, whose official answers it
/// ("Đã sửa xong."); the answer waits for the coordinator.
pub(crate) async fn forward_and_answer(app: &TestApp, coordinator: &mut Browser<'_>, code: &str) {
    act(
        coordinator,
        code,
        &[("action", "forward"), ("agency", "000.01.40.H34")],
    )
    .await;
    let mut official = signed_in(app, WARD_OFFICIAL).await;
    official
        .post_multipart(
            &format!("/can-bo/phan-anh/{code}/ket-qua"),
            &[("answer", "Đã sửa xong.")],
            &[],
        )
        .await;
}

async fn status(app: &TestApp, code: &str) -> String {
    sqlx::query_scalar("SELECT status FROM field_reports WHERE code = $1")
        .bind(code)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

pub(crate) async fn act(browser: &mut Browser<'_>, code: &str, fields: &[(&str, &str)]) {
    let done = browser
        .post(&format!("/can-bo/phan-anh/{code}"), fields)
        .await;
    assert_eq!(done.status.as_u16(), 303, "{}", done.text());
}

#[tokio::test]
async fn a_report_goes_from_the_citizen_to_the_ward_and_back_without_the_ward_learning_who_sent_it()
{
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg_with_gps(LATITUDE, LONGITUDE), false).await;
    assert!(code.starts_with(&format!("PA-{}-", chrono::Utc::now().format("%Y"))));

    // The place came from the photo; the photo kept nothing of its EXIF.
    let (latitude, longitude, from_photo, received, due): (f64, f64, bool, chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) =
        sqlx::query_as(
            "SELECT latitude, longitude, place_from_photo, received_at, due_at FROM field_reports WHERE code = $1",
        )
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!((latitude - LATITUDE).abs() < 1e-5 && (longitude - LONGITUDE).abs() < 1e-5);
    assert!(from_photo);
    // Street lights: three working days on the working calendar.
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let expected = Sla::WorkingDays(3).due(&calendar, app::deadlines::vietnam_local(received));
    assert_eq!(app::deadlines::vietnam_local(due), expected);

    let photo: i64 = sqlx::query_scalar(
        "SELECT p.id FROM field_report_photos p JOIN field_reports r ON r.id = p.report_id WHERE r.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let kept = citizen.get(&format!("/phan-anh/anh/{photo}")).await;
    assert_eq!(kept.status.as_u16(), 200);
    let bytes = kept.bytes.clone();
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "still a JPEG");
    assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF block");
    assert!(
        !bytes.windows(CAMERA.len()).any(|w| w == CAMERA.as_bytes()),
        "no camera make"
    );
    assert_eq!(server::field_reports::photos::gps_position(&bytes), None);
    // Not yet accepted by the coordinator: not on the board, not public.
    assert_eq!(
        app.get(&format!("/phan-anh/anh/{photo}"))
            .await
            .status
            .as_u16(),
        404
    );

    // A second citizen, at the same place, is offered it to follow.
    let other = app.another_citizen().await;
    let mut neighbour = signed_in(&app, other).await;
    let step2 = neighbour
        .get(&format!(
            "/phan-anh/gui?loai=den-chieu-sang-hong&xa=06685&dia-chi=&vi-do={}&kinh-do={}",
            LATITUDE + 0.0003,
            LONGITUDE
        ))
        .await
        .text();
    assert!(step2.contains(&code), "nearby: {step2}");
    let followed = neighbour
        .post(&format!("/phan-anh/{code}/theo-doi"), &[("follow", "1")])
        .await;
    assert_eq!(followed.location(), format!("/phan-anh/{code}"));

    // The coordinator sees who reported and forwards it to the ward.
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let handling = coordinator
        .get(&format!("/can-bo/phan-anh/{code}"))
        .await
        .text();
    assert!(handling.contains("Vũ Thị Công Dân"), "{handling}");
    act(
        &mut coordinator,
        &code,
        &[("action", "forward"), ("agency", "000.01.40.H34")],
    )
    .await;
    assert_eq!(status(&app, &code).await, "forwarded");

    // The ward's official: the report, its photo — and nobody's name,
    // address or phone, on the page or in the queue.
    let mut official = signed_in(&app, WARD_OFFICIAL).await;
    for page in [
        format!("/can-bo/phan-anh/{code}"),
        "/can-bo/phan-anh".to_string(),
    ] {
        // The page's whole HTML, attributes and data included.
        let seen = official.get(&page).await.body;
        assert!(seen.contains(&code), "{page}");
        for personal in [
            "Vũ Thị Công Dân",
            "congdan@motcua.example",
            "0912345678",
            "022190001234",
            "Lê Thị Khác",
            "khac@example.vn",
        ] {
            assert!(!seen.contains(personal), "{page} shows {personal}");
        }
    }
    // Another agency's official does not see it at all.
    let mut outsider = signed_in(&app, "chuyenvien.datdai@motcua.example").await;
    assert_eq!(
        outsider
            .get(&format!("/can-bo/phan-anh/{code}"))
            .await
            .status
            .as_u16(),
        404
    );

    let answered = official
        .post_multipart(
            &format!("/can-bo/phan-anh/{code}/ket-qua"),
            &[("answer", "Đã thay bóng và sửa tủ điện lúc 9 giờ sáng nay.")],
            &[("photo", "sau.jpg", &jpeg_with_gps(LATITUDE, LONGITUDE))],
        )
        .await;
    assert_eq!(answered.location(), format!("/can-bo/phan-anh/{code}"));
    assert_eq!(status(&app, &code).await, "answered");
    // Not public until the coordinator publishes it.
    assert!(!neighbour
        .get(&format!("/phan-anh/{code}"))
        .await
        .text()
        .contains("Đã thay bóng"));

    let newest_notification: i64 =
        sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM notifications")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    act(&mut coordinator, &code, &[("action", "publish")]).await;
    assert_eq!(status(&app, &code).await, "resolved");

    // Both citizens are told, in the portal and by mail.
    for email in ["congdan@motcua.example", other] {
        let told: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
             WHERE u.email = $1 AND n.id > $2 AND n.link = $3",
        )
        .bind(email)
        .bind(newest_notification)
        .bind(format!("/phan-anh/{code}"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(told, 1, "{email}");
        let mailed: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM mail_outbox WHERE recipient = $1 AND body_text LIKE '%' || $2 || '%' AND body_text LIKE '%Đã thay bóng%'",
        )
        .bind(email)
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        assert_eq!(mailed, 1, "{email}");
    }

    // The public page and board show the answer and both photos' stages,
    // and no one's name.
    let public = app.get(&format!("/phan-anh/{code}")).await.text();
    assert!(public.contains("Đã thay bóng"));
    assert!(!public.contains("Vũ Thị Công Dân") && !public.contains("Lê Thị Khác"));
    let board = app.get("/phan-anh?xa=06685").await.text();
    assert!(board.contains(&code));

    // The neighbour rates it; the reporter rates it too.
    let rated = neighbour
        .post(
            &format!("/phan-anh/{code}/danh-gia"),
            &[("stars", "4"), ("comment", "")],
        )
        .await;
    assert_eq!(rated.location(), format!("/phan-anh/{code}"));
    let average: f64 = sqlx::query_scalar(
        "SELECT avg(stars)::float8 FROM field_report_ratings g JOIN field_reports r ON r.id = g.report_id WHERE r.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(average, 4.0);

    // Eight days later (the demo province allows seven) it can no longer
    // be reopened.
    app.clock()
        .set(chrono::Utc::now() + chrono::Duration::days(8));
    let late = citizen
        .post(
            &format!("/phan-anh/{code}/phan-anh-lai"),
            &[("reason", "Đèn lại tắt rồi.")],
        )
        .await;
    assert_eq!(late.location(), format!("/phan-anh/{code}"));
    assert_eq!(status(&app, &code).await, "resolved");
    assert!(citizen
        .get(&format!("/phan-anh/{code}"))
        .await
        .text()
        .contains("Đã quá thời hạn phản ánh lại"));
}

#[tokio::test]
async fn within_the_window_the_reporter_reopens_it_and_it_goes_back_to_the_coordinator() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    forward_and_answer(&app, &mut coordinator, &code).await;
    act(&mut coordinator, &code, &[("action", "publish")]).await;
    // Only its reporter may reopen it.
    let other = app.another_citizen().await;
    let mut stranger = signed_in(&app, other).await;
    let refused = stranger
        .post(
            &format!("/phan-anh/{code}/phan-anh-lai"),
            &[("reason", "Vẫn còn tối.")],
        )
        .await;
    assert_ne!(refused.location(), format!("/phan-anh/{code}"));
    assert_eq!(status(&app, &code).await, "resolved");
    app.clock()
        .set(chrono::Utc::now() + chrono::Duration::days(6));
    citizen
        .post(
            &format!("/phan-anh/{code}/phan-anh-lai"),
            &[("reason", "Một cột vẫn chưa sáng.")],
        )
        .await;
    assert_eq!(status(&app, &code).await, "received");
    let answer: Option<String> =
        sqlx::query_scalar("SELECT answer FROM field_reports WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(answer, None, "the old answer no longer stands");
}

#[tokio::test]
async fn a_refusal_without_a_reason_is_refused_and_one_with_a_reason_tells_the_reporter() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    act(
        &mut coordinator,
        &code,
        &[("action", "refuse"), ("reason", ""), ("note", "")],
    )
    .await;
    assert_eq!(status(&app, &code).await, "received");
    act(
        &mut coordinator,
        &code,
        &[("action", "refuse"), ("reason", "complaint"), ("note", " ")],
    )
    .await;
    assert_eq!(status(&app, &code).await, "received");
    let page = coordinator
        .get(&format!("/can-bo/phan-anh/{code}"))
        .await
        .text();
    assert!(page.contains("Từ chối phải có lý do"), "{page}");

    act(
        &mut coordinator,
        &code,
        &[
            ("action", "refuse"),
            ("reason", "complaint"),
            ("note", "Đây là khiếu nại về quyết định hành chính: gửi đơn tới UBND phường theo Luật Khiếu nại."),
        ],
    )
    .await;
    assert_eq!(status(&app, &code).await, "refused");
    let mine = citizen.get(&format!("/phan-anh/{code}")).await.text();
    assert!(mine.contains("Luật Khiếu nại"), "{mine}");
    // A refused report is the reporter's only: not on the board.
    assert_eq!(
        app.get(&format!("/phan-anh/{code}")).await.status.as_u16(),
        404
    );
}

#[tokio::test]
async fn an_overdue_report_is_escalated_to_the_wards_leader_and_the_coordinator_once() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    // A fallen tree: two hours, day or night.
    let filed = citizen
        .post_multipart(
            "/phan-anh/gui",
            &[
                ("category", "cay-gay-do"),
                ("commune", "06685"),
                ("street", "Đường Lê Thánh Tông"),
                ("latitude", ""),
                ("longitude", ""),
                (
                    "description",
                    "Cây bàng lớn đổ chắn ngang đường, xe không qua được.",
                ),
            ],
            &[],
        )
        .await;
    let code = filed
        .location()
        .trim_start_matches("/phan-anh/")
        .to_string();
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    act(
        &mut coordinator,
        &code,
        &[("action", "forward"), ("agency", "000.01.40.H34")],
    )
    .await;
    let received: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT received_at FROM field_reports WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let told = |email: &'static str| {
        let pool = app.pool.clone();
        let code = code.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
                 WHERE u.email = $1 AND n.link = '/can-bo/phan-anh/' || $2",
            )
            .bind(email)
            .bind(code)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    // An hour in: nothing to say.
    app.clock().set(received + chrono::Duration::minutes(60));
    let watched = server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    assert_eq!((watched.warned, watched.escalated), (0, 0));
    // In the last quarter: the ward is warned, once.
    app.clock().set(received + chrono::Duration::minutes(100));
    server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(told(WARD_OFFICIAL).await, 1);
    assert_eq!(told(WARD_LEADER).await, 1);
    // Past its time: the leader and the coordinator, once however often
    // the watch runs.
    app.clock().set(received + chrono::Duration::minutes(125));
    let watched = server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(watched.escalated, 1);
    server::field_reports::escalation::watch(&app.state)
        .await
        .unwrap();
    assert_eq!(told(WARD_LEADER).await, 2);
    assert_eq!(told(COORDINATOR).await, 1);
    assert!(coordinator
        .get("/can-bo/phan-anh")
        .await
        .text()
        .contains("Quá hạn"));
}

/// A multipart report post for `cookie`, as parallel tests send it.
fn report_request(cookie: &str, n: usize) -> axum::http::Request<axum::body::Body> {
    let description = format!("Đèn đường số {n} trước chợ bị tắt, cần sửa gấp.");
    let body = multipart_body(
        &[
            ("category", "den-chieu-sang-hong"),
            ("commune", "06685"),
            ("street", "Chợ Hạ Long 1"),
            ("latitude", ""),
            ("longitude", ""),
            ("description", &description),
        ],
        &[],
    );
    axum::http::Request::post("/phan-anh/gui")
        .header(
            "content-type",
            "multipart/form-data; boundary=----motcua-test-form",
        )
        .header("origin", PORTAL)
        .header("sec-fetch-site", "same-origin")
        .header("cookie", cookie)
        .body(axum::body::Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn reports_sent_all_at_once_get_gapless_codes_and_one_account_no_more_than_its_limit() {
    let app = spawn_app().await;
    let citizen = signed_in(&app, CITIZEN).await;
    let cookie = citizen.session_cookie().unwrap();
    // Eight at once from one account: five are taken, three wait.
    let answers = all_at_once(&app, (0..8).map(|n| report_request(&cookie, n)).collect()).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let codes: Vec<String> = sqlx::query_scalar("SELECT code FROM field_reports ORDER BY code")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(codes.len(), 5, "{codes:?}");
    let year = chrono::Utc::now().format("%Y").to_string();
    let expected: Vec<String> = (1..=5).map(|n| format!("PA-{year}-{n:06}")).collect();
    assert_eq!(codes, expected, "numbered from 1 without a gap");
}

#[tokio::test]
async fn steps_sent_twice_at_once_happen_once() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    let other = app.another_citizen().await;
    let neighbour = signed_in(&app, other).await;
    let follow = format!("/phan-anh/{code}/theo-doi");
    let neighbour_cookie = neighbour.session_cookie().unwrap();
    // Following twice at once: one follower, one step in the history.
    all_at_once(
        &app,
        (0..2)
            .map(|n| {
                form_post(
                    &follow,
                    &[("follow", "1")],
                    address(n),
                    Some(&neighbour_cookie),
                )
            })
            .collect(),
    )
    .await;
    let follows: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM field_report_followers f JOIN field_reports r ON r.id = f.report_id WHERE r.code = $1),
                (SELECT count(*) FROM field_report_events e JOIN field_reports r ON r.id = e.report_id
                 WHERE r.code = $1 AND e.kind = 'followed')",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        follows,
        (2, 1),
        "the reporter and the neighbour, followed once"
    );

    let mut coordinator = signed_in(&app, COORDINATOR).await;
    forward_and_answer(&app, &mut coordinator, &code).await;
    // Two coordinators' tabs publish at once: published once, each
    // follower told once.
    let cookie = coordinator.session_cookie().unwrap();
    let handling = format!("/can-bo/phan-anh/{code}");
    let answers = all_at_once(
        &app,
        (0..2)
            .map(|n| {
                form_post(
                    &handling,
                    &[("action", "publish")],
                    address(n),
                    Some(&cookie),
                )
            })
            .collect(),
    )
    .await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (published, told): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM field_report_events e JOIN field_reports r ON r.id = e.report_id
                 WHERE r.code = $1 AND e.kind = 'published'),
                (SELECT count(*) FROM mail_outbox WHERE body_text LIKE '%' || $1 || '%' AND body_text LIKE '%Đã sửa xong%')",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((published, told), (1, 2));
}

#[tokio::test]
async fn two_instances_watching_deadlines_at_once_escalate_a_report_once() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    let due: chrono::DateTime<chrono::Utc> =
        sqlx::query_scalar("SELECT due_at FROM field_reports WHERE code = $1")
            .bind(&code)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.clock().set(due + chrono::Duration::minutes(1));
    let (first, second) = tokio::join!(
        server::field_reports::escalation::watch(&app.state),
        server::field_reports::escalation::watch(&app.state)
    );
    assert_eq!(first.unwrap().escalated + second.unwrap().escalated, 1);
    let escalations: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM field_report_events e JOIN field_reports r ON r.id = e.report_id
         WHERE r.code = $1 AND e.kind = 'escalated'",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(escalations, 1);
}

/// The field reports' settings form with `days`, the map left as the
/// demo has it.
fn reopen_days(days: &str) -> [(&str, &str); 6] {
    [
        ("report_reopen_days", days),
        ("map_tile_url", ""),
        ("map_attribution", ""),
        ("map_centre_latitude", "20.9517"),
        ("map_centre_longitude", "107.0806"),
        ("map_zoom", "13"),
    ]
}

#[tokio::test]
async fn the_province_sets_how_long_a_report_may_be_reopened() {
    let app = spawn_app().await;
    let mut admin = signed_in(&app, "quantri@motcua.example").await;
    // Out of range: refused with what was typed, nothing changed.
    let refused = admin
        .post("/quan-tri/cai-dat/phan-anh", &reopen_days("0"))
        .await;
    assert_eq!(refused.location(), "/quan-tri/cai-dat#phan-anh");
    let page = admin.get("/quan-tri/cai-dat").await.text();
    assert!(page.contains("Nhập số ngày từ 1 đến 60"), "{page}");
    let days = |pool: sqlx::PgPool| async move {
        sqlx::query_scalar::<_, i32>("SELECT report_reopen_days FROM portal_settings")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    assert_eq!(days(app.pool.clone()).await, 7);
    // The coordinator handles reports but does not set the province's rules.
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let denied = coordinator
        .post("/quan-tri/cai-dat/phan-anh", &reopen_days("30"))
        .await;
    assert_eq!(denied.status.as_u16(), 403);
    admin
        .post("/quan-tri/cai-dat/phan-anh", &reopen_days("3"))
        .await;
    assert_eq!(days(app.pool.clone()).await, 3);
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'settings_updated'
         AND detail -> 'after' ->> 'report_reopen_days' = '3'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 1);

    // A report published now may be reopened for three days, not four.
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_light_report(&mut citizen, &jpeg(), true).await;
    forward_and_answer(&app, &mut coordinator, &code).await;
    act(&mut coordinator, &code, &[("action", "publish")]).await;
    app.clock()
        .set(chrono::Utc::now() + chrono::Duration::days(4));
    citizen
        .post(
            &format!("/phan-anh/{code}/phan-anh-lai"),
            &[("reason", "Vẫn chưa sáng.")],
        )
        .await;
    assert_eq!(status(&app, &code).await, "resolved");
}
