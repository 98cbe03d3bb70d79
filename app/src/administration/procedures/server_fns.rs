//! Loading the procedure administration pages. Changes are plain POSTs
//! (`server/src/administration/procedures.rs`).

use super::{NewProcedureOptions, ProcedureAdmin, ProceduresAdmin, VersionComparison};
use crate::error::AppError;
use leptos::prelude::*;

/// The procedures matching `q` (code or name), for any administrator.
#[server(endpoint = "admin/procedures")]
pub async fn load_procedures_admin(q: Option<String>) -> Result<ProceduresAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    Ok(ProceduresAdmin {
        rows: store::procedures(&pool, q.as_deref().unwrap_or_default()).await?,
        may_edit: permits(&admin, Permission::ManageCatalogue { province_id }),
    })
}

/// One procedure's versions and draft; only the province's administrators
/// get the forms.
#[server(endpoint = "admin/procedure")]
pub async fn load_procedure_admin(code: String) -> Result<ProcedureAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let may_edit = permits(&admin, Permission::ManageCatalogue { province_id });
    let lang = crate::i18n::current_lang();
    let mut view = store::procedure(&pool, &code, admin.id, lang)
        .await?
        .ok_or(AppError::NotFound)?;
    view.may_edit = may_edit;
    if let Some(draft) = view.draft.as_mut() {
        draft.may_publish &= may_edit;
    }
    Ok(view)
}

/// The sectors and provincial agencies a new procedure may name.
#[server(endpoint = "admin/new-procedure")]
pub async fn load_new_procedure_options() -> Result<NewProcedureOptions, AppError> {
    use crate::access::{require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    if !crate::access::permits(&admin, Permission::ManageCatalogue { province_id }) {
        return Err(AppError::Forbidden);
    }
    store::new_procedure_options(&pool).await
}

/// Versions `from` and `to` of a procedure, field by field; without them,
/// the newest version against the one before it.
#[server(endpoint = "admin/procedure-comparison")]
pub async fn load_version_comparison(
    code: String,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<VersionComparison, AppError> {
    use crate::access::{require, Permission};
    require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let lang = crate::i18n::current_lang();
    store::comparison(&pool, &code, from, to, lang)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::{
        differences, Choice, DocumentLine, Draft, ExemptionLine, FeeLine, NewProcedureOptions,
        ProcedureAdmin, ProcedureAdminRow, StepLine, TemplateRef, VersionComparison, VersionFields,
        VersionRow, VersionState,
    };
    use crate::error::AppResult;
    use crate::i18n::Lang;
    use sqlx::{PgConnection, PgPool};

    pub async fn procedures(pool: &PgPool, q: &str) -> AppResult<Vec<ProcedureAdminRow>> {
        // A procedure not yet published is listed by its draft's name.
        let rows = sqlx::query!(
            r#"SELECT p.code, coalesce(c.name, d.name) AS "name!", c.version AS "version?",
                      d.id IS NOT NULL AS "has_draft!",
                      EXISTS (SELECT 1 FROM procedure_versions s WHERE s.procedure_id = p.id AND s.published_at IS NOT NULL
                              AND s.effective_from > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS "scheduled!",
                      p.online_filing_suspended IS NOT NULL AS "suspended!"
               FROM procedures p
               LEFT JOIN current_procedure_versions c ON c.procedure_id = p.id
               LEFT JOIN LATERAL (SELECT id, name, name_key FROM procedure_versions d
                                  WHERE d.procedure_id = p.id AND d.published_at IS NULL
                                  ORDER BY d.version DESC LIMIT 1) d ON true
               WHERE (c.id IS NOT NULL OR d.id IS NOT NULL)
                 AND ($1 = '' OR p.code LIKE $1 || '%' OR coalesce(c.name_key, d.name_key) LIKE '%' || search_key($1) || '%')
               ORDER BY c.id IS NULL DESC, coalesce(c.name_key, d.name_key) LIMIT 200"#,
            q.trim(),
        )
        .fetch_all(pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|row| ProcedureAdminRow {
                code: row.code,
                name: row.name,
                version: row.version,
                has_draft: row.has_draft,
                scheduled: row.scheduled,
                suspended: row.suspended,
            })
            .collect())
    }

    pub async fn new_procedure_options(pool: &PgPool) -> AppResult<NewProcedureOptions> {
        let sectors = sqlx::query_as!(
            Choice,
            "SELECT code AS value, name AS label FROM sectors ORDER BY name"
        )
        .fetch_all(pool)
        .await?;
        let agencies = sqlx::query_as!(
            Choice,
            "SELECT code AS value, name AS label FROM agencies
             WHERE kind IN ('province', 'department') AND merged_into IS NULL ORDER BY kind DESC, name"
        )
        .fetch_all(pool)
        .await?;
        let forms = sqlx::query_as!(
            Choice,
            r#"SELECT f.code AS value, f.title AS label FROM forms f
               WHERE NOT f.standard AND f.archived_at IS NULL
                 AND EXISTS (SELECT 1 FROM form_versions v WHERE v.form_id = f.id)
               ORDER BY f.title"#
        )
        .fetch_all(pool)
        .await?;
        Ok(NewProcedureOptions {
            sectors,
            agencies,
            forms,
        })
    }

    /// What an administrator edits in version `id`, read on `conn` (the
    /// handlers' transaction, so "before" is what the lock protects).
    pub async fn fields(conn: &mut PgConnection, id: i64) -> AppResult<VersionFields> {
        let row = sqlx::query!(
            r#"SELECT v.name, coalesce(v.name_en, '') AS "name_en!", v.steps, s.code AS sector, v.agency_level,
                      -- A provincial procedure without a department is the
                      -- committee's: named as such, as files and the editor give it.
                      coalesce(a.code, CASE WHEN v.agency_level = 'province'
                                            THEN (SELECT code FROM agencies WHERE kind = 'province' ORDER BY id LIMIT 1)
                                       END, '') AS "agency!",
                      coalesce(description, '') AS "description!", processing_time_unit,
                      processing_time_value, coalesce(to_char(cutoff_time, 'HH24:MI'), '') AS "cutoff!",
                      online_level, result_type, coalesce(requirements, '') AS "requirements!", legal_basis,
                      payment_due, representation_barred, channels,
                      coalesce((SELECT f.code FROM forms f WHERE f.id = v.form_id), '') AS "form!"
               FROM procedure_versions v JOIN sectors s ON s.id = v.sector_id
               LEFT JOIN agencies a ON a.id = v.implementing_agency_id
               WHERE v.id = $1"#,
            id
        )
        .fetch_one(&mut *conn)
        .await?;
        let documents = sqlx::query!(
            r#"SELECT d.name, d.originals, d.copies, d.mandatory, coalesce(d.note, '') AS "note!",
                      d.when_represented, t.id AS "template_id?", t.file_name AS "template_name?"
               FROM procedure_documents d LEFT JOIN template_files t ON t.id = d.template_file_id
               WHERE d.version_id = $1 ORDER BY d.position"#,
            id
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| DocumentLine {
            template: row
                .template_id
                .zip(row.template_name)
                .map(|(id, file_name)| TemplateRef { id, file_name }),
            name: row.name,
            originals: row.originals,
            copies: row.copies,
            mandatory: row.mandatory,
            note: row.note,
            when_represented: row.when_represented,
        })
        .collect();
        let fees = sqlx::query_as!(
            FeeLine,
            r#"SELECT kind, description, amount_vnd, charged, coalesce(per_field, '') AS "per_field!",
                      beyond, coalesce(note, '') AS "note!"
               FROM procedure_fees WHERE version_id = $1 ORDER BY position"#,
            id
        )
        .fetch_all(&mut *conn)
        .await?;
        let exemptions = exemptions(&mut *conn, id).await?;
        let workflow = sqlx::query_as!(
            StepLine,
            r#"SELECT ws.stage, ws.name, coalesce(ws.name_en, '') AS "name_en!", ws.budget_hours,
                      coalesce(a.code, '') AS "agency!"
               FROM workflow_steps ws LEFT JOIN agencies a ON a.id = ws.agency_id
               WHERE ws.version_id = $1 ORDER BY ws.position"#,
            id
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(VersionFields {
            name: row.name,
            sector: row.sector,
            level: row.agency_level,
            agency: row.agency,
            name_en: row.name_en,
            description: row.description,
            time_unit: row.processing_time_unit,
            time_value: row.processing_time_value,
            cutoff: row.cutoff,
            online_level: row.online_level,
            channels: super::super::Channels(row.channels),
            form: row.form,
            result_type: row.result_type,
            requirements: row.requirements,
            representation_barred: row.representation_barred,
            legal_basis: row.legal_basis,
            steps: row.steps,
            documents,
            payment_due: row.payment_due,
            fees,
            exemptions,
            workflow,
        })
    }

    /// The groups version `id` exempts from its fees, or gives a reduction.
    pub async fn exemptions(conn: &mut PgConnection, id: i64) -> AppResult<Vec<ExemptionLine>> {
        Ok(sqlx::query_as!(
            ExemptionLine,
            r#"SELECT code, name, percent_off, coalesce(evidence_document, '') AS "evidence_document!"
               FROM fee_exemptions WHERE version_id = $1 ORDER BY percent_off DESC, code"#,
            id
        )
        .fetch_all(&mut *conn)
        .await?)
    }

    /// The answers of version `id`'s form (its own e-form, or the standard
    /// one): what a fee line may be billed per unit of.
    pub async fn form_fields(conn: &mut PgConnection, id: i64) -> AppResult<Vec<String>> {
        Ok(sqlx::query_scalar!(
            r#"SELECT field ->> 'name' AS "name!"
               FROM procedure_version_forms f,
                    jsonb_array_elements(f.eform -> 'sections') section,
                    jsonb_array_elements(section -> 'fields') field
               WHERE f.version_id = $1 AND field ? 'name'"#,
            id
        )
        .fetch_all(&mut *conn)
        .await?)
    }

    pub async fn procedure(
        pool: &PgPool,
        code: &str,
        viewer: i64,
        lang: Lang,
    ) -> AppResult<Option<ProcedureAdmin>> {
        let Some(procedure) = sqlx::query!(
            r#"SELECT p.id, c.id AS "current_id?", p.online_filing_suspended,
                      coalesce(c.name, (SELECT name FROM procedure_versions v WHERE v.procedure_id = p.id
                                        ORDER BY v.version DESC LIMIT 1)) AS "name!"
               FROM procedures p LEFT JOIN current_procedure_versions c ON c.procedure_id = p.id
               WHERE p.code = $1"#,
            code
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        let rows = sqlx::query!(
            r#"SELECT v.id, v.version, v.published_at IS NOT NULL AS "published!",
                      v.effective_from > (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS "later!",
                      to_char(v.effective_from, 'DD/MM/YYYY') AS "effective_from!",
                      v.author_id, a.full_name AS "author?", p.full_name AS "publisher?"
               FROM procedure_versions v
               LEFT JOIN users a ON a.id = v.author_id
               LEFT JOIN users p ON p.id = v.published_by
               WHERE v.procedure_id = $1 ORDER BY v.version DESC"#,
            procedure.id
        )
        .fetch_all(pool)
        .await?;
        let mut versions = Vec::new();
        let mut draft = None;
        let published = rows.iter().any(|row| row.published);
        for row in rows {
            let state = match (row.published, row.later) {
                (false, _) => VersionState::Draft,
                (true, true) => VersionState::Scheduled,
                _ if Some(row.id) == procedure.current_id => VersionState::InForce,
                _ => VersionState::Superseded,
            };
            if state == VersionState::Draft && draft.is_none() {
                let mut conn = pool.acquire().await?;
                // A first version is compared with nothing: all of it is new.
                let current = match procedure.current_id {
                    Some(current) => fields(&mut conn, current).await?,
                    None => VersionFields::default(),
                };
                let edited = fields(&mut conn, row.id).await?;
                let t = &lang.texts().procedures_admin;
                // Steps elsewhere go to the province's bodies, not to
                // another commune.
                let step_agencies = sqlx::query!(
                    "SELECT code, name FROM agencies WHERE kind <> 'commune' AND merged_into IS NULL
                     ORDER BY kind = 'province', name"
                )
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .map(|row| (row.code, row.name))
                .collect();
                let placement = new_procedure_options(pool).await?;
                draft = Some(Draft {
                    placement,
                    id: row.id,
                    version: row.version,
                    author: row.author.clone(),
                    changes: differences(&current, &edited, t),
                    fields: edited,
                    may_publish: row.author_id != Some(viewer),
                    step_agencies,
                });
            }
            versions.push(VersionRow {
                id: row.id,
                version: row.version,
                state,
                effective_from: row.effective_from,
                author: row.author,
                publisher: row.publisher,
            });
        }
        Ok(Some(ProcedureAdmin {
            code: code.to_string(),
            name: procedure.name,
            versions,
            draft,
            suspended: procedure.online_filing_suspended,
            published,
            may_edit: false,
        }))
    }

    pub async fn comparison(
        pool: &PgPool,
        code: &str,
        from: Option<i32>,
        to: Option<i32>,
        lang: Lang,
    ) -> AppResult<Option<VersionComparison>> {
        let rows = sqlx::query!(
            "SELECT v.id, v.version, v.name FROM procedure_versions v
             JOIN procedures p ON p.id = v.procedure_id
             WHERE p.code = $1 ORDER BY v.version DESC",
            code
        )
        .fetch_all(pool)
        .await?;
        let Some(newest) = rows.first() else {
            return Ok(None);
        };
        let to = to.unwrap_or(newest.version);
        let from = from.unwrap_or(to - 1);
        let id_of = |version: i32| {
            rows.iter()
                .find(|row| row.version == version)
                .map(|row| row.id)
        };
        let (Some(from_id), Some(to_id)) = (id_of(from).or(id_of(to)), id_of(to)) else {
            return Ok(None);
        };
        let mut conn = pool.acquire().await?;
        let before = fields(&mut conn, from_id).await?;
        let after = fields(&mut conn, to_id).await?;
        Ok(Some(VersionComparison {
            code: code.to_string(),
            name: newest.name.clone(),
            versions: rows.iter().map(|row| row.version).collect(),
            from: if id_of(from).is_some() { from } else { to },
            to,
            changes: differences(&before, &after, &lang.texts().procedures_admin),
        }))
    }
}
