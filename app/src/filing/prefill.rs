//! What a form starts with from the applicant's account: name, CCCD, date
//! of birth, phone, email. What the national identity provider verified
//! (name, CCCD, date of birth) is shown read-only, and the server puts it
//! back into every post, so a verified identity cannot be typed over.

use crate::eforms::{Answers, FormDefinition, Prefill};
use crate::error::AppResult;
use sqlx::PgPool;

/// The prefilled answers, and the keys of those that come from a verified
/// identity.
#[derive(Clone, Debug, Default)]
pub struct Prefilled {
    pub answers: Answers,
    pub verified: Vec<String>,
}

impl Prefilled {
    /// Puts the verified answers back into `answers`.
    pub fn keep_verified(&self, answers: &mut Answers) {
        for key in &self.verified {
            if let Some(value) = self.answers.get(key) {
                answers.insert(key.clone(), value.clone());
            }
        }
    }
}

/// What `form` starts with for `user_id`.
pub async fn prefilled(pool: &PgPool, user_id: i64, form: &FormDefinition) -> AppResult<Prefilled> {
    let profile = sqlx::query!(
        r#"SELECT full_name, email, phone, citizen_id,
                  to_char(date_of_birth, 'DD/MM/YYYY') AS date_of_birth,
                  identity_verified_at IS NOT NULL AS "verified!"
           FROM users WHERE id = $1"#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    let mut prefilled = Prefilled::default();
    for field in form.fields() {
        let (value, from_identity) = match field.prefill {
            Some(Prefill::FullName) => (Some(profile.full_name.clone()), true),
            Some(Prefill::CitizenId) => (profile.citizen_id.clone(), true),
            Some(Prefill::DateOfBirth) => (profile.date_of_birth.clone(), true),
            Some(Prefill::Email) => (profile.email.clone(), false),
            Some(Prefill::Phone) => (profile.phone.clone(), false),
            None => (None, false),
        };
        if let Some(value) = value {
            if from_identity && profile.verified {
                prefilled.verified.push(field.name.clone());
            }
            prefilled.answers.insert(field.name.clone(), value);
        }
    }
    Ok(prefilled)
}
