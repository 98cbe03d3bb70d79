//! Cách thức thực hiện: a version says how its dossiers may be filed —
//! online, at the counter, by post. A procedure not filed online offers no
//! online filing (its page says how to file instead, and the filing address
//! leads back there); one not filed at the counter is not offered to the
//! one-stop desk. The editor needs at least one way.
//!
//! Publishing dates a version by the portal's clock, while the version in
//! force is chosen by the database's: these tests run at the real time only,
//! so no test name here may contain a module name of
//! `scripts/test-clock-hours` ("filing" is one).

use crate::procedure_versions::{draft_fields, signed_in, ADMIN_PAGE, AUTHOR, REVIEWER};
use crate::support;

use support::back_office::{CITIZEN, RECEPTION};
use support::{spawn_app, TestApp};

const CODE: &str = "1.010038";

/// The draft's fields with only `ways` ticked.
fn filed(ways: &[&'static str]) -> Vec<(&'static str, &'static str)> {
    draft_fields("3")
        .into_iter()
        .filter(|(name, _)| !name.starts_with("channel.") || ways.contains(name))
        .collect()
}

/// Publishes a version of "Tách hộ" filed only in `ways`.
async fn publish(app: &TestApp, ways: &[&'static str]) {
    let mut author = signed_in(app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &filed(ways))
        .await;
    let mut reviewer = signed_in(app, REVIEWER).await;
    let published = reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    assert_eq!(published.location(), ADMIN_PAGE);
}

async fn citizen_id(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(CITIZEN)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_procedure_taken_only_in_person_is_not_offered_online_but_the_counter_takes_it() {
    let app = spawn_app().await;
    publish(&app, &["channel.counter"]).await;

    let page = app.get(&format!("/thu-tuc/{CODE}")).await;
    assert!(
        page.text()
            .contains("Thủ tục này không nhận hồ sơ trực tuyến"),
        "{}",
        page.text()
    );
    assert!(
        page.text().contains("Cách thức thực hiện Trực tiếp"),
        "{}",
        page.text()
    );
    assert!(!page.body.contains(&format!("href=\"/nop-ho-so/{CODE}\"")));

    // A kept link explains itself and leads back to the page that says
    // how to file; a post to it files nothing.
    let mut citizen = signed_in(&app, CITIZEN).await;
    let filing = citizen.get(&format!("/nop-ho-so/{CODE}")).await;
    assert!(
        filing
            .text()
            .contains("Thủ tục này không nhận hồ sơ trực tuyến"),
        "{}",
        filing.text()
    );
    assert!(filing.body.contains(&format!("href=\"/thu-tuc/{CODE}\"")));
    assert!(!filing.body.contains("id=\"filing-form\""), "no form");
    let posted = citizen
        .post(&format!("/nop-ho-so/{CODE}"), &[("filing_form", "1")])
        .await;
    assert_eq!(posted.location(), format!("/thu-tuc/{CODE}"));
    let drafts: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
         JOIN procedures p ON p.id = v.procedure_id WHERE p.code = $1",
    )
    .bind(CODE)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(drafts, 0);

    // The one-stop desk still files it.
    let mut reception = signed_in(&app, RECEPTION).await;
    let applicant = citizen_id(&app).await;
    let counter = reception
        .get(&format!("/can-bo/tiep-nhan/{applicant}/{CODE}"))
        .await;
    assert_eq!(counter.status, 200, "{}", counter.text());
}

#[tokio::test]
async fn a_procedure_filed_only_online_is_not_filed_at_the_counter() {
    let app = spawn_app().await;
    publish(&app, &["channel.online"]).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let applicant = citizen_id(&app).await;
    let counter = reception
        .get(&format!("/can-bo/tiep-nhan/{applicant}/{CODE}"))
        .await;
    assert_eq!(counter.status, 404);
    let mut citizen = signed_in(&app, CITIZEN).await;
    let filing = citizen.get(&format!("/nop-ho-so/{CODE}")).await;
    assert_eq!(filing.status, 200, "citizens file it online");
    let page = app.get(&format!("/thu-tuc/{CODE}")).await.text();
    assert!(page.contains("Cách thức thực hiện Trực tuyến"), "{page}");
}

#[tokio::test]
async fn a_version_needs_a_way_to_be_filed_and_the_changes_name_the_ways() {
    let app = spawn_app().await;
    let mut author = signed_in(&app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &filed(&[]))
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(
        page.contains("Chọn ít nhất một cách thức thực hiện."),
        "{page}"
    );

    author
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/luu"),
            &filed(&["channel.online", "channel.post"]),
        )
        .await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(
        page.contains(
            "Cách thức thực hiện Trực tuyến, Trực tiếp, Qua dịch vụ bưu chính công ích \
             Trực tuyến, Qua dịch vụ bưu chính công ích"
        ),
        "the changes show before and after: {page}"
    );
}
