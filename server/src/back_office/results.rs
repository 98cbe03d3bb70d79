//! The draft result a specialist proposes, generated from the dossier's
//! answers (the seeded procedures' simple template), signed with the
//! agency's certificate when one is configured. It is stored like any file,
//! owned by the applicant but hidden from them until it is returned.

use crate::documents::result_document::{self, ResultDocument};
use crate::documents::signing::{self, SignatureDetails};
use crate::state::AppState;
use app::eforms::{Answers, FormDefinition};
use app::i18n::Lang;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, PutPayload};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

/// Generates and stores the result of `dossier_id`; returns the file's id.
pub async fn draft_result(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
) -> anyhow::Result<i64> {
    let row = sqlx::query!(
        r#"SELECT d.code AS "code!", d.applicant_id, d.form_data, f.eform, v.name AS procedure_name,
                  a.name AS agency_name, a.code AS agency_code, u.full_name AS applicant_name
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
    // The result is the agency's decision: its certificate signs it.
    let signer = state.signers.get(&format!("agency-{}", row.agency_code));
    let rendered = result_document::render(&ResultDocument {
        agency_name: &row.agency_name,
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
         VALUES ($1, $2, $3, 'application/pdf', $4, $5, 'result', $6) RETURNING id",
        row.applicant_id,
        key,
        format!("ket-qua-{}.pdf", row.code),
        size,
        sha256,
        signed_by,
    )
    .fetch_one(&mut *tx)
    .await?;
    Ok(id)
}
