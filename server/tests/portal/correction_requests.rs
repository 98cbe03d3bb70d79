//! Asking for one's data to be corrected, written from the rule (Law
//! 91/2025/QH15, the right to correction; issue 22 item 6): a citizen asks
//! about their account or one of their own dossiers; the province's
//! administrators answer account requests, administrators reaching the
//! dossier's agency answer dossier requests, and nobody else sees them;
//! a refusal says why; a request is answered once, however many answer at
//! once; the person sees the answer and is notified; open requests are
//! capped, under parallel posts too.

use crate::support;

use support::back_office::{administrator_elsewhere, filed, signed_in, PASSWORD};
use support::browser::Browser;
use support::parallel::{address, all_at_once, form_post};
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
const ADMIN: &str = "quantri@motcua.example";
const ASK: &str = "/tai-khoan/du-lieu/yeu-cau-chinh-sua";

async fn requests(app: &TestApp) -> Vec<(i64, String, String)> {
    sqlx::query_as("SELECT id, about, status FROM correction_requests ORDER BY id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_account_request_is_answered_by_the_province_and_the_answer_reaches_the_citizen() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let empty = citizen
        .post(ASK, &[("about", "account"), ("details", "  ")])
        .await;
    assert_eq!(empty.location(), "/tai-khoan/du-lieu#data-correct");
    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(
        page.contains("Hãy ghi rõ thông tin nào chưa đúng"),
        "{page}"
    );
    assert!(requests(&app).await.is_empty());

    citizen
        .post(
            ASK,
            &[
                ("about", "account"),
                (
                    "details",
                    "Ngày sinh đúng là 13/05/1990, không phải 12/05/1990.",
                ),
            ],
        )
        .await;
    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(page.contains("Đã gửi yêu cầu chỉnh sửa"));
    assert!(
        page.contains("Đang xem xét") && page.contains("Ngày sinh đúng là 13/05/1990"),
        "{page}"
    );
    let id = requests(&app).await[0].0;

    // A citizen cannot answer, nor see the queue.
    let refused = citizen
        .post(
            &format!("/quan-tri/yeu-cau-chinh-sua/{id}"),
            &[("outcome", "corrected")],
        )
        .await;
    assert_eq!(refused.status, 403);

    let mut admin = signed_in(&app, ADMIN).await;
    let queue = admin.get("/quan-tri/yeu-cau-chinh-sua").await.text();
    assert!(
        queue.contains("Vũ Thị Công Dân (CCCD …1234)"),
        "the CCCD masked: {queue}"
    );
    assert!(!queue.contains("022190001234"));
    let answer = format!("/quan-tri/yeu-cau-chinh-sua/{id}");
    admin
        .post(&answer, &[("outcome", "refused"), ("answer", "")])
        .await;
    assert!(admin
        .get("/quan-tri/yeu-cau-chinh-sua")
        .await
        .text()
        .contains("Hãy ghi lý do không chỉnh sửa"));
    admin
        .post(
            &answer,
            &[
                ("outcome", "refused"),
                (
                    "answer",
                    "Giấy khai sinh ghi ngày 12/05/1990; hãy mang bản chính đến bộ phận một cửa.",
                ),
            ],
        )
        .await;
    assert!(admin
        .get("/quan-tri/yeu-cau-chinh-sua")
        .await
        .text()
        .contains("Không có yêu cầu nào đang chờ"));
    admin.post(&answer, &[("outcome", "corrected")]).await;
    assert_eq!(requests(&app).await[0].2, "refused", "answered once");

    let page = citizen.get("/tai-khoan/du-lieu").await.text();
    assert!(
        page.contains("Không chỉnh sửa") && page.contains("Giấy khai sinh ghi ngày 12/05/1990"),
        "{page}"
    );
    let notified: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.user_id
         WHERE u.email = $1 AND n.title = 'Yêu cầu chỉnh sửa dữ liệu đã có trả lời'",
    )
    .bind(CITIZEN)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(notified, 1);
}

#[tokio::test]
async fn a_dossier_request_names_only_ones_own_dossier_and_reaches_only_its_agency() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let other = app.another_citizen().await;
    let mut stranger = signed_in(&app, other).await;
    stranger
        .post(
            ASK,
            &[
                ("about", "dossier"),
                ("dossier_code", &code),
                ("details", "Sai tên mẹ."),
            ],
        )
        .await;
    let page = stranger.get("/tai-khoan/du-lieu").await.text();
    assert!(
        page.contains("Không tìm thấy hồ sơ có mã này trong các hồ sơ của bạn"),
        "{page}"
    );
    assert!(
        requests(&app).await.is_empty(),
        "another's dossier is not named"
    );

    let mut citizen = signed_in(&app, CITIZEN).await;
    citizen
        .post(
            ASK,
            &[
                ("about", "dossier"),
                ("dossier_code", &code),
                ("details", "Tên mẹ viết sai dấu."),
            ],
        )
        .await;
    let id = requests(&app).await[0].0;
    assert!(citizen
        .get("/tai-khoan/du-lieu")
        .await
        .text()
        .contains(&code));

    let elsewhere = administrator_elsewhere(&app).await;
    let mut far = Browser::new(&app);
    far.sign_in(elsewhere, PASSWORD).await;
    assert!(!far
        .get("/quan-tri/yeu-cau-chinh-sua")
        .await
        .text()
        .contains("Tên mẹ viết sai dấu"));
    let out_of_reach = far
        .post(
            &format!("/quan-tri/yeu-cau-chinh-sua/{id}"),
            &[("outcome", "corrected")],
        )
        .await;
    assert_eq!(out_of_reach.status, 404, "out of reach, and told nothing");
    assert_eq!(requests(&app).await[0].2, "open");

    let mut admin = signed_in(&app, ADMIN).await;
    assert!(admin
        .get("/quan-tri/yeu-cau-chinh-sua")
        .await
        .text()
        .contains("Tên mẹ viết sai dấu"));
    admin
        .post(
            &format!("/quan-tri/yeu-cau-chinh-sua/{id}"),
            &[("outcome", "corrected"), ("answer", "")],
        )
        .await;
    assert_eq!(requests(&app).await[0].2, "corrected");
}

#[tokio::test]
async fn open_requests_are_capped_even_when_sent_at_once() {
    let app = spawn_app().await;
    let citizen = signed_in(&app, CITIZEN).await;
    let cookie = citizen.session_cookie().unwrap();
    let posts = (0..12)
        .map(|n| {
            form_post(
                ASK,
                &[
                    ("about", "account"),
                    ("details", &format!("Yêu cầu số {n}")),
                ],
                address(9),
                Some(&cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, posts).await;
    assert!(
        answers.iter().all(|(status, _)| *status == 303),
        "{answers:?}"
    );
    assert_eq!(
        requests(&app).await.len() as i64,
        app::accounts::corrections::MAX_OPEN,
        "five open at most"
    );
}

#[tokio::test]
async fn two_administrators_answering_at_once_make_one_answer() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    citizen
        .post(
            ASK,
            &[("about", "account"), ("details", "Họ tên thiếu dấu.")],
        )
        .await;
    let id = requests(&app).await[0].0;
    let answer = format!("/quan-tri/yeu-cau-chinh-sua/{id}");
    let first = signed_in(&app, ADMIN).await.session_cookie().unwrap();
    let second = signed_in(&app, "kiemduyet@motcua.example")
        .await
        .session_cookie()
        .unwrap();
    let posts = [(&first, "corrected"), (&second, "refused")]
        .into_iter()
        .cycle()
        .take(6)
        .map(|(cookie, outcome)| {
            form_post(
                &answer,
                &[("outcome", outcome), ("answer", "Đã xem xét.")],
                address(11),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, posts).await;
    assert!(
        answers.iter().all(|(status, _)| *status == 303),
        "{answers:?}"
    );
    let answered: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM audit_log WHERE action = 'correction_answered'),
                (SELECT count(*) FROM notifications WHERE title = 'Yêu cầu chỉnh sửa dữ liệu đã có trả lời')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(answered, (1, 1), "one answer, one notification");
}
