//! The citizens' accounts: created in the database if missing, then
//! signed in through the sign-in form (setup, not timed).

use crate::browser::Browser;
use crate::form::form_body;
use sqlx::PgPool;

const PASSWORD: &str = "Demo@12345";
const DEMO_CITIZEN: &str = "congdan@motcua.example";
pub(crate) const EMAIL_DOMAIN: &str = "filing-bench.example";

/// Creates the accounts that are missing; returns (id, name, citizen id).
pub(crate) async fn accounts(
    pool: &PgPool,
    count: usize,
) -> anyhow::Result<Vec<(i64, String, String)>> {
    let hash: String =
        sqlx::query_scalar("SELECT password_hash FROM users WHERE lower(email) = $1")
            .bind(DEMO_CITIZEN)
            .fetch_optional(pool)
            .await?
            .ok_or_else(|| {
                anyhow::anyhow!("no demo citizen: start the portal with MOTCUA_DEMO=1")
            })?;
    let mut found = Vec::with_capacity(count);
    for n in 0..count {
        let email = format!("citizen{n:04}@{EMAIL_DOMAIN}");
        let name = format!("Công Dân Thử Tải {n}");
        // A CCCD of Quảng Ninh (022), 1990, serial 9xxxxx: none of the demo's.
        let citizen_id = format!("022190{:06}", 900_000 + n);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO users (kind, full_name, email, citizen_id, date_of_birth, phone, password_hash, email_confirmed_at)
             VALUES ('citizen', $1, $2, $3, '1990-03-27', '0912345678', $4, now())
             ON CONFLICT ((lower(email))) DO UPDATE SET full_name = EXCLUDED.full_name
             RETURNING id",
        )
        .bind(&name)
        .bind(&email)
        .bind(&citizen_id)
        .bind(&hash)
        .fetch_one(pool)
        .await?;
        found.push((id, name, citizen_id));
    }
    Ok(found)
}

/// Signs `email` in through the sign-in form; the session cookie.
pub(crate) async fn sign_in(browser: &Browser, email: &str) -> anyhow::Result<String> {
    let answer = browser
        .send(
            "",
            reqwest::Method::POST,
            "/dang-nhap",
            Some((
                "application/x-www-form-urlencoded".into(),
                form_body(&[("identifier", email), ("password", PASSWORD)]).into_bytes(),
            )),
        )
        .await
        .map_err(|what| anyhow::anyhow!("sign-in of {email}: {what}"))?;
    match (answer.status, answer.location.as_str(), answer.cookie) {
        (303, "/ho-so", Some(Some(cookie))) => Ok(cookie),
        (status, location, _) => {
            anyhow::bail!("sign-in of {email} failed: {status} to {location:?}")
        }
    }
}
