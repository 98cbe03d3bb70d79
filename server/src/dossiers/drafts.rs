//! What every filing form needs first: someone who may file (the citizen,
//! or a reception officer at the counter for a walk-in applicant), the
//! procedure with its e-form, and the one open draft of it — found or
//! created by whichever form touches it first (e-form, upload, wallet).
//!
//! [`Filing`] is an extractor: the address says who files, so each filing
//! form has one handler serving both `/nop-ho-so/{code}…` (the citizen) and
//! `/can-bo/tiep-nhan/{applicant}/{code}…` (the counter).

use crate::access::extractors::SignedIn;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::{Permission, Role, SignedInUser};
use app::catalogue::model::AgencyRef;
use app::counter::store as counter_store;
use app::dossiers::Channel;
use app::eforms::{Answers, FormDefinition};
use app::filing::filing_path;
use app::filing::store::{self as filing_store, Filer};
use app::filing::ProcedureSummary;
use app::i18n::Lang;
use app::paths;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use sqlx::PgPool;
use std::collections::HashMap;

pub struct Filing {
    /// Whose dossier it is.
    pub applicant: Applicant,
    /// The reception officer filing at the counter; `None` online.
    pub officer: Option<SignedInUser>,
    pub procedure: ProcedureSummary,
    pub form: FormDefinition,
}

/// The person the dossier belongs to.
pub struct Applicant {
    pub id: i64,
    pub full_name: String,
    /// `None` for a walk-in applicant who gave none: told at the counter.
    pub email: Option<String>,
}

impl FromRequestParts<AppState> for Filing {
    /// Sign in first, 403, or "not found" (unknown applicant or procedure).
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Ok(asker) = Asker::from_request_parts(parts, state).await;
        let user = SignedIn::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let not_found = || HandlerError::not_found().into_response();
        let Path(params) = Path::<HashMap<String, String>>::from_request_parts(parts, state)
            .await
            .map_err(|_| not_found())?;
        let code = params.get("code").map(String::as_str).unwrap_or_default();
        match params.get("applicant") {
            None => match open(state, user, asker.lang, code).await {
                Ok(Some(filing)) => Ok(filing),
                // No such procedure, or its online filing is suspended: its
                // page says why (or that there is none).
                Ok(None) => Err(see_other(&paths::procedure(code))),
                Err(error) => Err(error.into_response()),
            },
            Some(applicant) => match applicant.parse() {
                Ok(applicant) => open_at_counter(state, user, asker.lang, applicant, code)
                    .await
                    .map_err(IntoResponse::into_response),
                Err(_) => Err(not_found()),
            },
        }
    }
}

/// The filing of procedure `code` by `citizen`; `None` when the procedure
/// has no online form (or no such procedure).
async fn open(
    state: &AppState,
    citizen: SignedIn,
    lang: Lang,
    code: &str,
) -> HandlerResult<Option<Filing>> {
    let citizen = citizen.may(Permission::FileDossier, lang)?.clone();
    let filer = Filer::Citizen { id: citizen.id };
    let found = filing_store::procedure_for(&state.pool, &filer, code).await?;
    Ok(found.map(|(procedure, form)| Filing {
        applicant: Applicant {
            id: citizen.id,
            full_name: citizen.full_name,
            email: Some(citizen.email),
        },
        officer: None,
        procedure,
        form,
    }))
}

/// The filing of procedure `code` at the counter by `officer` for the
/// walk-in applicant `applicant_id`: reception officers only, at the
/// agencies their reception role reaches; "not found" for an unknown
/// applicant or a procedure they do not receive.
async fn open_at_counter(
    state: &AppState,
    officer: SignedIn,
    lang: Lang,
    applicant_id: i64,
    code: &str,
) -> HandlerResult<Filing> {
    let officer = officer.may(Permission::FileAtCounter, lang)?.clone();
    let applicant = counter_store::applicant(&state.pool, applicant_id)
        .await?
        .ok_or_else(HandlerError::not_found)?;
    let filer = Filer::Counter {
        applicant: applicant.clone(),
        officer_id: officer.id,
        agencies: officer.agencies_for(Role::Reception).to_vec(),
    };
    let (procedure, form) = filing_store::procedure_for(&state.pool, &filer, code)
        .await?
        .ok_or_else(HandlerError::not_found)?;
    Ok(Filing {
        applicant: Applicant {
            id: applicant.id,
            full_name: applicant.full_name,
            email: applicant.email,
        },
        officer: Some(officer),
        procedure,
        form,
    })
}

impl Filing {
    /// Where the filing's forms post and come back to: for a paged form,
    /// its own part (office, documents, fees), after the question pages.
    pub fn base_path(&self) -> String {
        if self.form.paged {
            return self.page_path(None);
        }
        filing_path(
            &self.procedure.code,
            self.officer.as_ref().map(|_| self.applicant.id),
        )
    }

    /// A paged form's question page `index`, or its own part.
    pub fn page_path(&self, index: Option<usize>) -> String {
        let path = filing_path(
            &self.procedure.code,
            self.officer.as_ref().map(|_| self.applicant.id),
        );
        app::filing::form_page_path(&path, &self.form, index)
    }

    /// The answers a post carries: all of them for a form on one page; for
    /// a paged form, the draft's with the posted page's replaced (a page
    /// cannot change another page's answers).
    pub async fn posted_answers(
        &self,
        pool: &PgPool,
        form: &crate::forms::Posted,
    ) -> anyhow::Result<(Answers, Option<usize>)> {
        let mut posted = app::eforms::keys::posted_answers(&self.form, |key| Some(form.get(key)));
        // A verified identity is kept whatever the post (or an older save)
        // says.
        let prefilled = app::filing::prefill::prefilled(pool, self.applicant.id, &self.form)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        prefilled.keep_verified(&mut posted);
        if !self.form.paged {
            return Ok((posted, None));
        }
        let page = self
            .form
            .page_index(&form.get(app::filing::PAGE_FIELD))
            .filter(|&index| self.form.is_question_page(index));
        let stored = filing_store::draft(
            pool,
            self.applicant.id,
            self.officer_id(),
            self.procedure.version_id,
            &self.form,
        )
        .await
        .map_err(|error| anyhow::anyhow!("{error:?}"))?
        .map(|(_, answers, _, _)| answers)
        .unwrap_or_default();
        let mut merged = app::eforms::pages::merge_page(&self.form, &stored, &posted, page);
        prefilled.keep_verified(&mut merged);
        Ok((merged, page))
    }

    fn officer_id(&self) -> Option<i64> {
        self.officer.as_ref().map(|officer| officer.id)
    }

    /// The agency chosen, when it implements the procedure.
    pub fn chosen_agency(&self, code: &str) -> Option<&AgencyRef> {
        self.procedure
            .agencies
            .iter()
            .find(|agency| agency.code == code)
    }

    /// Where a new draft sits until the citizen chooses: the first agency
    /// (`agency_chosen` stays false, so the page still asks).
    fn placeholder_agency(&self) -> anyhow::Result<&AgencyRef> {
        self.procedure.agencies.first().ok_or_else(|| {
            anyhow::anyhow!(
                "procedure {} has no implementing agency",
                self.procedure.code
            )
        })
    }

    /// The citizen's open draft, created (with no agency chosen) if there
    /// is none yet.
    pub async fn draft(&self, pool: &PgPool) -> anyhow::Result<i64> {
        let agency = self.placeholder_agency()?;
        Ok(ensure(
            pool,
            self.applicant.id,
            self.officer_id(),
            self.procedure.version_id,
            &agency.code,
        )
        .await?)
    }

    /// Keeps what was typed in the draft, and the agency when one is
    /// chosen (`None` leaves it unchosen: never chosen for the citizen).
    pub async fn save(
        &self,
        pool: &PgPool,
        chosen: Option<&AgencyRef>,
        answers: &Answers,
    ) -> anyhow::Result<i64> {
        let id = self.draft(pool).await?;
        sqlx::query!(
            "UPDATE dossiers SET form_data = $2,
                    agency_id = coalesce((SELECT id FROM agencies WHERE code = $3), agency_id),
                    agency_chosen = $3::text IS NOT NULL, updated_at = now(),
                    form_version_id = $4
             WHERE id = $1",
            id,
            serde_json::to_value(answers).unwrap_or_default(),
            chosen.map(|agency| agency.code.as_str()),
            self.procedure.form_version_id,
        )
        .execute(pool)
        .await?;
        Ok(id)
    }
}

/// The id of the applicant's open draft of the version — online their own,
/// at the counter the officer's for them — created at `agency_code` when
/// there is none (the agency not yet chosen).
async fn ensure(
    pool: &PgPool,
    applicant: i64,
    officer: Option<i64>,
    version: i64,
    agency_code: &str,
) -> sqlx::Result<i64> {
    let existing = sqlx::query_scalar!(
        "SELECT id FROM dossiers WHERE applicant_id = $1 AND procedure_version_id = $2 AND status = 'draft'
           AND filed_by IS NOT DISTINCT FROM $3
         ORDER BY updated_at DESC LIMIT 1",
        applicant,
        version,
        officer,
    )
    .fetch_optional(pool)
    .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    // An officer fills it in at the counter; otherwise the applicant online.
    let channel = if officer.is_some() {
        Channel::Counter
    } else {
        Channel::Online
    };
    sqlx::query_scalar!(
        "INSERT INTO dossiers (applicant_id, procedure_version_id, agency_id, agency_chosen, status, channel, filed_by)
         VALUES ($1, $2, (SELECT id FROM agencies WHERE code = $3), false, 'draft', $5, $4)
         RETURNING id",
        applicant,
        version,
        agency_code,
        officer,
        channel as Channel,
    )
    .fetch_one(pool)
    .await
}
