//! Notification reads (server only), always the signed-in user's own.

use super::Notification;
use crate::error::AppResult;
use sqlx::PgPool;

pub async fn unread(pool: &PgPool, user_id: i64) -> AppResult<i64> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "count!" FROM notifications WHERE user_id = $1 AND read_at IS NULL"#,
        user_id
    )
    .fetch_one(pool)
    .await?)
}

/// The newest notifications; opening the list marks them read.
pub async fn open_list(pool: &PgPool, user_id: i64) -> AppResult<Vec<Notification>> {
    let rows = sqlx::query!(
        r#"SELECT title, body, link, read_at IS NULL AS "unread!",
                  to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!"
           FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50"#,
        user_id
    )
    .fetch_all(pool)
    .await?;
    sqlx::query!(
        "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL",
        user_id
    )
    .execute(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Notification {
            title: row.title,
            body: row.body,
            link: row.link,
            at: row.at,
            unread: row.unread,
        })
        .collect())
}
