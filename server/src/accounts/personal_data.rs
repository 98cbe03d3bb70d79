//! `GET /tai-khoan/du-lieu.json`: everything the portal holds about the
//! signed-in person, as one JSON file (Law 91/2025/QH15: the data subject's
//! right to obtain their data). Every column of every row about them, so
//! nothing is left out by a list someone forgot to update — minus what is
//! not theirs to read: the password's hash, where files lie in the store,
//! and who else followed or rated a report.
//!
//! Each part is one query that PostgreSQL turns into JSON itself.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::errors::HandlerResult;
use crate::forms::Asker;
use crate::state::AppState;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde_json::{json, Value};
use sqlx::PgPool;

pub async fn download(
    State(state): State<AppState>,
    asker: Asker,
    SignedIn(user): SignedIn,
) -> HandlerResult {
    let export = everything_about(&state.pool, user.id).await?;
    audit::record(
        &state.pool,
        Some(user.id),
        AuditAction::PersonalDataExported,
        json!({}),
        asker.ip,
    )
    .await?;
    let name = format!(
        "du-lieu-ca-nhan-{}.json",
        chrono::Utc::now().format("%Y%m%d")
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "application/json; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        serde_json::to_vec_pretty(&export).map_err(anyhow::Error::from)?,
    )
        .into_response())
}

/// One part of the data: a query giving one JSON value about the person
/// `$1`.
macro_rules! part {
    ($pool:expr, $id:expr, $sql:literal) => {
        sqlx::query_scalar!($sql, $id).fetch_one($pool).await?
    };
}

/// The person's data, part by part.
pub async fn everything_about(pool: &PgPool, id: i64) -> anyhow::Result<Value> {
    let account = part!(
        pool,
        id,
        r#"SELECT to_jsonb(u) - 'password_hash' AS "part!" FROM users u WHERE u.id = $1"#
    );
    let roles = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(role ORDER BY role), '[]') AS "part!" FROM user_roles WHERE user_id = $1"#
    );
    let dossiers = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(d) || jsonb_build_object('procedure', v.name) ORDER BY d.id), '[]') AS "part!"
           FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
           WHERE d.applicant_id = $1"#
    );
    let history = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(h) ORDER BY h.id), '[]') AS "part!"
           FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id WHERE d.applicant_id = $1"#
    );
    let files = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(f) - 'storage_key' ORDER BY f.id), '[]') AS "part!"
           FROM stored_files f WHERE f.owner_id = $1"#
    );
    let payments = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.id), '[]') AS "part!"
           FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE d.applicant_id = $1"#
    );
    let ratings = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.created_at), '[]') AS "part!"
           FROM dossier_ratings r WHERE r.rated_by = $1"#
    );
    let questions = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(q) ORDER BY q.id), '[]') AS "part!"
           FROM citizen_questions q WHERE q.asker_id = $1"#
    );
    let reports = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(r) ORDER BY r.id), '[]') AS "part!"
           FROM field_reports r WHERE r.reporter_id = $1"#
    );
    // Their own following and rating of reports, not the others'.
    let followed = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(jsonb_build_object('report', r.code, 'since', f.since) ORDER BY f.since), '[]') AS "part!"
           FROM field_report_followers f JOIN field_reports r ON r.id = f.report_id WHERE f.user_id = $1"#
    );
    let report_ratings = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(g) || jsonb_build_object('report', r.code) ORDER BY g.rated_at), '[]') AS "part!"
           FROM field_report_ratings g JOIN field_reports r ON r.id = g.report_id WHERE g.user_id = $1"#
    );
    let notifications = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(n) ORDER BY n.id), '[]') AS "part!"
           FROM notifications n WHERE n.user_id = $1"#
    );
    let sessions = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.id), '[]') AS "part!"
           FROM user_sessions s WHERE s.user_id = $1"#
    );
    let consents = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(c) - 'user_id' ORDER BY c.id), '[]') AS "part!"
           FROM privacy_consents c WHERE c.user_id = $1"#
    );
    let identity_links = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'provider', p.name_vi, 'subject', l.subject,
                      'linked_at', l.linked_at, 'last_sign_in_at', l.last_sign_in_at)
                  ORDER BY l.linked_at), '[]') AS "part!"
           FROM identity_links l JOIN identity_providers p ON p.id = l.provider_id
           WHERE l.user_id = $1"#
    );
    // Their passkeys by name and use; the public keys are the portal's
    // working data, not something they would read.
    let passkeys = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(jsonb_build_object(
                      'name', k.name, 'added_at', k.created_at, 'last_used_at', k.last_used_at)
                  ORDER BY k.id), '[]') AS "part!"
           FROM passkeys k WHERE k.user_id = $1"#
    );
    // What they did, and every official's reading of their dossiers.
    let audit = part!(
        pool,
        id,
        r#"SELECT coalesce(jsonb_agg(to_jsonb(l) ORDER BY l.id), '[]') AS "part!"
           FROM audit_log l
           WHERE l.user_id = $1
              OR (l.action = 'dossier_read'
                  AND l.detail ->> 'dossier' IN (SELECT code FROM dossiers WHERE applicant_id = $1))"#
    );
    Ok(json!({
        "exported_at": chrono::Utc::now(),
        "account": account,
        "roles": roles,
        "dossiers": dossiers,
        "dossier_history": history,
        "files": files,
        "payments": payments,
        "dossier_ratings": ratings,
        "questions": questions,
        "field_reports": reports,
        "followed_reports": followed,
        "field_report_ratings": report_ratings,
        "notifications": notifications,
        "sessions": sessions,
        "privacy_consents": consents,
        "identity_links": identity_links,
        "passkeys": passkeys,
        "audit_log": audit,
    }))
}
