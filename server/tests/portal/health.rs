//! `/health` tells a load balancer whether this instance can serve.

use crate::support;

use support::spawn_app;

#[tokio::test]
async fn healthy_when_the_database_answers() {
    let app = spawn_app().await;
    let response = app.get("/health").await;
    assert_eq!(response.status, 200);
    assert_eq!(
        response.json(),
        serde_json::json!({"status": "ok", "database": "ok"})
    );
}

#[tokio::test]
async fn unavailable_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.pool.close().await;
    let response = app.get("/health").await;
    assert_eq!(response.status, 503);
    assert_eq!(response.json()["database"], "unavailable");
}
