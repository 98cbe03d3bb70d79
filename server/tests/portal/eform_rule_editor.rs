//! The builder's editors, as a designer without JSON uses them: a rule
//! made from the editor's rows goes into the draft (a save in its
//! history) and reads back in words; an incomplete one is refused with the
//! reason and the rows kept; a route outside a page is refused; a rule is
//! removed by its button. A field's labels and "must be answered" change
//! in its own form; an empty label is refused and changes nothing.

use crate::eform_builder::{drafted, DESIGNER, PAGE};
use crate::procedure_versions::signed_in;
use crate::support;
use support::spawn_app;

async fn draft_rules(app: &support::TestApp) -> serde_json::Value {
    sqlx::query_scalar!(
        r#"SELECT coalesce(draft->'rules', 'null'::jsonb) AS "rules!" FROM forms WHERE code = 'to-khai-ho-gia-dinh'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_rule_made_in_the_editor_reads_back_in_words_and_comes_out_again() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut designer = signed_in(&app, DESIGNER).await;
    let outline = format!("{PAGE}/cau-truc");
    let mut rule = vec![
        ("action", "add_rule"),
        ("place", "form"),
        ("combine", "all"),
        ("field_1", "guardian"),
        ("op_1", "empty"),
        ("rule_action", "prevent"),
        ("message_vi", "Cần ghi người giám hộ"),
    ];
    // Half a message: refused, nothing added, the rows come back.
    let refused = designer.post(&outline, &rule).await;
    assert_eq!(refused.location(), format!("{PAGE}#rules-heading"));
    let page = designer.get(PAGE).await;
    assert!(
        page.text()
            .contains("Nhập thông báo không cho nộp bằng cả tiếng Việt và tiếng Anh."),
        "{}",
        page.text()
    );
    assert!(page.body.contains("value=\"Cần ghi người giám hộ\""));
    assert_eq!(draft_rules(&app).await, serde_json::Value::Null);
    let saves_before: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM form_saves"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();

    rule.push(("message_en", "Name the guardian"));
    designer.post(&outline, &rule).await;
    let page = designer.get(PAGE).await.text();
    assert!(page.contains("Đã thêm quy tắc vào bản nháp."), "{page}");
    assert!(
        page.contains("Khi “Người giám hộ” để trống: không cho nộp (“Cần ghi người giám hộ”)"),
        "{page}"
    );
    let rules = draft_rules(&app).await;
    assert_eq!(rules[0]["then"][0]["action"], "prevent");
    assert_eq!(rules[0]["when"]["field"], "guardian");
    let saves_after: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM form_saves"#)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(saves_after, saves_before + 1, "kept in the history");

    // A skip belongs to a page.
    designer
        .post(
            &outline,
            &[
                ("action", "add_rule"),
                ("place", "form"),
                ("field_1", "guardian"),
                ("op_1", "filled"),
                ("rule_action", "skip_to"),
                ("target", "page-2"),
            ],
        )
        .await;
    let page = designer.get(PAGE).await.text();
    assert!(
        page.contains("Chuyển trang và kết thúc chỉ đặt được trong quy tắc của một trang."),
        "{page}"
    );
    assert_eq!(draft_rules(&app).await.as_array().map(Vec::len), Some(1));

    designer
        .post(&outline, &[("action", "remove_rule:form:0")])
        .await;
    let page = designer.get(PAGE).await.text();
    assert!(page.contains("Đã xóa quy tắc khỏi bản nháp."), "{page}");
    assert_eq!(draft_rules(&app).await, serde_json::Value::Null);
}

#[tokio::test]
async fn a_fields_labels_and_answer_rule_change_in_its_own_form() {
    let app = spawn_app().await;
    drafted(&app).await;
    let mut designer = signed_in(&app, DESIGNER).await;
    let outline = format!("{PAGE}/cau-truc");
    let page = designer.get(PAGE).await.text();
    assert!(page.contains("Sửa “Người giám hộ”"), "{page}");
    designer
        .post(
            &outline,
            &[
                ("action", "edit:guardian"),
                ("label_vi", "Người giám hộ hợp pháp"),
                ("label_en", "Legal guardian"),
                ("required", "on"),
            ],
        )
        .await;
    let page = designer.get(PAGE).await.text();
    assert!(
        page.contains("Đã lưu trường “Người giám hộ hợp pháp”."),
        "{page}"
    );
    let guardian = sqlx::query_scalar!(
        r#"SELECT f AS "field!" FROM forms, jsonb_array_elements(draft->'sections'->0->'fields') f
           WHERE code = 'to-khai-ho-gia-dinh' AND f->>'name' = 'guardian'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(guardian["label"]["en"], "Legal guardian");
    assert_eq!(guardian["required"], true);

    // An empty label changes nothing.
    designer
        .post(
            &outline,
            &[
                ("action", "edit:guardian"),
                ("label_vi", " "),
                ("label_en", "Legal guardian"),
            ],
        )
        .await;
    let page = designer.get(PAGE).await.text();
    assert!(page.contains("thiếu nhãn tiếng Việt"), "{page}");
    let label = sqlx::query_scalar!(
        r#"SELECT f->'label'->>'vi' AS "label!" FROM forms, jsonb_array_elements(draft->'sections'->0->'fields') f
           WHERE code = 'to-khai-ho-gia-dinh' AND f->>'name' = 'guardian'"#
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(label, "Người giám hộ hợp pháp");
}
