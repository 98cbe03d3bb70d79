//! The e-form builder, as its rules say: a designer drafts a form, someone
//! else publishes it (never its author, and two publications at once make
//! one version); published versions never change; a test submission is
//! checked like a filing — per-item rules, hidden answers dropped — and
//! stored nowhere; someone else's form is a missing one; every save can be
//! restored, and a form goes out and comes back as a JSON file.

use crate::procedure_versions::{signed_in, AUTHOR, REVIEWER};
use crate::support;
use support::back_office::{CITIZEN, RECEPTION};
use support::parallel::{address, all_at_once, form_post};
use support::spawn_app;

pub(crate) const DESIGNER: &str = "thietke@motcua.example";
const CODE: &str = "to-khai-ho-gia-dinh";
pub(crate) const PAGE: &str = "/quan-tri/bieu-mau/to-khai-ho-gia-dinh";

/// Members of a household; a member under 14 is asked their school, and
/// must name it; a guardian is required when any member is under 14.
pub(crate) fn household_form(label: &str) -> String {
    serde_json::json!({ "sections": [
        { "title": { "vi": "Hộ gia đình", "en": "Household" }, "fields": [
            { "name": "members", "label": { "vi": label, "en": "Members" }, "type": "group",
              "item_label": { "vi": "Thành viên", "en": "Member" }, "min_items": 1, "max_items": 4,
              "fields": [
                { "name": "full_name", "label": { "vi": "Họ và tên", "en": "Full name" }, "type": "text", "required": true },
                { "name": "born", "label": { "vi": "Ngày sinh", "en": "Date of birth" }, "type": "date", "required": true },
                { "name": "school", "label": { "vi": "Trường đang học", "en": "School" }, "type": "text" } ],
              "rules": [ { "when": { "field": "born", "op": "lt", "value": 14, "age": true },
                           "then": [ { "action": "show", "field": "school" },
                                     { "action": "require", "field": "school" },
                                     { "action": "require", "field": "guardian" } ] } ] },
            { "name": "guardian", "label": { "vi": "Người giám hộ", "en": "Guardian" }, "type": "text" }
        ] },
        { "title": { "vi": "Cam đoan", "en": "Declaration" }, "fields": [
            { "name": "oath", "label": { "vi": "Tôi cam đoan", "en": "I declare" }, "type": "checkbox",
              "required": true, "declaration": true } ] }
    ] })
    .to_string()
}

/// The designer's new form with the household draft saved.
pub(crate) async fn drafted(app: &support::TestApp) {
    let mut designer = signed_in(app, DESIGNER).await;
    let created = designer
        .post(
            "/quan-tri/bieu-mau",
            &[
                ("code", CODE),
                ("title", "Tờ khai hộ gia đình"),
                ("owner", ""),
                ("copy_from", ""),
            ],
        )
        .await;
    assert_eq!(created.location(), PAGE);
    let saved = designer
        .post(
            &format!("{PAGE}/ban-nhap"),
            &[("definition", &household_form("Thành viên hộ"))],
        )
        .await;
    assert_eq!(saved.location(), PAGE);
    let page = designer.get(PAGE).await.text();
    assert!(page.contains("Bản nháp đã qua mọi bước kiểm tra"), "{page}");
}

#[tokio::test]
async fn a_designer_drafts_a_form_that_only_someone_else_publishes() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut designer = signed_in(&app, DESIGNER).await;
    designer.post(&format!("{PAGE}/xuat-ban"), &[]).await;
    let page = designer.get(PAGE).await.text();
    assert!(
        page.contains("cần một người khác xuất bản"),
        "the author cannot publish"
    );
    let mut reviewer = signed_in(&app, AUTHOR).await;
    reviewer.post(&format!("{PAGE}/xuat-ban"), &[]).await;
    let page = reviewer.get(PAGE).await.text();
    assert!(page.contains("Đã xuất bản phiên bản 1"), "{page}");
    let version = sqlx::query!(
        r#"SELECT v.number, w.email AS "written_by?", p.email AS "published_by?"
           FROM form_versions v JOIN forms f ON f.id = v.form_id
           LEFT JOIN users w ON w.id = v.written_by LEFT JOIN users p ON p.id = v.published_by
           WHERE f.code = $1"#,
        CODE
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        (
            version.number,
            version.written_by.as_deref(),
            version.published_by.as_deref()
        ),
        (1, Some(DESIGNER), Some(AUTHOR))
    );
    let changed = sqlx::query!(
        "UPDATE form_versions SET definition = '{}' WHERE number = 1 AND form_id = (SELECT id FROM forms WHERE code = $1)",
        CODE
    )
    .execute(&app.pool)
    .await;
    assert!(changed.is_err(), "a published version never changes");
}

#[tokio::test]
async fn two_reviewers_publishing_at_once_make_one_version() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut cookies = Vec::new();
    for email in [AUTHOR, REVIEWER, AUTHOR, REVIEWER] {
        cookies.push(signed_in(&app, email).await.session_cookie().unwrap());
    }
    let publish = format!("{PAGE}/xuat-ban");
    let requests = cookies
        .iter()
        .enumerate()
        .map(|(n, cookie)| form_post(&publish, &[], address(n as u16), Some(cookie)))
        .collect();
    let answers = all_at_once(&app, requests).await;
    let statuses: Vec<u16> = answers.iter().map(|(status, _)| status.as_u16()).collect();
    assert!(statuses.iter().all(|status| *status == 303), "{statuses:?}");
    let versions = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE f.code = $1"#,
        CODE
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions, 1, "the draft is published once");
}

#[tokio::test]
async fn a_test_submission_applies_rules_per_member_and_keeps_only_what_is_asked() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut designer = signed_in(&app, DESIGNER).await;
    let preview = format!("{PAGE}/xem-truoc");
    let child = [
        ("members.items", "2"),
        ("members.0.full_name", "Nguyễn Văn Cha"),
        ("members.0.born", "01/01/1980"),
        ("members.0.school", "Đại học Hạ Long"),
        ("members.1.full_name", "Nguyễn Văn Con"),
        ("members.1.born", "01/01/2018"),
        ("oath", "on"),
        ("action", "try"),
    ];
    let tried = designer.post(&format!("{PAGE}/thu-nop"), &child).await;
    assert_eq!(tried.location(), preview);
    let page = designer.get(&preview).await.text();
    assert!(
        page.contains("Thành viên 2: Nhập trường đang học"),
        "the child's school: {page}"
    );
    assert!(
        !page.contains("Thành viên 1: Nhập trường"),
        "not the adult's"
    );
    assert!(
        page.contains("Nhập người giám hộ"),
        "a guardian for a household with a child"
    );
    assert!(!page.contains("Bài nộp thử hợp lệ"));

    let adults = [
        ("members.items", "1"),
        ("members.0.full_name", "Nguyễn Văn Cha"),
        ("members.0.born", "01/01/1980"),
        ("members.0.school", "typed before the date of birth"),
        ("oath", "on"),
        ("action", "try"),
    ];
    designer.post(&format!("{PAGE}/thu-nop"), &adults).await;
    let page = designer.get(&preview).await.body;
    assert!(page.contains("Bài nộp thử hợp lệ"), "{page}");
    let kept = page
        .split("Bài nộp thử hợp lệ")
        .nth(1)
        .unwrap()
        .split("</section>")
        .next()
        .unwrap();
    assert!(kept.contains("Nguyễn Văn Cha"));
    assert!(
        !kept.contains("typed before"),
        "an adult's school is not kept"
    );
    let dossiers = sqlx::query_scalar!(r#"SELECT count(*) AS "count!" FROM dossiers"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let before = dossiers;
    designer.post(&format!("{PAGE}/thu-nop"), &adults).await;
    let after = sqlx::query_scalar!(r#"SELECT count(*) AS "count!" FROM dossiers"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(before, after, "a test submission makes no dossier");
}

#[tokio::test]
async fn a_form_is_missing_to_those_who_do_not_design_it() {
    let app = spawn_app().await;
    drafted(&app).await;
    for email in [CITIZEN, RECEPTION] {
        let mut outsider = signed_in(&app, email).await;
        assert_eq!(outsider.get(PAGE).await.status, 404, "{email}");
        assert_eq!(
            outsider.get(&format!("{PAGE}/json")).await.status,
            404,
            "{email}"
        );
        let publish = outsider.post(&format!("{PAGE}/xuat-ban"), &[]).await;
        assert_eq!(publish.status, 404, "{email}");
        let saved = outsider
            .post(
                &format!("{PAGE}/ban-nhap"),
                &[("definition", &household_form("x"))],
            )
            .await;
        assert_eq!(saved.status, 404, "{email}");
    }
    let versions = sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM form_versions v JOIN forms f ON f.id = v.form_id WHERE f.code = $1"#,
        CODE
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions, 0);
}

#[tokio::test]
async fn every_save_can_be_restored_and_the_form_travels_as_json() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut designer = signed_in(&app, DESIGNER).await;
    let broken = designer
        .post(
            &format!("{PAGE}/ban-nhap"),
            &[("definition", "{ \"sections\": [ oops")],
        )
        .await;
    assert_eq!(broken.location(), PAGE);
    let page = designer.get(PAGE).await.text();
    assert!(
        page.contains("Bản nháp chưa đúng cấu trúc biểu mẫu"),
        "refused with the reason"
    );
    assert!(page.contains("oops"), "and what was typed comes back");

    designer
        .post(
            &format!("{PAGE}/ban-nhap"),
            &[("definition", &household_form("Nhân khẩu"))],
        )
        .await;
    let exported = designer.get(&format!("{PAGE}/json")).await;
    assert!(exported
        .header("content-disposition")
        .contains("to-khai-ho-gia-dinh.json"));
    assert!(exported.text().contains("Nhân khẩu"));

    // Back to the first save of the household.
    let first = sqlx::query_scalar!(
        "SELECT s.id FROM form_saves s JOIN forms f ON f.id = s.form_id
         WHERE f.code = $1 AND s.definition::text LIKE '%Thành viên hộ%' ORDER BY s.id LIMIT 1",
        CODE
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    designer
        .post(
            &format!("{PAGE}/khoi-phuc"),
            &[("save", &first.to_string())],
        )
        .await;
    let restored = designer.get(&format!("{PAGE}/json")).await.text();
    assert!(restored.contains("Thành viên hộ") && !restored.contains("Nhân khẩu"));

    let file = household_form("Từ tệp");
    designer
        .post_multipart(
            &format!("{PAGE}/nhap"),
            &[],
            &[("file", "form.json", file.as_bytes())],
        )
        .await;
    assert!(designer
        .get(&format!("{PAGE}/json"))
        .await
        .text()
        .contains("Từ tệp"));
    let kinds: Vec<String> = sqlx::query_scalar!(
        "SELECT s.kind FROM form_saves s JOIN forms f ON f.id = s.form_id WHERE f.code = $1 ORDER BY s.id",
        CODE
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(kinds, ["created", "saved", "saved", "restored", "imported"]);
}

#[tokio::test]
async fn a_dossier_keeps_the_questions_of_the_version_it_was_filed_with() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let dossier = support::dossiers::submit_birth(&app, &mut citizen).await;
    let old_label = "Họ, chữ đệm, tên người yêu cầu";
    let new_label = "Họ và tên người đi khai sinh";

    let page = "/quan-tri/bieu-mau/to-khai-1-001193";
    let mut designer = signed_in(&app, DESIGNER).await;
    designer
        .post(&format!("{page}/khoi-phuc"), &[("version", "1")])
        .await;
    let draft = designer.get(&format!("{page}/json")).await.text();
    assert!(draft.contains(old_label));
    designer
        .post(
            &format!("{page}/ban-nhap"),
            &[("definition", &draft.replace(old_label, new_label))],
        )
        .await;
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer.post(&format!("{page}/xuat-ban"), &[]).await;
    assert!(reviewer
        .get(page)
        .await
        .text()
        .contains("Đã xuất bản phiên bản 2"));

    let filed = citizen.get(&format!("/ho-so/{dossier}")).await.text();
    assert!(
        filed.contains(old_label),
        "the dossier shows version 1's question"
    );
    assert!(!filed.contains(new_label));
    let filing = citizen.get("/nop-ho-so/1.001193").await.text();
    assert!(
        filing.contains(new_label),
        "new dossiers are filed with version 2"
    );
    let number = sqlx::query_scalar!(
        "SELECT v.number FROM dossiers d JOIN form_versions v ON v.id = d.form_version_id WHERE d.code = $1",
        dossier
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(number, 1);
}

#[tokio::test]
async fn a_draft_begun_on_an_older_version_moves_to_the_new_one_and_says_what_was_dropped() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mut answers = support::dossiers::birth_answers();
    answers.push(("action", "save"));
    citizen.post("/nop-ho-so/1.001193", &answers).await;

    let page = "/quan-tri/bieu-mau/to-khai-1-001193";
    let mut designer = signed_in(&app, DESIGNER).await;
    designer
        .post(&format!("{page}/khoi-phuc"), &[("version", "1")])
        .await;
    designer
        .post(
            &format!("{page}/cau-truc"),
            &[("action", "remove:child_birth_place")],
        )
        .await;
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer.post(&format!("{page}/xuat-ban"), &[]).await;
    assert!(reviewer
        .get(page)
        .await
        .text()
        .contains("Đã xuất bản phiên bản 2"));

    let response = citizen.get("/nop-ho-so/1.001193").await;
    let filing = response.text();
    assert!(filing.contains("Tờ khai đã được cập nhật"), "{filing}");
    // The page as text: the list runs from "đã bỏ:" to the full stop.
    let notice = filing
        .split("đã bỏ:")
        .nth(1)
        .unwrap()
        .split('.')
        .next()
        .unwrap();
    assert_eq!(
        notice.trim(),
        "Nơi sinh",
        "the dropped question is named, no other"
    );
    assert!(
        response.body.contains("Nguyễn Minh Khang"),
        "kept answers stay"
    );
    assert!(
        !response.body.contains("Bệnh viện Bãi Cháy"),
        "the dropped answer is gone"
    );
}

#[tokio::test]
async fn a_code_taken_at_the_same_moment_makes_one_form() {
    let app = spawn_app().await;
    let cookie = signed_in(&app, DESIGNER).await.session_cookie().unwrap();
    let admin = signed_in(&app, AUTHOR).await.session_cookie().unwrap();
    let requests = [&cookie, &admin, &cookie, &admin]
        .iter()
        .enumerate()
        .map(|(n, cookie)| {
            form_post(
                "/quan-tri/bieu-mau",
                &[
                    ("code", CODE),
                    ("title", "Tờ khai hộ gia đình"),
                    ("owner", ""),
                    ("copy_from", ""),
                ],
                address(n as u16),
                Some(cookie),
            )
        })
        .collect();
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.as_u16() == 303));
    let (forms, saves) = sqlx::query_as::<_, (i64, i64)>(
        "SELECT (SELECT count(*) FROM forms WHERE code = $1),
                (SELECT count(*) FROM form_saves s JOIN forms f ON f.id = s.form_id WHERE f.code = $1)",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((forms, saves), (1, 1), "one form, one first save");
    let audited: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'form_created'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(audited, 1);
}
