//! Officials' second factor in tests: the code an authenticator app would
//! show now, read from the account's own secret (the tests hold the key the
//! portal seals it with), and setting an app up through the account page
//! as an official would.

use super::back_office::PASSWORD;
use super::browser::Browser;
use super::TestApp;
use app::accounts::second_factor::{store, totp};

impl TestApp {
    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar::<_, i64>("SELECT id FROM users WHERE lower(email) = lower($1)")
            .bind(email)
            .fetch_one(&self.pool)
            .await
            .unwrap_or_else(|error| panic!("no account {email}: {error}"))
    }

    /// The next code the portal accepts for `email`'s app: a code passes
    /// once, so a second sign-in within the same 30 seconds takes the next
    /// step's code (one step ahead is accepted), and a third waits.
    pub async fn authenticator_code(&self, email: &str) -> String {
        let user_id = self.user_id(email).await;
        let factor = store::load(&self.pool, &self.state.sealing, user_id)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{email} has no authenticator app"));
        let now = totp::step_at(self.clock().now().timestamp());
        // Never the step before now: it may be two behind by the time the
        // portal reads it.
        let step = (factor.last_used_step + 1).max(now);
        if step > now + 1 {
            let wait = (step - 1) * totp::STEP_SECS - self.clock().now().timestamp();
            tokio::time::sleep(std::time::Duration::from_secs(wait.max(0) as u64 + 1)).await;
        }
        totp::code_at_step(&factor.secret, step)
    }

    /// A code the app showed a while ago, now refused.
    pub async fn stale_code(&self, email: &str) -> String {
        let user_id = self.user_id(email).await;
        let factor = store::load(&self.pool, &self.state.sealing, user_id)
            .await
            .unwrap()
            .unwrap();
        totp::code_at_step(
            &factor.secret,
            totp::step_at(self.clock().now().timestamp()) - 3,
        )
    }
}

/// How many audit entries `action` has.
pub async fn audited(app: &TestApp, action: &str) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// The password step of `email`, who has a second factor: the browser now
/// waits for it (the app's code or a passkey).
pub async fn password_step(browser: &mut Browser<'_>, email: &str) {
    let response = browser
        .post(
            "/dang-nhap",
            &[("identifier", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap/xac-thuc");
}

impl Browser<'_> {
    /// Sets up an authenticator app for the signed-in official (the setup
    /// page's two forms) and returns the recovery codes shown.
    pub async fn set_up_authenticator(&mut self, email: &str) -> Vec<String> {
        let begun = self.post("/tai-khoan/xac-thuc-hai-buoc/bat-dau", &[]).await;
        assert_eq!(begun.status, 303, "{}", begun.text());
        let user_id = self.app().user_id(email).await;
        let factor = store::load(&self.app().pool, &self.app().state.sealing, user_id)
            .await
            .unwrap()
            .expect("a secret to scan");
        let code = totp::code_at_step(
            &factor.secret,
            totp::step_at(self.app().clock().now().timestamp()),
        );
        let confirmed = self
            .post("/tai-khoan/xac-thuc-hai-buoc/xac-nhan", &[("code", &code)])
            .await;
        assert_eq!(confirmed.location(), "/tai-khoan/xac-thuc-hai-buoc");
        let page = self.get("/tai-khoan/xac-thuc-hai-buoc").await.text();
        recovery_codes_on(&page)
    }
}

/// The recovery codes a page's text lists (`abcde-fghjk`).
pub fn recovery_codes_on(page: &str) -> Vec<String> {
    page.split_whitespace()
        .filter(|word| {
            word.len() == 11
                && word.as_bytes()[5] == b'-'
                && word
                    .bytes()
                    .enumerate()
                    .all(|(at, b)| at == 5 || b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        .map(str::to_string)
        .collect()
}
