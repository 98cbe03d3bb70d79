//! The enums stored as text (role, workflow step, action, channel,
//! status) cross SQL as themselves: each is written as the name the
//! database's checks, functions and older rows use, and read back from it.

use crate::support::spawn_app;
use app::access::Role;
use app::dossiers::workflow_steps::Stage;
use app::dossiers::{Action, Channel, DossierStatus};
use sqlx::{Decode, Encode, PgPool, Postgres, Type};

/// Bound as a parameter, `value` reaches PostgreSQL as `name`, and `name`
/// read from a text column comes back as `value`.
async fn crosses_as<T>(pool: &PgPool, value: T, name: &str)
where
    T: for<'q> Encode<'q, Postgres>
        + for<'r> Decode<'r, Postgres>
        + Type<Postgres>
        + PartialEq
        + std::fmt::Debug
        + Copy
        + Send
        + Sync
        + Unpin,
{
    let written: String = sqlx::query_scalar("SELECT $1::text")
        .bind(value)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(written, name, "{value:?} is written as {name}");
    let read: T = sqlx::query_scalar("SELECT $1::text")
        .bind(name)
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(read, value, "{name} reads as {value:?}");
}

#[tokio::test]
async fn stored_enums_cross_sql_as_their_names() {
    let app = spawn_app().await;
    let pool = &app.pool;
    // The names the migrations' checks and functions compare with.
    for (role, name) in [
        (Role::Reception, "reception"),
        (Role::Specialist, "specialist"),
        (Role::Leader, "leader"),
        (Role::Manager, "manager"),
        (Role::Administrator, "administrator"),
    ] {
        assert_eq!(role.as_str(), name, "forms send what the database stores");
        crosses_as(pool, role, name).await;
    }
    for (channel, name) in [
        (Channel::Online, "online"),
        (Channel::Counter, "counter"),
        (Channel::Post, "post"),
    ] {
        assert_eq!(channel.as_str(), name);
        crosses_as(pool, channel, name).await;
    }
    crosses_as(pool, Action::RequestSupplement, "request_supplement").await;
    crosses_as(pool, Action::SendBack, "send_back").await;
    for action in Action::ALL {
        crosses_as(pool, action, action.as_str()).await;
    }
    for stage in Stage::ALL {
        crosses_as(pool, stage, stage.as_str()).await;
    }
    crosses_as(
        pool,
        DossierStatus::AwaitingSupplement,
        "awaiting_supplement",
    )
    .await;
    for status in DossierStatus::ALL {
        crosses_as(pool, status, status.as_str()).await;
    }
    // Arrays too (the roles of an official, the statuses of a queue).
    let roles: Vec<Role> = sqlx::query_scalar("SELECT ARRAY['leader', 'manager']::text[]")
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(roles, [Role::Leader, Role::Manager]);
    let written: Vec<String> = sqlx::query_scalar("SELECT $1::text[]")
        .bind([Role::Reception, Role::Administrator].as_slice())
        .fetch_one(pool)
        .await
        .unwrap();
    assert_eq!(written, ["reception", "administrator"]);
}

#[tokio::test]
async fn every_role_and_channel_passes_the_tables_checks() {
    let app = spawn_app().await;
    let official: i64 = sqlx::query_scalar(
        "INSERT INTO users (kind, full_name, email, password_hash, agency_id)
         VALUES ('official', 'Kiểm Tra', 'kiemtra@motcua.example', 'x', (SELECT min(id) FROM agencies))
         RETURNING id",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    for role in Role::ALL {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(official)
            .bind(role)
            .execute(&app.pool)
            .await
            .unwrap_or_else(|error| panic!("{role:?}: {error}"));
    }
    let held: Vec<Role> =
        sqlx::query_scalar("SELECT role FROM user_roles WHERE user_id = $1 ORDER BY role")
            .bind(official)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(held.len(), Role::ALL.len());
    let accepted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM unnest($1::text[]) AS c(channel) WHERE channel IN ('online', 'counter', 'post')",
    )
    .bind(Channel::ALL.as_slice())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(accepted, 3);
}
