//! A paged e-form, without JavaScript: one question page at a time, the
//! next page worked out on the server from all the answers (a route skips
//! a page, an exit page ends the form), each page's answers kept in the
//! draft and changed only by that page, then the filing's own part; a
//! procedure version chooses the form in the editor and is published by a
//! second administrator.

use crate::eform_builder::DESIGNER;
use crate::procedure_versions::{draft_fields, signed_in, ADMIN_PAGE, AUTHOR, REVIEWER};
use crate::support;
use support::back_office::CITIZEN;
use support::spawn_app;

pub const FILING: &str = "/nop-ho-so/1.010038";

fn paged_form() -> String {
    let text = |name: &str, vi: &str| serde_json::json!({ "name": name, "label": { "vi": vi, "en": vi }, "type": "text", "required": true });
    serde_json::json!({ "paged": true, "sections": [
        { "key": "ai-nop", "title": { "vi": "Người nộp", "en": "Applicant" },
          "fields": [ text("applicant_name", "Họ và tên người nộp"),
            { "name": "reason", "label": { "vi": "Lý do tách hộ", "en": "Reason" }, "type": "radio", "required": true,
              "options": [ { "value": "marriage", "label": { "vi": "Kết hôn", "en": "Marriage" } },
                           { "value": "other", "label": { "vi": "Lý do khác", "en": "Other" } },
                           { "value": "abroad", "label": { "vi": "Đang ở nước ngoài", "en": "Abroad" } } ] } ],
          "rules": [
            { "when": { "field": "reason", "value": "marriage" }, "then": [ { "action": "skip_to", "page": "noi-o-moi" } ] },
            { "when": { "field": "reason", "value": "abroad" }, "then": [ { "action": "exit_to", "page": "khong-nop" } ] } ] },
        { "key": "ly-do-khac", "title": { "vi": "Lý do khác", "en": "Other reason" },
          "fields": [ text("other_reason", "Trình bày lý do") ] },
        { "key": "noi-o-moi", "title": { "vi": "Nơi ở mới", "en": "New home" },
          "fields": [ text("new_home", "Địa chỉ chỗ ở mới") ] },
        { "key": "cam-doan", "title": { "vi": "Cam đoan", "en": "Declaration" },
          "fields": [ { "name": "oath", "label": { "vi": "Tôi cam đoan", "en": "I declare" }, "type": "checkbox",
                        "required": true, "declaration": true } ] },
        { "key": "khong-nop", "exit": true, "title": { "vi": "Nộp tại cơ quan đại diện ở nước ngoài", "en": "File abroad" },
          "fields": [ { "name": "why", "label": { "vi": "Vì sao", "en": "Why" }, "type": "statement",
                        "text": { "vi": "Người đang ở nước ngoài nộp tại cơ quan đại diện.", "en": "File at the mission." } } ] }
    ] })
    .to_string()
}

/// The form designed, published, and chosen by "Tách hộ" from today.
async fn in_force(app: &support::TestApp) {
    put_in_force(app, "tach-ho-theo-trang", &paged_form()).await;
}

/// A form `code` with `definition`, designed, published by a second
/// person, and chosen by "Tách hộ" (`1.010038`) from today.
pub async fn put_in_force(app: &support::TestApp, code: &str, definition: &str) {
    let form = format!("/quan-tri/bieu-mau/{code}");
    let mut designer = signed_in(app, DESIGNER).await;
    designer
        .post(
            "/quan-tri/bieu-mau",
            &[
                ("code", code),
                ("title", "Tờ khai tách hộ"),
                ("owner", ""),
                ("copy_from", ""),
            ],
        )
        .await;
    designer
        .post(&format!("{form}/ban-nhap"), &[("definition", definition)])
        .await;
    let mut admin = signed_in(app, AUTHOR).await;
    admin.post(&format!("{form}/xuat-ban"), &[]).await;
    admin.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let mut fields = draft_fields("3");
    fields.push(("form", code));
    let saved = admin
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &fields)
        .await;
    assert_eq!(saved.location(), ADMIN_PAGE);
    let mut reviewer = signed_in(app, REVIEWER).await;
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    let linked = sqlx::query_scalar!(
        r#"SELECT f.code AS "code?" FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
           LEFT JOIN forms f ON f.id = c.form_id WHERE p.code = '1.010038'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(linked.as_deref(), Some(code));
}

#[tokio::test]
async fn pages_follow_the_answers_and_keep_each_pages_answers() {
    let app = spawn_app().await;
    in_force(&app).await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let first = citizen.get(FILING).await.text();
    assert!(
        first.contains("Bước 1 trên 4"),
        "every page until the answers skip one: {first}"
    );
    assert!(first.contains("Họ và tên người nộp") && !first.contains("Địa chỉ chỗ ở mới"));

    // Nothing chosen: the page's own problems, and back to it.
    let refused = citizen
        .post(
            FILING,
            &[
                ("page", "ai-nop"),
                ("action", "next"),
                ("applicant_name", "Vũ Thị Công Dân"),
            ],
        )
        .await;
    assert_eq!(refused.location(), format!("{FILING}?trang=ai-nop"));
    let page = citizen.get(&refused.location()).await.text();
    assert!(page.contains("Chọn lý do tách hộ"), "{page}");

    // Marriage skips "Lý do khác".
    let next = citizen
        .post(
            FILING,
            &[
                ("page", "ai-nop"),
                ("action", "next"),
                ("applicant_name", "Vũ Thị Công Dân"),
                ("reason", "marriage"),
            ],
        )
        .await;
    assert_eq!(next.location(), format!("{FILING}?trang=noi-o-moi"));
    let page = citizen.get(&next.location()).await.text();
    assert!(
        page.contains("Bước 2 trên 3") && page.contains("Địa chỉ chỗ ở mới"),
        "{page}"
    );

    // A page cannot change another's answers.
    let last = citizen
        .post(
            FILING,
            &[
                ("page", "noi-o-moi"),
                ("action", "next"),
                ("new_home", "Số 5, phố Lê Thánh Tông"),
                ("applicant_name", "Forged"),
            ],
        )
        .await;
    assert_eq!(last.location(), format!("{FILING}?trang=ho-so"));
    let stored = sqlx::query_scalar!(
        r#"SELECT d.form_data AS "answers!" FROM dossiers d JOIN users u ON u.id = d.applicant_id
           WHERE u.email = $1 AND d.status = 'draft'"#,
        CITIZEN
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored["applicant_name"], "Vũ Thị Công Dân");
    assert_eq!(stored["new_home"], "Số 5, phố Lê Thánh Tông");
    assert_eq!(stored["reason"], "marriage");

    let own = citizen.get(&last.location()).await.text();
    assert!(
        own.contains("Bước 3 trên 3") && own.contains("Tôi cam đoan"),
        "{own}"
    );
    assert!(
        !own.contains("Trình bày lý do"),
        "no questions on the filing's own part"
    );
}

#[tokio::test]
async fn an_exit_page_ends_the_form_with_its_reason() {
    let app = spawn_app().await;
    in_force(&app).await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let next = citizen
        .post(
            FILING,
            &[
                ("page", "ai-nop"),
                ("action", "next"),
                ("applicant_name", "Vũ Thị Công Dân"),
                ("reason", "abroad"),
            ],
        )
        .await;
    assert_eq!(next.location(), format!("{FILING}?trang=ho-so"));
    let response = citizen.get(&next.location()).await;
    let page = response.text();
    assert!(
        page.contains("Nộp tại cơ quan đại diện ở nước ngoài"),
        "{page}"
    );
    assert!(page.contains("Người đang ở nước ngoài nộp tại cơ quan đại diện."));
    assert!(
        !response.body.contains("value=\"review\""),
        "no way on to the check page"
    );
    // Sending anyway is refused by the server.
    let forced = citizen
        .post(
            &format!("{FILING}?trang=ho-so"),
            &[
                ("action", "review"),
                ("oath", "on"),
                ("agency", "000.01.40.H34"),
            ],
        )
        .await;
    assert!(
        !forced.location().contains("kiem-tra"),
        "{}",
        forced.location()
    );
}
