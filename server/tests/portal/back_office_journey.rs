//! The back office as officials live it: a code typed in the wrong queue
//! is still found, and says where it waits; nobody is assigned by default;
//! everyone sees who holds a dossier, a specialist their own in a queue of
//! their own, and a colleague's dossier says whose it is.

use crate::support;

use support::back_office::*;
use support::spawn_app;

/// The opening tag that starts with `start` (`<a href="…"`).
fn tag<'a>(page: &'a str, start: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"));
    &page[from..from + page[from..].find('>').unwrap()]
}

/// An element from its opening tag `start` to the first `end` after it.
fn element<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"));
    &page[from..from + page[from..].find(end).unwrap()]
}

/// A second specialist at the demo ward.
async fn second_specialist(app: &support::TestApp) -> (&'static str, String) {
    let id: i64 = sqlx::query_scalar(
        "WITH official AS (
           INSERT INTO users (kind, full_name, email, password_hash, agency_id, email_confirmed_at)
           SELECT 'official', 'Đặng Thị Hai', 'chuyenvien2@example.vn', password_hash, agency_id, now()
           FROM users WHERE email = $1 RETURNING id)
         INSERT INTO user_roles (user_id, role) SELECT id, 'specialist' FROM official RETURNING user_id",
    )
    .bind(SPECIALIST)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    ("chuyenvien2@example.vn", id.to_string())
}

#[tokio::test]
async fn a_search_looks_in_every_queue_and_says_which_one_each_dossier_waits_in() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut leader = signed_in(&app, LEADER).await;

    // Browsing: the queue shown is marked, and holds only its own step.
    let to_approve = leader.get("/can-bo?hang=phe-duyet").await.body;
    assert!(!to_approve.contains(&code), "not waiting for approval");
    let here = tag(&to_approve, r#"<a href="/can-bo?hang=phe-duyet""#);
    assert!(
        here.contains(r#"aria-current="page""#) && here.contains("queues__link--current"),
        "{here}"
    );
    let elsewhere = tag(&to_approve, r#"<a href="/can-bo?hang=tiep-nhan""#);
    assert!(!elsewhere.contains("aria-current") && !elsewhere.contains("--current"));

    // Searching from that queue still finds it, in reception's queue.
    let found = leader
        .get(&format!("/can-bo?hang=phe-duyet&tim={code}"))
        .await
        .body;
    assert!(
        found.contains(&format!("Kết quả tìm “{code}” trong mọi hàng đợi")),
        "{found}"
    );
    assert!(
        found.contains(&format!(r#"href="/can-bo/ho-so/{code}""#)),
        "{found}"
    );
    assert!(
        found.contains(r#"data-label="Hàng đợi">Chờ tiếp nhận</td>"#),
        "the row says where it waits: {found}"
    );
    assert!(
        found.contains(r#"data-label="Chuyên viên được giao">Chưa phân công</td>"#),
        "{found}"
    );
    assert!(!found.contains("Không có hồ sơ nào trong hàng đợi này."));

    // Another agency's official does not find it anywhere.
    let elsewhere = official_elsewhere(&app).await;
    let mut other = signed_in(&app, elsewhere).await;
    let none = other.get(&format!("/can-bo?tim={code}")).await.body;
    assert!(
        none.contains(&format!(
            "Không có hồ sơ nào khớp “{code}” trong các hàng đợi bạn được xem."
        )),
        "{none}"
    );
    assert!(!none.contains(&format!(r#"href="/can-bo/ho-so/{code}""#)));
}

#[tokio::test]
async fn nobody_is_assigned_unless_chosen_and_everyone_sees_who_holds_a_dossier() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let (second, second_id) = second_specialist(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;

    // The list starts on a placeholder, not on a specialist.
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.body;
    let select = &page[page.find(r#"name="assignee""#).expect("an assignee list")..];
    let first_option = &select[select.find("<option").unwrap()..select.find("</option>").unwrap()];
    assert!(
        first_option.contains(r#"value="""#) && first_option.contains("— Chọn chuyên viên —"),
        "{first_option}"
    );

    // Pressing "Phân công xử lý" without a choice is refused, clearly.
    let page = act(&app, &mut reception, &code, "assign", &[("assignee", "")]).await;
    assert!(
        page.contains("Chưa chọn chuyên viên: hãy chọn người xử lý hồ sơ"),
        "{page}"
    );
    assert_eq!(status_and_version(&app, &code).await.0, "received");

    act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &second_id)],
    )
    .await;
    assert_eq!(status_and_version(&app, &code).await.0, "processing");
    let inbox = reception.get("/can-bo?hang=xu-ly").await.body;
    assert!(
        inbox.contains(r#"data-label="Chuyên viên được giao">Đặng Thị Hai</td>"#),
        "the inbox shows who holds it: {inbox}"
    );

    // The assignee finds it in their own queue, where they start.
    let mut assignee = signed_in(&app, second).await;
    let mine = assignee.get("/can-bo").await.body;
    assert!(
        mine.contains(&format!(r#"href="/can-bo/ho-so/{code}""#)),
        "{mine}"
    );
    assert!(
        tag(&mine, r#"<a href="/can-bo?hang=duoc-giao-cho-toi""#)
            .contains(r#"aria-current="page""#),
        "{mine}"
    );
    let page = assignee.get(&format!("/can-bo/ho-so/{code}")).await.body;
    assert!(page.contains("Trình phê duyệt"), "{page}");

    // The other specialist: not in their queue, and told whose it is.
    let mut colleague = signed_in(&app, SPECIALIST).await;
    let theirs = colleague.get("/can-bo?hang=duoc-giao-cho-toi").await.body;
    assert!(!theirs.contains(&format!(r#"href="/can-bo/ho-so/{code}""#)));
    let page = colleague.get(&format!("/can-bo/ho-so/{code}")).await.body;
    assert!(
        page.contains("Hồ sơ này đang được giao cho Đặng Thị Hai."),
        "{page}"
    );
    assert!(!page.contains("Bạn không có thao tác nào"), "{page}");

    // Reception and leaders have no queue of their own assignments.
    let inbox = reception.get("/can-bo?hang=duoc-giao-cho-toi").await.body;
    assert!(!inbox.contains("Được giao cho tôi"), "{inbox}");
}

#[tokio::test]
async fn each_action_is_a_group_of_its_own_with_its_own_fields() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.body;
    // Reception may accept, ask for a supplement or refuse a new dossier.
    let ids = [
        "action-accept",
        "action-request-supplement",
        "action-refuse",
    ];
    for (id, name) in ids
        .iter()
        .zip(["Tiếp nhận", "Yêu cầu bổ sung", "Từ chối tiếp nhận"])
    {
        let group = element(
            &page,
            &format!(r#"<section aria-labelledby="{id}-heading" class="action-group">"#),
            "</section>",
        );
        assert!(
            group.contains(&format!(
                r#"<h3 id="{id}-heading" class="action-group__title">{name}</h3>"#
            )),
            "{group}"
        );
        assert!(
            group.contains(&format!(r#"id="{id}""#)),
            "its own form: {group}"
        );
        assert!(group.contains(&format!(">{name}</button>")), "{group}");
        assert_eq!(group.matches("<button").count(), 1, "one button: {group}");
        for other in ids.iter().filter(|other| *other != id) {
            assert!(
                !group.contains(&format!(r#""{other}"#)),
                "{other} in {group}"
            );
        }
        assert_eq!(page.matches(&format!(r#"id="{id}""#)).count(), 1);
    }
    for note in ["action-request-supplement-note", "action-refuse-note"] {
        assert_eq!(
            page.matches(&format!(r#"id="{note}""#)).count(),
            1,
            "{note}"
        );
        assert_eq!(
            page.matches(&format!(r#"for="{note}""#)).count(),
            1,
            "{note}"
        );
    }
}
