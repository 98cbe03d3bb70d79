//! A real OpenID provider for the tests: the certified `oidc-provider`
//! from npm, started by `end2end/support/openid-provider.mjs` on a free
//! port (scripts/setup installs it with the end-to-end dependencies). It
//! stands in for the national identity (VNeID): a login page where the
//! test types who the person is and at which assurance level, and test
//! clients that misbehave on purpose (wrong audience, expired token, a key
//! never published) — the provider's own signing, re-done with the wrong
//! claim, since a correct provider never sends such tokens.

use super::browser::Browser;
use super::TestApp;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The test clients' shared secret (the script's).
pub const CLIENT_SECRET: &str = "motcua-test-secret";

pub struct OpenIdProvider {
    child: Child,
    pub issuer: String,
    port: u16,
    redirect_uris: Vec<String>,
    post_logout_uri: String,
}

fn script() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/support/openid-provider.mjs")
}

/// The slugs the tests configure providers under; each is registered as a
/// redirect URI at the provider.
pub const SLUGS: [&str; 4] = [
    "vneid",
    "vneid-wrong-audience",
    "vneid-expired",
    "vneid-unknown-key",
];

impl OpenIdProvider {
    /// Started for `app`: its callbacks registered as redirect URIs.
    pub fn start(app: &TestApp) -> OpenIdProvider {
        let public = app.state.config.public_base_url.clone();
        let redirect_uris: Vec<String> = SLUGS
            .iter()
            .map(|slug| app::accounts::national_identity::settings::redirect_uri(&public, slug))
            .collect();
        let post_logout_uri = format!("{}/", public.trim_end_matches('/'));
        let (child, issuer, port) = launch(0, "first", &redirect_uris, &post_logout_uri);
        OpenIdProvider {
            child,
            issuer,
            port,
            redirect_uris,
            post_logout_uri,
        }
    }

    /// The provider rotates its signing key: stopped, and started again on
    /// the same port with a new key (its sessions are gone, as after a
    /// restart; the portal's links are not).
    pub fn rotate_key(&mut self, key_id: &str) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let (child, issuer, _) = launch(
            self.port,
            key_id,
            &self.redirect_uris,
            &self.post_logout_uri,
        );
        self.child = child;
        assert_eq!(issuer, self.issuer);
    }

    /// How many times the provider's keys were read since it started.
    pub async fn key_reads(&self) -> u64 {
        let stats = reqwest::get(format!("{}/test/stats", self.issuer))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
        stats["jwks_requests"].as_u64().unwrap()
    }
}

impl Drop for OpenIdProvider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn launch(
    port: u16,
    key_id: &str,
    redirect_uris: &[String],
    post_logout: &str,
) -> (Child, String, u16) {
    let mut command = Command::new("node");
    command
        .arg(script())
        .args(["--port", &port.to_string(), "--key-id", key_id])
        .args(["--post-logout-redirect-uri", post_logout]);
    for uri in redirect_uris {
        command.args(["--redirect-uri", uri]);
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node runs the test OpenID provider (scripts/setup installs end2end's packages)");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let started: serde_json::Value = serde_json::from_str(&line)
        .unwrap_or_else(|_| panic!("the provider did not start: {line:?}"));
    (
        child,
        started["issuer"].as_str().unwrap().to_string(),
        started["port"].as_u64().unwrap() as u16,
    )
}

/// Configures the provider on the portal, as an administrator would store
/// it: `slug` (one of `SLUGS`) as `client_id`, the claims the test
/// provider sends, `required_acr` (empty: any).
pub async fn configure(
    app: &TestApp,
    provider: &OpenIdProvider,
    slug: &str,
    client_id: &str,
    required_acr: &str,
) -> i64 {
    let id = sqlx::query_scalar!(
        "INSERT INTO identity_providers (slug, name_vi, name_en, issuer, client_id, scopes,
                                         required_acr, claim_citizen_id)
         VALUES ($1, 'VNeID', 'VNeID', $2, $3, 'openid profile citizen', $4, 'so_dinh_danh')
         RETURNING id",
        slug,
        provider.issuer,
        client_id,
        required_acr,
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let sealed = app.state.sealing.seal(
        &server::accounts::national_identity::provider::secret_owner(id),
        CLIENT_SECRET.as_bytes(),
    );
    sqlx::query!(
        "UPDATE identity_providers SET client_secret_sealed = $2 WHERE id = $1",
        id,
        sealed
    )
    .execute(&app.pool)
    .await
    .unwrap();
    id
}

/// Who signs in at the provider, as the test types it on its login page.
#[derive(Clone)]
pub struct Person {
    pub subject: String,
    pub citizen_id: String,
    pub full_name: String,
    pub birth_date: String,
    pub acr: String,
}

impl Person {
    /// A person nobody has met, at level 2.
    pub fn new(label: &str) -> Person {
        let digits: u64 = rand::random::<u64>() % 1_000_000;
        Person {
            subject: format!("vneid-{label}-{digits}"),
            citizen_id: format!("001195{digits:06}"),
            full_name: "Nguyễn Văn Định Danh".into(),
            birth_date: "1995-08-20".into(),
            acr: "LoA2".into(),
        }
    }
}

/// The person's browser goes from `start` (a portal address that sends it
/// to the provider) through the provider's login page, and is sent back:
/// the callback address (path and query) it is sent back to, not yet
/// opened, so a test may tamper with it or open it twice.
pub async fn authorize(browser: &mut Browser<'_>, start: &str, person: &Person) -> String {
    let started = browser.get(start).await;
    assert_eq!(
        started.status, 303,
        "{start} sends to the provider: {}",
        started.body
    );
    let public = browser.app().state.config.public_base_url.clone();
    let at_provider = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut next = started.location();
    for _ in 0..12 {
        if let Some(back) = next.strip_prefix(&public) {
            return back.to_string();
        }
        let response = at_provider.get(&next).send().await.unwrap();
        if response.status().is_redirection() {
            next = absolute(&next, response.headers()["location"].to_str().unwrap());
            continue;
        }
        let page_url = next.clone();
        let page = response.text().await.unwrap();
        assert!(
            page.contains("name=\"subject\""),
            "the provider's login page: {page}"
        );
        let action = attribute_after(&page, "<form", "action").unwrap_or(page_url.clone());
        let posted = at_provider
            .post(absolute(&page_url, &action))
            .form(&[
                ("subject", person.subject.as_str()),
                ("citizen_id", person.citizen_id.as_str()),
                ("full_name", person.full_name.as_str()),
                ("birthdate", person.birth_date.as_str()),
                ("acr", person.acr.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert!(
            posted.status().is_redirection(),
            "the login was accepted: {}",
            posted.status()
        );
        next = absolute(&page_url, posted.headers()["location"].to_str().unwrap());
    }
    panic!("the provider never sent the browser back (last at {next})");
}

/// Signs in (or links) all the way: `authorize`, then the callback opened.
pub async fn sign_in_through(
    browser: &mut Browser<'_>,
    start: &str,
    person: &Person,
) -> super::TestResponse {
    let callback = authorize(browser, start, person).await;
    browser.get(&callback).await
}

fn absolute(base: &str, location: &str) -> String {
    reqwest::Url::parse(base)
        .unwrap()
        .join(location)
        .unwrap()
        .to_string()
}

fn attribute_after(html: &str, tag: &str, name: &str) -> Option<String> {
    let from = html.find(tag)?;
    let rest = &html[from..];
    let end = rest.find('>')?;
    let opening = &rest[..end];
    let marker = format!("{name}=\"");
    let start = opening.find(&marker)? + marker.len();
    let value = &opening[start..];
    Some(value[..value.find('"')?].replace("&amp;", "&"))
}
