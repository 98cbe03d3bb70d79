//! What every filing form needs first: a citizen who may file, the procedure
//! with its e-form, and the citizen's one open draft of it — found or created
//! by whichever form touches it first (e-form, upload, wallet).

use crate::access::extractors::SignedIn;
use crate::forms::see_other;
use crate::state::AppState;
use app::access::{Permission, SignedInUser};
use app::catalogue::model::AgencyRef;
use app::eforms::{Answers, FormDefinition};
use app::filing::store as filing_store;
use app::filing::ProcedureSummary;
use app::i18n::Lang;
use axum::response::{IntoResponse, Response};
use sqlx::PgPool;

pub struct Filing {
    pub citizen: SignedInUser,
    pub procedure: ProcedureSummary,
    pub form: FormDefinition,
}

/// The filing of procedure `code` by `citizen`; the response to send instead
/// when they may not file (403) or the procedure has no online form.
pub async fn open(
    state: &AppState,
    citizen: SignedIn,
    lang: Lang,
    code: &str,
) -> Result<Filing, Response> {
    let citizen = citizen
        .may(Permission::FileDossier, lang)
        .map_err(IntoResponse::into_response)?
        .clone();
    match filing_store::procedure_with_form(&state.pool, code).await {
        Ok(Some((procedure, form))) => Ok(Filing {
            citizen,
            procedure,
            form,
        }),
        _ => Err(see_other("/thu-tuc")),
    }
}

impl Filing {
    /// The agency chosen, when it implements the procedure.
    pub fn chosen_agency(&self, code: &str) -> Option<&AgencyRef> {
        self.procedure
            .agencies
            .iter()
            .find(|agency| agency.code == code)
    }

    /// Where a draft sits: the chosen agency, or until one is chosen, the first.
    pub fn draft_agency(&self, chosen: &str) -> Option<&AgencyRef> {
        self.chosen_agency(chosen)
            .or(self.procedure.agencies.first())
    }

    /// The citizen's open draft, created at the procedure's first agency if
    /// there is none yet.
    pub async fn draft(&self, pool: &PgPool) -> anyhow::Result<i64> {
        let agency = self.draft_agency("").ok_or_else(|| {
            anyhow::anyhow!(
                "procedure {} has no implementing agency",
                self.procedure.code
            )
        })?;
        Ok(ensure(
            pool,
            self.citizen.id,
            self.procedure.version_id,
            &agency.code,
        )
        .await?)
    }

    /// Keeps what was typed in the draft, at `agency_code`.
    pub async fn save(
        &self,
        pool: &PgPool,
        agency_code: &str,
        answers: &Answers,
    ) -> sqlx::Result<i64> {
        let id = ensure(
            pool,
            self.citizen.id,
            self.procedure.version_id,
            agency_code,
        )
        .await?;
        sqlx::query!(
            "UPDATE dossiers SET form_data = $2, agency_id = (SELECT id FROM agencies WHERE code = $3),
                    updated_at = now()
             WHERE id = $1",
            id,
            serde_json::to_value(answers).unwrap_or_default(),
            agency_code,
        )
        .execute(pool)
        .await?;
        Ok(id)
    }
}

/// The id of the applicant's open draft of the version, created at
/// `agency_code` when there is none.
async fn ensure(
    pool: &PgPool,
    applicant: i64,
    version: i64,
    agency_code: &str,
) -> sqlx::Result<i64> {
    let existing = sqlx::query_scalar!(
        "SELECT id FROM dossiers WHERE applicant_id = $1 AND procedure_version_id = $2 AND status = 'draft'
         ORDER BY updated_at DESC LIMIT 1",
        applicant,
        version,
    )
    .fetch_optional(pool)
    .await?;
    if let Some(id) = existing {
        return Ok(id);
    }
    sqlx::query_scalar!(
        "INSERT INTO dossiers (applicant_id, procedure_version_id, agency_id, status, channel)
         VALUES ($1, $2, (SELECT id FROM agencies WHERE code = $3), 'draft', 'online') RETURNING id",
        applicant,
        version,
        agency_code,
    )
    .fetch_one(pool)
    .await
}
