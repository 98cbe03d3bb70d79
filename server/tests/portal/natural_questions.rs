//! Questions typed as people ask them find their procedure first in the
//! catalogue's search: filler words ("muốn", "cần", "gì", "bao nhiêu")
//! need not match, and colloquial words ("lấy vợ", "bằng lái", "sổ đỏ",
//! "hộ khẩu", "xây nhà") mean the catalogue's own, with or without
//! diacritics. Both lists are data (`search_filler_words`,
//! `search_synonyms`), so a new phrase needs no release.

use crate::support;

use support::spawn_app;

async fn first_code(app: &support::TestApp, question: &str) -> String {
    let query: String = form_urlencoded::byte_serialize(question.as_bytes()).collect();
    let response = app.get(&format!("/api/v1/procedures?q={query}")).await;
    assert_eq!(response.status, 200, "{}", response.body);
    let body: serde_json::Value = response.json();
    body["items"][0]["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
async fn questions_as_people_ask_them_find_their_procedure_first() {
    let app = spawn_app().await;
    for (question, expected) in [
        ("muốn xây nhà cần giấy phép gì", "1.013225"),
        ("lấy vợ cần giấy tờ gì", "1.000894"),
        ("lay chong can nhung giay to gi", "1.000894"),
        ("làm lý lịch tư pháp hết bao nhiêu tiền", "3.000333"),
        ("đổi bằng lái ở đâu", "3.000347"),
        ("thu tuc lam so do", "1.013978"),
        ("nhập hộ khẩu cho con thì làm sao", "1.004222"),
    ] {
        assert_eq!(first_code(&app, question).await, expected, "{question}");
    }
}

#[tokio::test]
async fn a_phrase_an_editor_adds_is_understood_at_once() {
    let app = spawn_app().await;
    assert_ne!(first_code(&app, "làm giấy báo tử").await, "1.000656");
    sqlx::query!(
        "INSERT INTO search_synonyms (phrase, typed, means) VALUES (search_key('giấy báo tử'), 'giấy báo tử', 'khai tử')"
    )
    .execute(&app.pool)
    .await
    .unwrap();
    assert_eq!(first_code(&app, "làm giấy báo tử").await, "1.000656");
}

#[tokio::test]
async fn a_procedure_is_found_by_its_documents_fees_and_conditions_too() {
    let app = spawn_app().await;
    // "Giấy chứng sinh" is in no procedure's name or description, only in
    // the birth registration's documents.
    let body: serde_json::Value = app
        .get("/api/v1/procedures?q=gi%E1%BA%A5y+ch%E1%BB%A9ng+sinh")
        .await
        .json();
    let codes: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|item| item["code"].as_str())
        .collect();
    assert!(codes.contains(&"1.001193"), "{codes:?}");
    // A document's words found in one passage, not scattered over several.
    let body: serde_json::Value = app
        .get("/api/v1/procedures?q=ch%E1%BB%A9ng+sinh+karaoke")
        .await
        .json();
    assert_eq!(body["total"], 0, "{body}");
}
