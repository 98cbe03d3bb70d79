//! Adding a procedure a decision has announced: version 1 is a draft that
//! citizens do not see until a second administrator publishes it.

use crate::procedure_versions::{signed_in, AUTHOR, REVIEWER};
use crate::support;

use support::spawn_app;

const NEW: &str = "/quan-tri/thu-tuc-moi";
const CODE: &str = "1.999001";
const PAGE: &str = "/quan-tri/thu-tuc/1.999001";

fn new_procedure(code: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("code", code),
        ("name", "Đăng ký nuôi chim yến trong nhà"),
        ("sector", "nong-nghiep"),
        ("level", "commune"),
        ("agency", ""),
        ("time_unit", "working_days"),
        ("time_value", "5"),
        ("online_level", "full"),
        ("result_type", "Giấy xác nhận đăng ký nuôi chim yến"),
    ]
}

async fn sector(app: &support::TestApp) -> String {
    sqlx::query_scalar("SELECT code FROM sectors ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_new_procedure_is_seen_by_citizens_only_once_a_second_administrator_publishes_it() {
    let app = spawn_app().await;
    let sector = sector(&app).await;
    let mut author = signed_in(&app, AUTHOR).await;
    assert!(author
        .get("/quan-tri/thu-tuc")
        .await
        .body
        .contains(&format!("href=\"{NEW}\"")));
    let mut fields = new_procedure(CODE);
    fields[2].1 = &sector;
    let created = author.post(NEW, &fields).await;
    assert_eq!(created.location(), PAGE);
    let page = author.get(PAGE).await.text();
    assert!(page.contains("Đã tạo thủ tục."), "{page}");
    assert!(page.contains("Bản nháp phiên bản 1"), "{page}");
    let listed = author
        .get("/quan-tri/thu-tuc?q=chim%20y%E1%BA%BFn")
        .await
        .text();
    assert!(listed.contains("Chưa xuất bản"), "{listed}");

    let mut citizen = signed_in(&app, "congdan@motcua.example").await;
    assert_eq!(citizen.get(&format!("/thu-tuc/{CODE}")).await.status, 404);

    // Every commune receives it, with the default workflow of 5 days.
    let (agencies, budget): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT count(*) FROM procedure_agencies a JOIN procedures p ON p.id = a.procedure_id WHERE p.code = $1),
                (SELECT sum(budget_hours) FILTER (WHERE stage <> 'reception') FROM workflow_steps w
                 JOIN procedure_versions v ON v.id = w.version_id JOIN procedures p ON p.id = v.procedure_id WHERE p.code = $1)",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let communes: i64 = sqlx::query_scalar("SELECT count(*) FROM agencies WHERE kind = 'commune'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!((agencies, budget), (communes, 40));

    // The author cannot publish it; the reviewer can.
    author
        .post(
            &format!("{PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    assert_eq!(citizen.get(&format!("/thu-tuc/{CODE}")).await.status, 404);
    let mut reviewer = signed_in(&app, REVIEWER).await;
    reviewer
        .post(
            &format!("{PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    let public = citizen.get(&format!("/thu-tuc/{CODE}")).await;
    assert_eq!(public.status, 200);
    assert!(public.text().contains("Đăng ký nuôi chim yến trong nhà"));
    assert_eq!(citizen.get(&format!("/nop-ho-so/{CODE}")).await.status, 200);
    let audited: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE action LIKE 'procedure_%' ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        audited,
        ["procedure_created", "procedure_version_published"]
    );
}

#[tokio::test]
async fn a_refused_new_procedure_says_why_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    let mut fields = new_procedure("1.99");
    fields[2].1 = "khong-co";
    fields[3].1 = "province";
    let refused = author.post(NEW, &fields).await;
    assert_eq!(refused.location(), NEW);
    let page = author.get(NEW).await;
    let text = page.text();
    for message in [
        "Nhập mã thủ tục gồm một chữ số, dấu chấm và sáu chữ số",
        "Chọn một mục trong danh sách.",
        "Không được để trống.",
    ] {
        assert!(text.contains(message), "{message}: {text}");
    }
    assert!(page.body.contains("value=\"1.99\""));
    assert!(page
        .body
        .contains("value=\"Đăng ký nuôi chim yến trong nhà\""));
    // An existing code is taken.
    let sector = sector(&app).await;
    let mut taken = new_procedure("1.010038");
    taken[2].1 = &sector;
    author.post(NEW, &taken).await;
    assert!(author
        .get(NEW)
        .await
        .text()
        .contains("Đã có thủ tục mang mã này."));
}

#[tokio::test]
async fn administrators_adding_the_same_code_at_once_get_one_procedure() {
    let app = spawn_app().await;
    let sector = sector(&app).await;
    let mut fields = new_procedure(CODE);
    fields[2].1 = &sector;
    let mut first = signed_in(&app, AUTHOR).await;
    let mut second = signed_in(&app, REVIEWER).await;
    let (one, two) = tokio::join!(first.post(NEW, &fields), second.post(NEW, &fields));
    let mut locations = [one.location(), two.location()];
    locations.sort();
    assert_eq!(locations, [NEW.to_string(), PAGE.to_string()]);
    let versions: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM procedure_versions v JOIN procedures p ON p.id = v.procedure_id WHERE p.code = $1",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(versions, 1);
}

#[tokio::test]
async fn discarding_the_only_draft_removes_a_procedure_never_published() {
    let app = spawn_app().await;
    let sector = sector(&app).await;
    let mut fields = new_procedure(CODE);
    fields[2].1 = &sector;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(NEW, &fields).await;
    let discarded = author.post(&format!("{PAGE}/ban-nhap/huy"), &[]).await;
    assert_eq!(discarded.location(), "/quan-tri/thu-tuc");
    assert!(author
        .get("/quan-tri/thu-tuc")
        .await
        .text()
        .contains("Đã hủy thủ tục chưa xuất bản."));
    assert_eq!(author.get(PAGE).await.status, 404);
}

#[tokio::test]
async fn only_the_provinces_administrators_add_procedures() {
    let app = spawn_app().await;
    let sector = sector(&app).await;
    let mut fields = new_procedure(CODE);
    fields[2].1 = &sector;
    for email in ["quanly@motcua.example", "congdan@motcua.example"] {
        let mut browser = signed_in(&app, email).await;
        assert_eq!(browser.post(NEW, &fields).await.status, 403, "{email}");
    }
    let procedures: i64 = sqlx::query_scalar("SELECT count(*) FROM procedures WHERE code = $1")
        .bind(CODE)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(procedures, 0);
}
