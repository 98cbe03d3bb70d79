//! From a verified identity to a portal account: by the provider's subject
//! only, never by email. A first sign-in creates a citizen's account from
//! the identity data; a signed-in citizen links theirs. Either way the
//! identity data is then the provider's, marked verified, and forms show
//! it read-only (`app/src/filing/prefill.rs`).

use super::refusal::Refusal;
use super::verify::VerifiedIdentity;
use app::access::AccountKind;
use sqlx::{PgConnection, PgPool};

/// The account a sign-in lands in.
pub struct Account {
    pub user_id: i64,
    pub kind: AccountKind,
    /// Created by this sign-in.
    pub created: bool,
}

/// The account linked to the identity's subject, or a new citizen's
/// account for it.
pub async fn sign_in(
    pool: &PgPool,
    provider_id: i64,
    identity: &VerifiedIdentity,
) -> anyhow::Result<Result<Account, Refusal>> {
    let mut tx = pool.begin().await?;
    // Two callbacks for one subject at once create one account.
    lock_subject(&mut tx, provider_id, &identity.subject).await?;
    let linked = sqlx::query!(
        r#"SELECT u.id, u.kind, u.disabled_at IS NOT NULL AS "disabled!"
           FROM identity_links l JOIN users u ON u.id = l.user_id
           WHERE l.provider_id = $1 AND l.subject = $2"#,
        provider_id,
        identity.subject,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(linked) = linked {
        if linked.disabled {
            return Ok(Err(Refusal::DisabledAccount));
        }
        sqlx::query!(
            "UPDATE identity_links SET last_sign_in_at = now() WHERE provider_id = $1 AND subject = $2",
            provider_id,
            identity.subject,
        )
        .execute(&mut *tx)
        .await?;
        record_verified(&mut tx, linked.id, identity).await?;
        tx.commit().await?;
        return Ok(Ok(Account {
            user_id: linked.id,
            kind: AccountKind::parse(&linked.kind).unwrap_or(AccountKind::Citizen),
            created: false,
        }));
    }
    let (Some(citizen_id), Some(full_name), Some(birth_date)) = (
        &identity.citizen_id,
        &identity.full_name,
        identity.birth_date,
    ) else {
        return Ok(Err(Refusal::ClaimsMissing));
    };
    // The CCCD's owner may have a password account: they link it from
    // their account page, so that nobody takes an account over by a claim.
    let user_id = sqlx::query_scalar!(
        "INSERT INTO users (kind, full_name, citizen_id, date_of_birth,
                            identity_verified_at, identity_source)
         VALUES ('citizen', $1, $2, $3::text::date, now(), 'national_identity')
         ON CONFLICT (citizen_id) DO NOTHING
         RETURNING id",
        full_name.as_str(),
        citizen_id.as_str(),
        birth_date.to_string(),
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(user_id) = user_id else {
        return Ok(Err(Refusal::CitizenIdHasAccount));
    };
    sqlx::query!(
        "INSERT INTO identity_links (provider_id, subject, user_id, last_sign_in_at)
         VALUES ($1, $2, $3, now())",
        provider_id,
        identity.subject,
        user_id,
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(Account {
        user_id,
        kind: AccountKind::Citizen,
        created: true,
    }))
}

/// Links a signed-in citizen's account to the identity's subject.
/// Linking twice to the same subject is no change.
pub async fn link(
    pool: &PgPool,
    provider_id: i64,
    user_id: i64,
    identity: &VerifiedIdentity,
) -> anyhow::Result<Result<(), Refusal>> {
    let mut tx = pool.begin().await?;
    lock_subject(&mut tx, provider_id, &identity.subject).await?;
    let user = sqlx::query!(
        "SELECT kind, citizen_id FROM users WHERE id = $1 FOR UPDATE",
        user_id
    )
    .fetch_one(&mut *tx)
    .await?;
    if user.kind != "citizen" {
        return Ok(Err(Refusal::OfficialsCannotLink));
    }
    let subject_owner = sqlx::query_scalar!(
        "SELECT user_id FROM identity_links WHERE provider_id = $1 AND subject = $2",
        provider_id,
        identity.subject,
    )
    .fetch_optional(&mut *tx)
    .await?;
    match subject_owner {
        Some(owner) if owner == user_id => return Ok(Ok(())),
        Some(_) => return Ok(Err(Refusal::LinkedToAnother)),
        None => {}
    }
    let other_subject = sqlx::query_scalar!(
        "SELECT subject FROM identity_links WHERE provider_id = $1 AND user_id = $2",
        provider_id,
        user_id,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if other_subject.is_some() {
        return Ok(Err(Refusal::AlreadyLinkedOtherSubject));
    }
    if let (Some(theirs), Some(ours)) = (&identity.citizen_id, &user.citizen_id) {
        if theirs.as_str() != ours {
            return Ok(Err(Refusal::IdentityMismatch));
        }
    }
    sqlx::query!(
        "INSERT INTO identity_links (provider_id, subject, user_id) VALUES ($1, $2, $3)",
        provider_id,
        identity.subject,
        user_id,
    )
    .execute(&mut *tx)
    .await?;
    record_verified(&mut tx, user_id, identity).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The provider's identity data becomes the account's, marked verified,
/// when the provider sent all of it (otherwise nothing is marked: a form
/// must not lock in what nobody vouched for).
async fn record_verified(
    tx: &mut PgConnection,
    user_id: i64,
    identity: &VerifiedIdentity,
) -> sqlx::Result<()> {
    let (Some(citizen_id), Some(full_name), Some(birth_date)) = (
        &identity.citizen_id,
        &identity.full_name,
        identity.birth_date,
    ) else {
        return Ok(());
    };
    sqlx::query!(
        "UPDATE users SET full_name = $2, date_of_birth = $3::text::date,
                citizen_id = coalesce(citizen_id, $4),
                identity_verified_at = now(), identity_source = 'national_identity',
                updated_at = now()
         WHERE id = $1 AND kind = 'citizen' AND coalesce(citizen_id, $4) = $4",
        user_id,
        full_name.as_str(),
        birth_date.to_string(),
        citizen_id.as_str(),
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

async fn lock_subject(tx: &mut PgConnection, provider_id: i64, subject: &str) -> sqlx::Result<()> {
    sqlx::query!(
        "SELECT pg_advisory_xact_lock(hashtextextended($1, $2))",
        subject,
        provider_id,
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
