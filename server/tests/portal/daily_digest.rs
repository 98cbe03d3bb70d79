//! The officials' morning digest: opted in from the account page, one mail
//! per working day after 07:00 naming their overdue and due-soon dossiers,
//! sent once however many instances try.

use crate::support;

use chrono::{NaiveDate, TimeZone, Utc};
use server::back_office::digest::send_if_due;
use support::back_office::*;
use support::{spawn_app, TestApp};

/// `hh:00` Vietnam time on the first working day after today, as UTC.
async fn working_morning(app: &TestApp, after: NaiveDate, hour: u32) -> chrono::DateTime<Utc> {
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let day = calendar.next_working_day_after(after);
    let local = day.and_hms_opt(hour, 0, 0).unwrap();
    Utc.from_utc_datetime(&(local - chrono::Duration::hours(7)))
}

async fn digests_to(app: &TestApp, email: &str) -> Vec<(String, String)> {
    sqlx::query_as("SELECT subject, body_text FROM mail_outbox WHERE recipient = $1 AND subject LIKE 'Hồ sơ cần chú ý%' ORDER BY id")
        .bind(email)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn an_official_who_asks_gets_one_digest_each_working_morning() {
    let app = spawn_app().await;
    let overdue = filed(&app).await;
    let far = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let answer = reception
        .post("/tai-khoan/thu-tong-hop", &[("digest", "on")])
        .await;
    assert_eq!(answer.location(), "/tai-khoan");
    let account = reception.get("/tai-khoan").await;
    assert!(account
        .text()
        .contains("Bạn sẽ nhận thư tổng hợp mỗi sáng ngày làm việc."));
    assert!(account.body.contains("checked"), "the box shows the choice");

    let today = app.clock().today_in_vietnam();
    sqlx::query("UPDATE dossiers SET due_at = $2::text::timestamp WHERE code = $1")
        .bind(&overdue)
        .bind(format!("{today} 09:00:00"))
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE dossiers SET due_at = $2 + interval '30 days' WHERE code = $1")
        .bind(&far)
        .bind(app.clock().now_in_vietnam())
        .execute(&app.pool)
        .await
        .unwrap();

    // Before seven nothing goes, and the day is not used up.
    let dawn = working_morning(&app, today, 6).await;
    assert_eq!(
        send_if_due(&app.pool, "http://portal", 1, dawn)
            .await
            .unwrap(),
        0
    );
    let morning = working_morning(&app, today, 8).await;
    assert_eq!(
        send_if_due(&app.pool, "http://portal", 1, morning)
            .await
            .unwrap(),
        1
    );
    // A second instance, the same morning: nothing more.
    assert_eq!(
        send_if_due(&app.pool, "http://portal", 1, morning)
            .await
            .unwrap(),
        0
    );

    let mails = digests_to(&app, RECEPTION).await;
    assert_eq!(mails.len(), 1);
    let (subject, body) = &mails[0];
    assert_eq!(subject, "Hồ sơ cần chú ý hôm nay: 1 quá hạn, 0 sắp đến hạn");
    assert!(
        body.contains(&overdue) && body.contains("QUÁ HẠN"),
        "{body}"
    );
    assert!(!body.contains(&far), "only what needs attention: {body}");
    assert!(
        body.contains("http://portal/can-bo?hang=tat-ca&han=overdue"),
        "{body}"
    );
    assert!(
        digests_to(&app, LEADER).await.is_empty(),
        "the leader did not ask"
    );

    // Turned off, no more digests.
    reception.post("/tai-khoan/thu-tong-hop", &[]).await;
    let next_day = working_morning(&app, morning.date_naive(), 8).await;
    assert_eq!(
        send_if_due(&app.pool, "http://portal", 1, next_day)
            .await
            .unwrap(),
        0
    );
    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(
        citizen
            .post("/tai-khoan/thu-tong-hop", &[("digest", "on")])
            .await
            .status,
        403
    );
}
