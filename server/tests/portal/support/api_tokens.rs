//! API tokens as an administrator issues them at `/quan-tri/ma-api`.

use super::back_office::signed_in;
use super::TestApp;

/// The province administrator who issues tokens in the tests.
pub const ISSUER: &str = "quantri@motcua.example";

/// `ISSUER` issues a token for `purpose` (`reports` or `open311`) named
/// `label` to the account `owner`: the token the page shows once after,
/// or none when the page refused it.
pub async fn issue_api_token(
    app: &TestApp,
    owner: &str,
    purpose: &str,
    label: &str,
) -> Option<String> {
    let owner_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(owner)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut admin = signed_in(app, ISSUER).await;
    let issued = admin
        .post(
            "/quan-tri/ma-api",
            &[
                ("owner", &owner_id.to_string()),
                ("purpose", purpose),
                ("label", label),
            ],
        )
        .await;
    assert_eq!(issued.status.as_u16(), 303);
    let page = admin.get("/quan-tri/ma-api").await.text();
    let at = page.find("mc_")?;
    Some(
        page[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect(),
    )
}
