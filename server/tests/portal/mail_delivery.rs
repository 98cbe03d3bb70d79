//! The mail worker: queued in a transaction, delivered over SMTP, and never
//! in the way of shutdown.

use crate::support;

use server::mail::{outbox, templates};
use std::time::Duration;
use support::mailbox::wait_for_mail;
use support::spawn_app;

#[tokio::test]
async fn a_message_queued_in_a_rolled_back_transaction_is_never_sent() {
    let app = spawn_app().await;
    let message = templates::reset_password(app::i18n::Lang::Vi, "An", "https://x/1");
    let mut tx = app.pool.begin().await.unwrap();
    outbox::enqueue(&mut tx, "rolled.back@example.vn", &message)
        .await
        .unwrap();
    tx.rollback().await.unwrap();
    let mut tx = app.pool.begin().await.unwrap();
    outbox::enqueue(&mut tx, "committed@example.vn", &message)
        .await
        .unwrap();
    tx.commit().await.unwrap();

    let (_, body) = wait_for_mail(&app, "committed@example.vn", 0).await;
    assert!(body.contains("Đặt lại mật khẩu"), "{body}");
    let rolled_back: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM caught_mail WHERE 'rolled.back@example.vn' = ANY(envelope_to)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(rolled_back, 0);
    let sent: bool = sqlx::query_scalar(
        "SELECT sent_at IS NOT NULL FROM mail_outbox WHERE recipient = 'committed@example.vn'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(sent);
}

#[tokio::test]
async fn the_worker_lets_the_pool_close_for_shutdown() {
    let app = spawn_app().await;
    tokio::time::sleep(Duration::from_millis(300)).await; // the worker is listening
    tokio::time::timeout(Duration::from_secs(10), app.pool.close())
        .await
        .expect("the pool closes while the mail worker runs");
}
