//! The result generated from the dossier's answers (the seeded procedures'
//! simple template): drafted when the specialist proposes it (dự thảo, no
//! number, unsigned), issued when the leader approves it (numbered in the
//! deciding agency's register of results, signed with its certificate when
//! one is configured). Stored like any file, owned by the applicant but
//! hidden from them until it is returned.

use crate::documents::result_document::{self, ResultDocument};
use crate::documents::signing::{self, SignatureDetails};
use crate::dossiers::registers::{agency_body, next_number, Form};
use crate::state::AppState;
use app::eforms::{Answers, FormDefinition};
use app::i18n::Lang;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, PutPayload};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

/// What a generated result is: the draft the specialist proposes, or the
/// agency's result the leader's approval issues.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Draft,
    Issued,
}

/// Drafts the result of `dossier_id` from its answers (dự thảo: no number,
/// no signature) and stores it; the file's id.
pub async fn draft_result(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
) -> anyhow::Result<i64> {
    generate(state, tx, dossier_id, Stage::Draft).await
}

/// At approval, the drafted result (`result_file_id`, or none yet) becomes
/// the deciding agency's result: numbered in its register of results for
/// the year and signed with its certificate. A result the specialist
/// attached is the agency's own document and stays as it is (`None`).
pub async fn issue_result(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
    result_file_id: Option<i64>,
) -> anyhow::Result<Option<i64>> {
    let drafted = match result_file_id {
        None => true,
        Some(id) => {
            sqlx::query_scalar!(
                "SELECT kind = 'result_draft' AS \"drafted!\" FROM stored_files WHERE id = $1",
                id
            )
            .fetch_one(&mut *tx)
            .await?
        }
    };
    if !drafted {
        return Ok(None);
    }
    generate(state, tx, dossier_id, Stage::Issued)
        .await
        .map(Some)
}

async fn generate(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
    stage: Stage,
) -> anyhow::Result<i64> {
    let row = sqlx::query!(
        r#"SELECT d.code AS "code!", d.applicant_id, d.form_data, coalesce(procedure_form(v.id, d.form_version_id), f.eform) AS eform, v.name AS procedure_name,
                  a.id AS agency_id, a.code AS agency_code, u.full_name AS applicant_name
           FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN procedure_version_forms f ON f.version_id = v.id
           -- The result is the decision of the agency that approves it,
           -- which may take that step for the receiving one (liên thông).
           LEFT JOIN workflow_steps ws ON ws.version_id = d.procedure_version_id AND ws.stage = 'approval'
           JOIN agencies a ON a.id = coalesce(ws.agency_id, d.agency_id)
           JOIN users u ON u.id = d.applicant_id
           WHERE d.id = $1"#,
        dossier_id
    )
    .fetch_one(&mut *tx)
    .await?;
    let answers: Answers = serde_json::from_value(row.form_data).unwrap_or_default();
    let rows = row
        .eform
        .and_then(|eform| serde_json::from_value::<FormDefinition>(eform).ok())
        .map(|form| app::eforms::display::answer_rows(&form, &answers, Lang::Vi))
        .unwrap_or_default();
    let tracking_url = format!("{}/tra-cuu?ma={}", state.config.public_base_url, row.code);
    let body = agency_body(tx, row.agency_id).await?;
    // The result is the agency's decision: its number and its certificate,
    // once the leader approves it.
    let (number, signer) = match stage {
        Stage::Draft => (None, None),
        Stage::Issued => {
            let number = next_number(tx, &body, Form::Result, state.clock.now()).await?;
            let signer = state.signers.get(&format!("agency-{}", row.agency_code));
            (Some(body.reference(Form::Result, number)), signer)
        }
    };
    let rendered = result_document::render(&ResultDocument {
        issuer: body.issuer(),
        number: number.as_deref(),
        place: &state.config.place,
        issued_on: state.clock.today_in_vietnam(),
        code: &row.code,
        procedure_name: &row.procedure_name,
        applicant_name: &row.applicant_name,
        answers: &rows,
        tracking_url: &tracking_url,
        signed: signer.is_some(),
    })
    .map_err(|error| anyhow::anyhow!("rendering the result: {error:?}"))?;
    let reason = format!("Kết quả giải quyết hồ sơ {}", row.code);
    let details = SignatureDetails {
        reason: &reason,
        location: &state.config.place,
    };
    let pdf = signing::sign_if_configured(rendered, signer, &details, state.clock.now())?;
    let signed_by = signer.map(|signer| signer.common_name());
    let key = crate::files::new_storage_key();
    let size = pdf.len() as i64;
    let sha256 = Sha256::digest(&pdf).to_vec();
    state
        .files
        .put(&StorePath::from(key.as_str()), PutPayload::from(pdf))
        .await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO stored_files (owner_id, storage_key, original_name, content_type, size_bytes, sha256, kind, signed_by)
         VALUES ($1, $2, $3, 'application/pdf', $4, $5, $7, $6) RETURNING id",
        row.applicant_id,
        key,
        match stage {
            Stage::Draft => format!("du-thao-ket-qua-{}.pdf", row.code),
            Stage::Issued => format!("ket-qua-{}.pdf", row.code),
        },
        size,
        sha256,
        signed_by,
        match stage {
            Stage::Draft => "result_draft",
            Stage::Issued => "result",
        },
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(id)
}
