//! Field reports taken for a caller: a counter officer files one for a
//! person at the desk, the coordinator one from the hotline — the channel
//! recorded, the caller's name and phone required and seen by the
//! coordinator only, never by the handling ward; an official who is
//! neither may not file at all.

use crate::field_reports::{act, COORDINATOR};
use crate::support;
use support::back_office::{signed_in, RECEPTION, SPECIALIST};
use support::spawn_app;

fn caller_report<'a>(name: &'a str, phone: &'a str, channel: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("category", "den-chieu-sang-hong"),
        ("commune", "06685"),
        ("street", "Phố Bến Đoan"),
        ("latitude", ""),
        ("longitude", ""),
        (
            "description",
            "Người dân báo đèn đường phố Bến Đoan tắt cả dãy.",
        ),
        ("public", "on"),
        ("caller_name", name),
        ("caller_phone", phone),
        ("channel", channel),
    ]
}

#[tokio::test]
async fn the_counter_and_the_hotline_file_for_a_caller_whom_only_the_coordinator_sees() {
    let app = spawn_app().await;
    let count = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM field_reports")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    // A caller without a name or a phone is not taken.
    let mut counter = signed_in(&app, RECEPTION).await;
    counter
        .post_multipart("/phan-anh/gui", &caller_report("", "0987", "counter"), &[])
        .await;
    assert_eq!(count().await, 0);
    let back = counter
        .get("/phan-anh/gui?loai=den-chieu-sang-hong&xa=06685&dia-chi=Ph%E1%BB%91+B%E1%BA%BFn+%C4%90oan")
        .await
        .text();
    assert!(
        back.contains("Người dân báo đèn đường"),
        "what was typed is kept"
    );

    let filed = counter
        .post_multipart(
            "/phan-anh/gui",
            &caller_report("Đinh Thị Gọi", "0987 654 321", "counter"),
            &[],
        )
        .await;
    assert_eq!(
        filed.location(),
        "/phan-anh/gui",
        "back to the form for the next caller"
    );
    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let hotline = coordinator
        .post_multipart(
            "/phan-anh/gui",
            &caller_report("Lương Văn Thoại", "0912 000 111", "hotline"),
            &[],
        )
        .await;
    assert!(
        hotline.location().starts_with("/can-bo/phan-anh/PA-"),
        "{}",
        hotline.location()
    );

    let taken: Vec<(String, String, Option<i64>, String)> = sqlx::query_as(
        "SELECT code, channel, reporter_id, caller_name FROM field_reports ORDER BY id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(taken.len(), 2);
    assert_eq!((taken[0].1.as_str(), taken[0].2), ("counter", None));
    assert_eq!(
        (taken[1].1.as_str(), taken[1].3.as_str()),
        ("hotline", "Lương Văn Thoại")
    );

    // The coordinator sees the caller; the ward it goes to never does.
    let code = &taken[0].0;
    let handling = coordinator
        .get(&format!("/can-bo/phan-anh/{code}"))
        .await
        .text();
    assert!(
        handling.contains("Đinh Thị Gọi") && handling.contains("0987 654 321"),
        "{handling}"
    );
    act(
        &mut coordinator,
        code,
        &[("action", "forward"), ("agency", "000.01.40.H34")],
    )
    .await;
    let mut ward = signed_in(&app, SPECIALIST).await;
    let seen = ward.get(&format!("/can-bo/phan-anh/{code}")).await.body;
    assert!(seen.contains(code.as_str()));
    for personal in ["Đinh Thị Gọi", "0987654321", "0987 654 321"] {
        assert!(!seen.contains(personal), "the ward sees {personal}");
    }

    // A specialist takes no calls.
    let refused = ward
        .post_multipart(
            "/phan-anh/gui",
            &caller_report("Đinh Thị Gọi", "0987654321", "counter"),
            &[],
        )
        .await;
    assert_eq!(refused.status.as_u16(), 403);
    assert_eq!(count().await, 2);
}
