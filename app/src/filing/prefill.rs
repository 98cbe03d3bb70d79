//! What a form starts with from the applicant's account: name, CCCD, date
//! of birth, phone, email, permanent address. What the national identity
//! provider verified (name, CCCD, date of birth, address) is shown
//! read-only, and the server puts it back into every post, so a verified
//! identity cannot be typed over.

use crate::eforms::keys::address_part;
use crate::eforms::{Answers, FieldKind, FormDefinition, Prefill};
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
        r#"SELECT u.full_name, u.email, u.phone, u.citizen_id,
                  to_char(u.date_of_birth, 'DD/MM/YYYY') AS date_of_birth,
                  u.identity_verified_at IS NOT NULL AS "verified!",
                  c.province_code AS "province?", u.address_commune, u.address_street
           FROM users u LEFT JOIN administrative_units c ON c.code = u.address_commune
           WHERE u.id = $1"#,
        user_id
    )
    .fetch_one(pool)
    .await?;
    let mut prefilled = Prefilled::default();
    for field in form.fields() {
        if field.prefill == Some(Prefill::Address) {
            let parts = [
                ("province", profile.province.clone()),
                ("commune", profile.address_commune.clone()),
                ("street", profile.address_street.clone()),
            ];
            if !matches!(field.kind, FieldKind::Address) || parts.iter().any(|(_, v)| v.is_none()) {
                continue;
            }
            for (part, value) in parts {
                let key = address_part(&field.name, part);
                if profile.verified {
                    prefilled.verified.push(key.clone());
                }
                prefilled.answers.insert(key, value.unwrap_or_default());
            }
            continue;
        }
        let (value, from_identity) = match field.prefill {
            Some(Prefill::FullName) => (Some(profile.full_name.clone()), true),
            Some(Prefill::CitizenId) => (profile.citizen_id.clone(), true),
            Some(Prefill::DateOfBirth) => (profile.date_of_birth.clone(), true),
            Some(Prefill::Email) => (profile.email.clone(), false),
            Some(Prefill::Phone) => (profile.phone.clone(), false),
            Some(Prefill::Address) | None => (None, false),
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
