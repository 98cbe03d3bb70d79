//! The append-only audit log: who did what, when (UTC), from where. Details
//! never hold passwords, tokens or full CCCD numbers.

use sqlx::PgExecutor;
use std::net::IpAddr;

/// What happened, as stored in `audit_log.action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignInThrottled,
    SignOut,
    Registered,
    EmailConfirmed,
    ContactChanged,
    PasswordChanged,
    PasswordResetRequested,
    PasswordReset,
    OfficialCreated,
    OfficialChanged,
    AccountDisabled,
    AccountEnabled,
    /// A reception officer recorded a walk-in applicant.
    ApplicantRecorded,
    ApiTokenIssued,
    ApiTokenRevoked,
    /// The working calendar: a day added or removed, a year confirmed
    /// (detail: the day or year, before and after).
    CalendarDayAdded,
    CalendarDayRemoved,
    CalendarYearConfirmed,
    /// A procedure version drafted, changed, discarded or published, and
    /// online filing suspended or resumed (detail: the procedure, version,
    /// before and after).
    AgencyUpdated,
    /// An agency merged into its successor (detail: both, the day, what moved).
    AgencyMerged,
    /// A renaming or merger scheduled for a later day, cancelled, or
    /// carried out on its day (detail: the agency, the change, the day).
    AgencyChangeScheduled,
    AgencyChangeCancelled,
    AgencyRenamed,
    /// An e-form created, its draft saved, restored or imported, a version
    /// published, the form archived (detail: its code, the version).
    FormCreated,
    FormDraftSaved,
    FormPublished,
    FormArchived,
    /// A sector added, renamed or removed (detail: its code, before, after).
    SectorCreated,
    SectorUpdated,
    SectorRemoved,
    /// A search phrase or question word added or removed (detail: which,
    /// and what it meant).
    SearchWordsChanged,
    /// The portal's help line or feedback address changed (before, after).
    SettingsUpdated,
    CatalogueImported,
    CatalogueImportPublished,
    CatalogueImportDiscarded,
    ProcedureCreated,
    ProcedureDraftCreated,
    ProcedureRemoved,
    ProcedureDraftSaved,
    ProcedureDraftDiscarded,
    ProcedureVersionPublished,
    ProcedureFilingSuspended,
    ProcedureFilingResumed,
    ArticleCreated,
    ArticleChanged,
    QuestionAnswered,
    /// A session ended by its owner from the list of sessions (detail:
    /// which, or how many).
    SessionEnded,
    /// Every session of an account ended by an administrator (detail: the
    /// account, how many).
    AccountSessionsEnded,
    /// A person downloaded everything the portal holds about them.
    PersonalDataExported,
    /// An official set up an authenticator app or added a passkey (detail:
    /// which).
    SecondFactorEnrolled,
    /// An official removed one of their passkeys (detail: its name).
    PasskeyRemoved,
    /// A second-factor code accepted outside sign-in (a session's check, a
    /// sensitive action); detail: how (app or recovery code).
    SecondFactorChecked,
    /// A wrong or reused code (detail: where), or one refused by the limit.
    SecondFactorFailed,
    SecondFactorThrottled,
    /// New recovery codes in place of the old ones.
    RecoveryCodesRenewed,
    /// An administrator removed an official's second factor.
    SecondFactorReset,
    /// A person deleted their drafts or unused wallet files (detail: how many).
    PersonalDataDeleted,
    /// The hourly retention rules deleted old drafts and assistant exchanges.
    RetentionApplied,
    /// A citizen's account linked to an identity provider's subject.
    IdentityLinked,
    /// A citizen unlinked their account from an identity provider.
    IdentityUnlinked,
    /// An account created at a first sign-in through an identity provider.
    IdentityAccountCreated,
    /// A sign-in or link through an identity provider refused (detail:
    /// the reason).
    IdentitySignInRefused,
    /// An administrator added or changed an identity provider.
    IdentityProviderSaved,
    /// A citizen agreed to the privacy notice in force (detail: where).
    PrivacyConsentGiven,
    /// A person asked for their data to be corrected; an administrator
    /// answered (detail: the request, the outcome).
    CorrectionRequested,
    CorrectionAnswered,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::SignIn => "sign_in",
            AuditAction::ApiTokenIssued => "api_token_issued",
            AuditAction::ApiTokenRevoked => "api_token_revoked",
            AuditAction::SignInFailed => "sign_in_failed",
            AuditAction::SignInThrottled => "sign_in_throttled",
            AuditAction::SignOut => "sign_out",
            AuditAction::Registered => "registered",
            AuditAction::EmailConfirmed => "email_confirmed",
            AuditAction::ContactChanged => "contact_changed",
            AuditAction::PasswordChanged => "password_changed",
            AuditAction::PasswordResetRequested => "password_reset_requested",
            AuditAction::PasswordReset => "password_reset",
            AuditAction::OfficialCreated => "official_created",
            AuditAction::OfficialChanged => "official_changed",
            AuditAction::AccountDisabled => "account_disabled",
            AuditAction::AccountEnabled => "account_enabled",
            AuditAction::ApplicantRecorded => "applicant_recorded",
            AuditAction::CalendarDayAdded => "calendar_day_added",
            AuditAction::CalendarDayRemoved => "calendar_day_removed",
            AuditAction::CalendarYearConfirmed => "calendar_year_confirmed",
            AuditAction::AgencyUpdated => "agency_updated",
            AuditAction::AgencyMerged => "agency_merged",
            AuditAction::AgencyChangeScheduled => "agency_change_scheduled",
            AuditAction::AgencyChangeCancelled => "agency_change_cancelled",
            AuditAction::AgencyRenamed => "agency_renamed",
            AuditAction::FormCreated => "form_created",
            AuditAction::FormDraftSaved => "form_draft_saved",
            AuditAction::FormPublished => "form_published",
            AuditAction::FormArchived => "form_archived",
            AuditAction::SectorCreated => "sector_created",
            AuditAction::SectorUpdated => "sector_updated",
            AuditAction::SectorRemoved => "sector_removed",
            AuditAction::SearchWordsChanged => "search_words_changed",
            AuditAction::SettingsUpdated => "settings_updated",
            AuditAction::CatalogueImported => "catalogue_imported",
            AuditAction::CatalogueImportPublished => "catalogue_import_published",
            AuditAction::CatalogueImportDiscarded => "catalogue_import_discarded",
            AuditAction::ProcedureCreated => "procedure_created",
            AuditAction::ProcedureRemoved => "procedure_removed",
            AuditAction::ProcedureDraftCreated => "procedure_draft_created",
            AuditAction::ProcedureDraftSaved => "procedure_draft_saved",
            AuditAction::ProcedureDraftDiscarded => "procedure_draft_discarded",
            AuditAction::ProcedureVersionPublished => "procedure_version_published",
            AuditAction::ProcedureFilingSuspended => "procedure_filing_suspended",
            AuditAction::ProcedureFilingResumed => "procedure_filing_resumed",
            AuditAction::ArticleCreated => "article_created",
            AuditAction::ArticleChanged => "article_changed",
            AuditAction::QuestionAnswered => "question_answered",
            AuditAction::SessionEnded => "session_ended",
            AuditAction::AccountSessionsEnded => "account_sessions_ended",
            AuditAction::PersonalDataExported => "personal_data_exported",
            AuditAction::SecondFactorEnrolled => "second_factor_enrolled",
            AuditAction::PasskeyRemoved => "passkey_removed",
            AuditAction::SecondFactorChecked => "second_factor_checked",
            AuditAction::SecondFactorFailed => "second_factor_failed",
            AuditAction::SecondFactorThrottled => "second_factor_throttled",
            AuditAction::RecoveryCodesRenewed => "recovery_codes_renewed",
            AuditAction::SecondFactorReset => "second_factor_reset",
            AuditAction::PersonalDataDeleted => "personal_data_deleted",
            AuditAction::RetentionApplied => "retention_applied",
            AuditAction::IdentityLinked => "identity_linked",
            AuditAction::IdentityUnlinked => "identity_unlinked",
            AuditAction::IdentityAccountCreated => "identity_account_created",
            AuditAction::IdentitySignInRefused => "identity_sign_in_refused",
            AuditAction::IdentityProviderSaved => "identity_provider_saved",
            AuditAction::PrivacyConsentGiven => "privacy_consent_given",
            AuditAction::CorrectionRequested => "correction_requested",
            AuditAction::CorrectionAnswered => "correction_answered",
        }
    }
}

/// Appends one entry. `user_id` is who acted (or, for failed sign-ins, the
/// account that was tried, when it exists).
pub async fn record(
    executor: impl PgExecutor<'_>,
    user_id: Option<i64>,
    action: AuditAction,
    detail: serde_json::Value,
    ip: Option<IpAddr>,
) -> Result<(), sqlx::Error> {
    sqlx::query!(
        "INSERT INTO audit_log (user_id, action, detail, ip) VALUES ($1, $2, $3, $4::text::inet)",
        user_id,
        action.as_str(),
        detail,
        ip.map(|ip| ip.to_string()),
    )
    .execute(executor)
    .await?;
    Ok(())
}
