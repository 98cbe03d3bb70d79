//! Procedure versions as content: a draft copied from the version in force,
//! edited, published by a second administrator (never its author), in force
//! from its effective date; online filing suspended with a reason.

use crate::support;

use support::browser::Browser;
use support::{spawn_app, TestApp};

pub(crate) const AUTHOR: &str = "quantri@motcua.example";
pub(crate) const REVIEWER: &str = "kiemduyet@motcua.example";
/// "Tách hộ" and its administration page.
const CODE: &str = "1.010038";
pub(crate) const ADMIN_PAGE: &str = "/quan-tri/thu-tuc/1.010038";

pub(crate) async fn signed_in<'a>(app: &'a TestApp, email: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser.sign_in(email, "Demo@12345").await;
    browser
}

/// The draft's fields as the editor posts them, with `days` working days.
pub(crate) fn draft_fields(days: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("name", "Tách hộ"),
        ("description", ""),
        ("sector", "CU_TRU"),
        ("level", "commune"),
        ("agency", ""),
        ("time_unit", "working_days"),
        ("time_value", days),
        ("cutoff", ""),
        ("online_level", "full"),
        ("channel.online", "on"),
        ("channel.counter", "on"),
        ("channel.post", "on"),
        (
            "result_type",
            "Thông tin về cư trú được cập nhật trong Cơ sở dữ liệu về cư trú",
        ),
        ("requirements", ""),
        ("legal_basis", "Luật Cư trú 2020\nNghị định 154/2024/NĐ-CP"),
        ("documents", "2"),
        (
            "document.0.name",
            "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        ),
        ("document.0.originals", "1"),
        ("document.0.copies", "0"),
        ("document.0.mandatory", "on"),
        ("document.1.name", "Văn bản đồng ý của chủ hộ"),
        ("document.1.originals", "1"),
        ("document.1.copies", "0"),
        ("fees", "1"),
        ("fee.0.kind", "le_phi"),
        ("fee.0.description", "Lệ phí tách hộ (nộp trực tuyến)"),
        ("fee.0.amount_vnd", "5000"),
        ("payment_due", "submission"),
        // 24 working hours after acceptance: within three working days.
        ("steps", "4"),
        ("step.0.stage", "reception"),
        ("step.0.name", "Tiếp nhận hồ sơ"),
        ("step.0.budget_hours", "8"),
        ("step.1.stage", "processing"),
        ("step.1.name", "Thẩm định hồ sơ"),
        ("step.1.budget_hours", "16"),
        ("step.2.stage", "approval"),
        ("step.2.name", "Phê duyệt"),
        ("step.2.budget_hours", "4"),
        ("step.3.stage", "return"),
        ("step.3.name", "Trả kết quả"),
        ("step.3.budget_hours", "4"),
    ]
}

async fn versions(app: &TestApp) -> Vec<(i32, bool, String)> {
    sqlx::query_as(
        "SELECT v.version, v.published_at IS NOT NULL, to_char(v.effective_from, 'YYYY-MM-DD')
         FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id
         WHERE p.code = $1 ORDER BY v.version",
    )
    .bind(CODE)
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

async fn current_version(app: &TestApp) -> i32 {
    sqlx::query_scalar(
        "SELECT c.version FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id WHERE p.code = $1",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_draft_is_published_by_a_second_administrator_never_by_its_author() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let saved = author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &draft_fields("3"))
        .await;
    assert_eq!(saved.location(), ADMIN_PAGE);
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(page.contains("Đã lưu bản nháp."), "{page}");
    assert!(
        page.contains("Thay đổi so với phiên bản đang áp dụng"),
        "{page}"
    );
    assert!(
        page.contains("3 ngày làm việc"),
        "the changes show the new time: {page}"
    );
    assert!(
        page.contains("Văn bản đồng ý của chủ hộ (1 bản chính, 0 bản sao)"),
        "and the added document: {page}"
    );
    assert!(
        page.contains("một quản trị viên khác phải xuất bản"),
        "{page}"
    );

    // Forcing the author's own publication is refused.
    author
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(page.contains("nguyên tắc bốn mắt"), "{page}");
    assert_eq!(current_version(&app).await, 1);

    let mut reviewer = signed_in(&app, REVIEWER).await;
    let published = reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    assert_eq!(published.location(), ADMIN_PAGE);
    assert_eq!(current_version(&app).await, 2, "in force from today");
    let public = reviewer.get(&format!("/thu-tuc/{CODE}")).await.text();
    assert!(public.contains("Văn bản đồng ý của chủ hộ"), "{public}");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('procedure_draft_created', 'procedure_draft_saved', 'procedure_version_published')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(audited, 3);
}

#[tokio::test]
async fn a_version_published_for_a_later_day_applies_from_that_day_only() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &draft_fields("3"))
        .await;
    let mut reviewer = signed_in(&app, REVIEWER).await;
    let tomorrow = (app.clock().today_in_vietnam() + chrono::Days::new(1))
        .format("%d/%m/%Y")
        .to_string();
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", &tomorrow)],
        )
        .await;
    let page = reviewer.get(ADMIN_PAGE).await.text();
    assert!(page.contains("Chờ hiệu lực"), "{page}");
    assert_eq!(
        current_version(&app).await,
        1,
        "the day before: the old version"
    );
    let public = reviewer.get(&format!("/thu-tuc/{CODE}")).await.text();
    assert!(!public.contains("Văn bản đồng ý của chủ hộ"), "{public}");

    // The day comes.
    sqlx::query("UPDATE procedure_versions SET effective_from = effective_from - 1 WHERE published_at IS NOT NULL AND version = 2")
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        current_version(&app).await,
        2,
        "from its day: the new version"
    );

    // A day in the past is refused.
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "01/01/2020")],
        )
        .await;
    let page = reviewer.get(ADMIN_PAGE).await.text();
    assert!(
        page.contains("Ngày hiệu lực không được trước hôm nay."),
        "{page}"
    );
}

#[tokio::test]
async fn administrators_starting_drafts_at_once_get_one_draft() {
    let app = spawn_app().await;
    let mut a = signed_in(&app, AUTHOR).await;
    let mut b = signed_in(&app, REVIEWER).await;
    let mut c = signed_in(&app, AUTHOR).await;
    let mut d = signed_in(&app, REVIEWER).await;
    let uri = format!("{ADMIN_PAGE}/ban-nhap");
    let (one, two, three, four) = tokio::join!(
        a.post(&uri, &[]),
        b.post(&uri, &[]),
        c.post(&uri, &[]),
        d.post(&uri, &[])
    );
    for response in [one, two, three, four] {
        assert_eq!(response.status, 303);
    }
    let drafts = versions(&app)
        .await
        .iter()
        .filter(|(_, published, _)| !published)
        .count();
    assert_eq!(drafts, 1);
}

#[tokio::test]
async fn a_refused_draft_keeps_what_was_typed_and_says_what_is_wrong() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let mut fields = draft_fields("400");
    fields[0] = ("name", "");
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &fields)
        .await;
    let page = author.get(ADMIN_PAGE).await;
    let text = page.text();
    assert!(text.contains("Không được để trống."), "{text}");
    assert!(text.contains("Nhập số từ 1 đến 365"), "{text}");
    assert!(
        page.body.contains("value=\"400\""),
        "what was typed is kept"
    );
    assert!(
        page.body.contains("Văn bản đồng ý của chủ hộ"),
        "the added row is kept"
    );
}

#[tokio::test]
async fn suspended_online_filing_is_explained_to_citizens_and_closed() {
    let app = spawn_app().await;
    let mut admin = signed_in(&app, AUTHOR).await;
    admin
        .post(
            &format!("{ADMIN_PAGE}/tam-dung"),
            &[("reason", "Đang cập nhật mẫu tờ khai mới")],
        )
        .await;
    let mut citizen = signed_in(&app, "congdan@motcua.example").await;
    let page = citizen.get(&format!("/thu-tuc/{CODE}")).await;
    assert!(page
        .text()
        .contains("Tạm dừng nộp hồ sơ trực tuyến: Đang cập nhật mẫu tờ khai mới"));
    assert!(!page.body.contains(&format!("href=\"/nop-ho-so/{CODE}\"")));
    // A link kept from before explains itself instead of "not found", and
    // offers no form.
    let filing = citizen.get(&format!("/nop-ho-so/{CODE}")).await;
    assert!(
        filing
            .text()
            .contains("Tạm dừng nộp hồ sơ trực tuyến: Đang cập nhật mẫu tờ khai mới"),
        "{}",
        filing.text()
    );
    assert!(!filing.body.contains("id=\"filing-form\""));
    assert!(filing.body.contains(&format!("href=\"/thu-tuc/{CODE}\"")));
    assert_eq!(
        citizen.get("/nop-ho-so/9.999999").await.status,
        404,
        "a procedure that does not exist is still not found"
    );

    admin
        .post(&format!("{ADMIN_PAGE}/tam-dung"), &[("resume", "1")])
        .await;
    assert_eq!(citizen.get(&format!("/nop-ho-so/{CODE}")).await.status, 200);
}

#[tokio::test]
async fn only_the_provinces_administrators_change_procedures() {
    let app = spawn_app().await;
    for email in [
        "quanly@motcua.example",
        "tiepnhan@motcua.example",
        "congdan@motcua.example",
    ] {
        let mut browser = signed_in(&app, email).await;
        let response = browser.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
        assert_eq!(response.status, 403, "{email}");
    }
    assert_eq!(versions(&app).await.len(), 1);
}

#[tokio::test]
async fn an_emptied_row_leaves_the_messages_of_the_rows_after_it_in_place() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let mut fields: Vec<(&str, &str)> = draft_fields("5")
        .into_iter()
        .filter(|(name, _)| !name.starts_with("document"))
        .collect();
    // The second document emptied (dropped), the third wrong.
    fields.extend([
        ("documents", "3"),
        (
            "document.0.name",
            "Tờ khai thay đổi thông tin cư trú (Mẫu CT01)",
        ),
        ("document.0.originals", "1"),
        ("document.0.copies", "0"),
        ("document.1.name", ""),
        ("document.1.originals", "1"),
        ("document.1.copies", "0"),
        ("document.2.name", "Văn bản đồng ý của chủ hộ"),
        ("document.2.originals", "1"),
        ("document.2.copies", "nhiều"),
    ]);
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &fields)
        .await;
    let page = author.get(ADMIN_PAGE).await;
    // Each row's message is written at the top of its row (and listed in
    // the summary above the form).
    let at = |needle: &str| {
        page.body
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {}", page.body))
    };
    let message = at("<p class=\"error-message\">Số bản từ 0 đến 20.");
    assert!(
        at("name=\"document.1.name\"") < message && message < at("name=\"document.2.name\""),
        "the message stands by the row that is wrong, not by the emptied one before it"
    );
    assert!(
        page.body.contains("value=\"nhiều\""),
        "what was typed is kept"
    );
}
