//! The demo procedure catalogue: real procedures with their national codes,
//! documents, fees and processing times, from `seed/procedures.json`.

use super::demo_agencies::department_codes;
use anyhow::Context;
use app::text::normalize;
use chrono::{NaiveDate, NaiveTime};
use serde::Deserialize;
use sqlx::{PgPool, Postgres, Transaction};

const DATA: &str = include_str!("../../seed/procedures.json");

/// Demo procedures are in force from the day the two-tier government started.
const EFFECTIVE_FROM: (i32, u32, u32) = (2025, 7, 1);

#[derive(Deserialize)]
struct Catalogue {
    sectors: Vec<SectorSeed>,
    procedures: Vec<ProcedureSeed>,
}

#[derive(Deserialize)]
struct SectorSeed {
    code: String,
    name: String,
    name_en: Option<String>,
}

#[derive(Deserialize)]
struct ProcedureSeed {
    code: String,
    name: String,
    name_en: Option<String>,
    sector: String,
    agency_level: String,
    department: Option<String>,
    implementing_agency: String,
    online_level: String,
    processing_time: ProcessingTimeSeed,
    cutoff: Option<String>,
    description: Option<String>,
    applicants: Option<String>,
    #[serde(default)]
    steps: Vec<String>,
    documents: Vec<DocumentSeed>,
    #[serde(default)]
    fees: Vec<FeeSeed>,
    result_type: String,
    requirements: Option<String>,
    #[serde(default)]
    legal_basis: Vec<String>,
    #[serde(default)]
    popular: bool,
    #[serde(default)]
    workflow: Vec<super::demo_workflows::StepSeed>,
    /// `submission` (default) or `before_result`.
    payment_due: Option<String>,
    exemption_field: Option<String>,
    #[serde(default)]
    exemptions: Vec<ExemptionSeed>,
    /// The applicant must file in person (no authorised representative).
    #[serde(default)]
    representation_barred: bool,
}

#[derive(Deserialize)]
struct ProcessingTimeSeed {
    value: i32,
    unit: String,
}

#[derive(Deserialize)]
struct DocumentSeed {
    name: String,
    originals: i32,
    copies: i32,
    mandatory: bool,
    note: Option<String>,
    /// Needed only when an authorised person files (văn bản ủy quyền).
    #[serde(default)]
    when_represented: bool,
    /// Its blank form: a file of `seed/templates/`.
    template: Option<String>,
}

#[derive(Deserialize)]
struct FeeSeed {
    kind: String,
    description: String,
    amount: i64,
    note: Option<String>,
    /// Billed to dossiers (not only shown in the catalogue).
    #[serde(default)]
    charged: bool,
    /// Billed per unit of this e-form answer, beyond the first `beyond`.
    per_field: Option<String>,
    #[serde(default)]
    beyond: i32,
}

#[derive(Deserialize)]
struct ExemptionSeed {
    code: String,
    name: String,
    percent_off: i32,
    evidence_document: Option<String>,
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let catalogue: Catalogue = serde_json::from_str(DATA).context("seed/procedures.json")?;
    let departments = department_codes()?;
    let mut tx = pool.begin().await?;
    for sector in &catalogue.sectors {
        sqlx::query!(
            "INSERT INTO sectors (code, name, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING",
            sector.code,
            normalize(&sector.name),
            sector.name_en,
        )
        .execute(&mut *tx)
        .await?;
    }
    for procedure in &catalogue.procedures {
        let agency_code = procedure
            .department
            .as_ref()
            .and_then(|key| departments.get(key).cloned());
        insert_procedure(&mut tx, procedure, agency_code)
            .await
            .with_context(|| format!("procedure {}", procedure.code))?;
    }
    // The procedures follow their versions' placement from the start.
    crate::administration::procedure_store::apply_placements(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

async fn insert_procedure(
    tx: &mut Transaction<'_, Postgres>,
    procedure: &ProcedureSeed,
    department_code: Option<String>,
) -> anyhow::Result<()> {
    let Some(procedure_id) = sqlx::query_scalar!(
        r#"
        INSERT INTO procedures (code, sector_id, agency_level, popular)
        VALUES ($1, (SELECT id FROM sectors WHERE code = $2), $3, $4)
        ON CONFLICT (code) DO NOTHING
        RETURNING id
        "#,
        procedure.code,
        procedure.sector,
        procedure.agency_level,
        procedure.popular,
    )
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(()); // loaded by an earlier start
    };

    // Commune procedures are received by every commune; provincial ones by
    // their department, or by the provincial committee when none is named.
    sqlx::query!(
        r#"
        INSERT INTO procedure_agencies (procedure_id, agency_id)
        SELECT $1, id FROM agencies
        WHERE CASE WHEN $2 = 'commune' THEN kind = 'commune'
                   WHEN $3::text IS NOT NULL THEN code = $3
                   ELSE kind = 'province' END
        "#,
        procedure_id,
        procedure.agency_level,
        department_code,
    )
    .execute(&mut **tx)
    .await?;
    // (First: the version takes its implementing agency from these.)

    let (year, month, day) = EFFECTIVE_FROM;
    let cutoff = procedure
        .cutoff
        .as_deref()
        .map(|time| NaiveTime::parse_from_str(time, "%H:%M"))
        .transpose()
        .context("cutoff must be HH:MM")?;
    let version_id = sqlx::query_scalar!(
        r#"
        INSERT INTO procedure_versions (
            procedure_id, version, effective_from, name, name_en, description, applicants,
            implementing_agency, online_level, processing_time_value, processing_time_unit,
            cutoff_time, result_type, requirements, legal_basis, steps, representation_barred, published_at)
        VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
        RETURNING id
        "#,
        procedure_id,
        NaiveDate::from_ymd_opt(year, month, day) as _,
        normalize(&procedure.name),
        procedure.name_en,
        procedure.description.as_deref().map(normalize),
        procedure.applicants.as_deref().map(normalize),
        normalize(&procedure.implementing_agency),
        procedure.online_level,
        procedure.processing_time.value,
        procedure.processing_time.unit,
        cutoff as _,
        normalize(&procedure.result_type),
        procedure.requirements.as_deref().map(normalize),
        &procedure
            .legal_basis
            .iter()
            .map(|text| normalize(text))
            .collect::<Vec<_>>(),
        &procedure
            .steps
            .iter()
            .map(|text| normalize(text))
            .collect::<Vec<_>>(),
        procedure.representation_barred,
    )
    .fetch_one(&mut **tx)
    .await?;

    if !procedure.workflow.is_empty() {
        let hours = match procedure.processing_time.unit.as_str() {
            "working_days" => procedure.processing_time.value * 8,
            "same_day" => 8,
            _ => procedure.processing_time.value,
        };
        super::demo_workflows::replace(tx, version_id, &procedure.workflow, hours as u32).await?;
    }
    for (position, document) in (1..).zip(&procedure.documents) {
        let template = match &document.template {
            Some(file) => {
                let content = super::demo_templates::content(file)
                    .with_context(|| format!("seed/templates/{file}"))?;
                let kind = crate::administration::document_templates::template_kind(content, file)
                    .with_context(|| {
                        format!("seed/templates/{file} is not a blank form we take")
                    })?;
                Some(
                    crate::administration::document_templates::insert(
                        tx, None, file, kind, content,
                    )
                    .await?,
                )
            }
            None => None,
        };
        sqlx::query!(
            r#"INSERT INTO procedure_documents (version_id, position, name, originals, copies, mandatory, note, online_provision,
                                               when_represented, template_file_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7, document_provision($3), $8, $9)"#,
            version_id,
            position,
            normalize(&document.name),
            document.originals,
            document.copies,
            document.mandatory,
            document.note.as_deref().map(normalize),
            document.when_represented,
            template,
        )
        .execute(&mut **tx)
        .await?;
    }
    for (position, fee) in (1..).zip(&procedure.fees) {
        sqlx::query!(
            r#"INSERT INTO procedure_fees (version_id, position, kind, description, amount_vnd, note, charged, per_field, beyond)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"#,
            version_id,
            position,
            fee.kind,
            normalize(&fee.description),
            fee.amount,
            fee.note.as_deref().map(normalize),
            fee.charged,
            fee.per_field,
            fee.beyond,
        )
        .execute(&mut **tx)
        .await?;
    }
    for exemption in &procedure.exemptions {
        sqlx::query!(
            "INSERT INTO fee_exemptions (version_id, code, name, percent_off, evidence_document) VALUES ($1, $2, $3, $4, $5)",
            version_id,
            exemption.code,
            normalize(&exemption.name),
            exemption.percent_off,
            exemption.evidence_document.as_deref().map(normalize),
        )
        .execute(&mut **tx)
        .await?;
    }
    sqlx::query!(
        "UPDATE procedure_versions SET payment_due = coalesce($2, payment_due), exemption_field = $3 WHERE id = $1",
        version_id,
        procedure.payment_due,
        procedure.exemption_field,
    )
    .execute(&mut **tx)
    .await?;

    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::eforms::representation::FILED_BY;

    /// Circular 04/2020/TT-BTP art. 3: a marriage, its re-registration and
    /// a parentage recognition are not delegated; a will's and a
    /// signature's certification need the person themself (Decree
    /// 23/2015/NĐ-CP). Written from the rule, not read from the data.
    const FILED_IN_PERSON: [&str; 7] = [
        "1.000894", "1.004746", "2.000806", "1.001022", "1.000689", "2.001019", "2.000884",
    ];

    #[test]
    fn who_may_file_for_the_applicant_follows_the_law() {
        let catalogue: Catalogue = serde_json::from_str(DATA).unwrap();
        let forms = super::super::demo_eforms::definitions().unwrap();
        for procedure in &catalogue.procedures {
            let barred = FILED_IN_PERSON.contains(&procedure.code.as_str());
            assert_eq!(
                procedure.representation_barred, barred,
                "{}",
                procedure.code
            );
            let authorisations: Vec<&DocumentSeed> = procedure
                .documents
                .iter()
                .filter(|document| document.when_represented)
                .collect();
            if barred {
                assert!(authorisations.is_empty(), "{}", procedure.code);
            }
            for document in authorisations {
                assert!(
                    document.name.starts_with("Văn bản ủy quyền"),
                    "{}",
                    procedure.code
                );
            }
            if let Some(form) = forms.get(&procedure.code) {
                let asks = form.field(FILED_BY).is_some();
                assert!(
                    !(asks && barred),
                    "{} asks for a representative",
                    procedure.code
                );
            }
        }
    }
}
