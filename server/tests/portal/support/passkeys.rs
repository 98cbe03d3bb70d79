//! Passkeys in tests: a software authenticator (webauthn-authenticator-rs's
//! `SoftPasskey`, the same ceremonies a phone or security key performs)
//! answering the portal's challenges, sent the way `public/passkeys.js`
//! sends them: the challenge fetched as JSON, the answer posted in the
//! form's hidden fields.

use super::browser::Browser;
use super::TestResponse;
use server::accounts::second_factor::passkeys::relying_party;
use webauthn_authenticator_rs::prelude::{
    CreationChallengeResponse, RequestChallengeResponse, Url, WebauthnAuthenticator,
};
use webauthn_authenticator_rs::softpasskey::SoftPasskey;

/// One device's passkeys.
pub struct SoftKey(SoftPasskey);

impl SoftKey {
    pub fn new() -> SoftKey {
        // `true`: it says the person was verified (fingerprint, PIN), as
        // the portal requires of passkeys.
        SoftKey(SoftPasskey::new(true))
    }
}

/// A passkey's answer as a form carries it.
pub struct Answer {
    pub challenge: String,
    pub answer: String,
}

impl Answer {
    pub fn fields(&self) -> [(&str, &str); 2] {
        [
            ("passkey_challenge", &self.challenge),
            ("passkey_answer", &self.answer),
        ]
    }
}

impl Browser<'_> {
    fn passkey_origin(&self) -> Url {
        relying_party::origin_for_public_url(&self.app().state.config.public_base_url)
            .expect("the tests' portal can have passkeys")
    }

    /// The portal's answer to a request for a challenge.
    pub async fn passkey_challenge(&mut self, purpose: &str) -> TestResponse {
        self.post(
            "/tai-khoan/khoa-truy-cap/thu-thach",
            &[("purpose", purpose)],
        )
        .await
    }

    /// `key` answers a fresh `authenticate` challenge of whoever this
    /// browser is signing in or signed in as.
    pub async fn passkey_answer(&mut self, key: &mut SoftKey) -> Answer {
        let reply = self.passkey_challenge("authenticate").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let body = reply.json();
        let options: RequestChallengeResponse =
            serde_json::from_value(body["options"].clone()).unwrap();
        let signed = key
            .0
            .do_authentication(self.passkey_origin(), options)
            .expect("the software key signs");
        Answer {
            challenge: body["challenge"].to_string(),
            answer: serde_json::to_string(&signed).unwrap(),
        }
    }

    /// `key` makes a new passkey for a fresh `register` challenge of the
    /// signed-in official: the answer the page would send.
    pub async fn passkey_registration(&mut self, key: &mut SoftKey) -> Answer {
        let reply = self.passkey_challenge("register").await;
        assert_eq!(reply.status, 200, "{}", reply.body);
        let body = reply.json();
        let options: CreationChallengeResponse =
            serde_json::from_value(body["options"].clone()).unwrap();
        let made = key
            .0
            .do_registration(self.passkey_origin(), options)
            .expect("the software key makes a passkey");
        Answer {
            challenge: body["challenge"].to_string(),
            answer: serde_json::to_string(&made).unwrap(),
        }
    }

    /// Adds a passkey made by `key` under `name` to the signed-in
    /// official's account: the page's answer.
    pub async fn add_passkey(&mut self, key: &mut SoftKey, name: &str) -> TestResponse {
        let made = self.passkey_registration(key).await;
        let [challenge, answer] = made.fields();
        self.post(
            "/tai-khoan/xac-thuc-hai-buoc/khoa-truy-cap",
            &[("name", name), challenge, answer],
        )
        .await
    }
}
