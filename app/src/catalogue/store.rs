//! The catalogue in PostgreSQL. Every query here is checked against the schema
//! at compile time (`.sqlx/` holds the offline copy).

use super::model::*;
use super::query::CatalogueQuery;
use crate::error::{AppError, AppResult};
use crate::money::Vnd;
use sqlx::PgPool;

/// Searches the procedures in force today.
///
/// Matching is accent- and case-insensitive (`search_key`) and tolerant: a
/// procedure matches when the query is a substring of its text, when all the
/// query's words occur in it, or when the query is close to a phrase in it
/// (trigram word similarity, which forgives typos). A question typed as
/// people ask it is also read for what it asks (`search_question`: the
/// editors' colloquial phrases replaced by the catalogue's words, filler
/// words dropped), and matched and ranked by that. Ranking puts an exact code
/// or name first, then names that start with the query, then the closest names;
/// among equals, popular and shorter names come first ("Đăng ký khai sinh"
/// before "Đăng ký khai sinh có yếu tố nước ngoài"). A procedure also
/// matches when all the words asked occur in one of its passages
/// (documents, fees, conditions, steps…: `procedure_passages`), ranked by
/// its name like the others, so a match in the name stays first.
pub async fn search(pool: &PgPool, query: &CatalogueQuery) -> AppResult<ProcedurePage> {
    let rows = sqlx::query!(
        r#"
        WITH typed AS (SELECT $1::text AS raw, search_key($1::text) AS key,
                              nullif(search_question($1::text), '') AS asked),
             input AS (SELECT raw, key, asked, coalesce(asked, key) AS meant FROM typed)
        SELECT p.code AS "code!",
               v.name AS "name!",
               v.name_en,
               s.code AS "sector_code!",
               s.name AS "sector_name!", s.name_en AS sector_name_en,
               p.agency_level AS "agency_level!",
               v.online_level AS "online_level!",
               v.processing_time_value AS "processing_time_value!",
               v.processing_time_unit AS "processing_time_unit!",
               count(*) OVER () AS "total!"
        FROM procedures p
        JOIN current_procedure_versions v ON v.procedure_id = p.id
        JOIN sectors s ON s.id = p.sector_id
        CROSS JOIN input
        WHERE ($2::text IS NULL OR s.code = $2)
          AND ($3::text IS NULL OR EXISTS (
                SELECT 1 FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
                WHERE pa.procedure_id = p.id AND a.code = $3))
          AND ($4::text IS NULL OR v.online_level = $4)
          AND (NOT $7 OR p.popular)
          AND (input.raw IS NULL
               OR p.code = input.raw
               OR strpos(v.search_text, input.key) > 0
               OR input.key <% v.search_text
               OR to_tsvector('simple', v.search_text) @@ plainto_tsquery('simple', input.key)
               OR to_tsvector('simple', v.search_text) @@ plainto_tsquery('simple', input.asked)
               OR input.asked <% v.search_text
               -- Its documents, fees, time limit, conditions, steps, where
               -- to file: all the words in one of them.
               OR v.id IN (SELECT pp.version_id FROM procedure_passages pp
                           WHERE pp.words @@ plainto_tsquery('simple', input.meant)))
        ORDER BY
            CASE WHEN input.raw IS NULL THEN 0 ELSE
                (CASE WHEN p.code = input.raw THEN 10 ELSE 0 END)
                + (CASE WHEN v.name_key = input.key THEN 4 ELSE 0 END)
                + (CASE WHEN starts_with(v.name_key, input.key) THEN 2 ELSE 0 END)
                + 2 * word_similarity(input.meant, v.name_key)
                + similarity(input.meant, v.name_key)
            END DESC,
            p.popular DESC,
            length(v.name),
            p.code
        LIMIT $5 OFFSET $6
        "#,
        query.text,
        query.sector,
        query.agency,
        query.level.map(OnlineLevel::code),
        query.limit,
        query.offset,
        query.popular_only,
    )
    .fetch_all(pool)
    .await?;

    let total = rows.first().map_or(0, |row| row.total);
    let items = rows
        .into_iter()
        .map(|row| {
            Ok(ProcedureSummary {
                code: row.code,
                name: row.name,
                name_en: row.name_en,
                sector_code: row.sector_code,
                sector_name: row.sector_name,
                sector_name_en: row.sector_name_en,
                agency_level: decode(AgencyLevel::parse(&row.agency_level))?,
                online_level: decode(OnlineLevel::parse(&row.online_level))?,
                processing_time: processing_time(
                    row.processing_time_value,
                    &row.processing_time_unit,
                )?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(ProcedurePage {
        items,
        total,
        limit: query.limit,
        offset: query.offset,
    })
}

/// Sectors and agencies to filter by.
pub async fn facets(pool: &PgPool) -> AppResult<CatalogueFacets> {
    let sectors = sqlx::query!(
        r#"
        SELECT s.code, s.name, s.name_en, count(v.id) AS "procedure_count!"
        FROM sectors s
        JOIN procedures p ON p.sector_id = s.id
        JOIN current_procedure_versions v ON v.procedure_id = p.id
        GROUP BY s.id
        ORDER BY s.name
        "#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| Sector {
        code: row.code,
        name: row.name,
        name_en: row.name_en,
        procedure_count: row.procedure_count,
    })
    .collect::<Vec<_>>();
    // Vietnamese alphabetical order, not the database's byte order.
    let mut sectors = sectors;
    crate::collation::sort_vietnamese(&mut sectors, |sector| &sector.name);

    let agencies = sqlx::query!(
        r#"
        SELECT a.code, a.name
        FROM agencies a
        WHERE EXISTS (SELECT 1 FROM procedure_agencies pa WHERE pa.agency_id = a.id)
        ORDER BY a.kind = 'commune', a.name
        "#
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| AgencyRef {
        code: row.code,
        name: row.name,
    })
    .collect();

    Ok(CatalogueFacets { sectors, agencies })
}

/// The procedure with this national code, as in force today, with the
/// appointment a dossier received at `now` (Vietnam time) would get.
pub async fn find_by_code(
    pool: &PgPool,
    code: &str,
    now: chrono::NaiveDateTime,
) -> AppResult<Option<ProcedureDetail>> {
    let Some(row) = sqlx::query!(
        r#"
        SELECT p.id AS "procedure_id!", p.code AS "code!", v.id AS "version_id!",
               v.version AS "version!", to_char(v.effective_from, 'YYYY-MM-DD') AS "effective_from!",
               v.name AS "name!", v.name_en, v.description, v.applicants,
               s.code AS "sector_code!", s.name AS "sector_name!", s.name_en AS sector_name_en,
               p.agency_level AS "agency_level!", v.implementing_agency AS "implementing_agency!",
               v.online_level AS "online_level!",
               v.processing_time_value AS "processing_time_value!",
               v.processing_time_unit AS "processing_time_unit!",
               to_char(v.cutoff_time, 'HH24:MI') AS cutoff,
               v.result_type AS "result_type!", v.requirements,
               v.legal_basis AS "legal_basis!", v.steps AS "steps!", p.online_filing_suspended,
               (SELECT channels FROM procedure_versions WHERE id = v.id) AS "channels!",
               (SELECT representation_barred FROM procedure_versions WHERE id = v.id) AS "representation_barred!"
        FROM procedures p
        JOIN current_procedure_versions v ON v.procedure_id = p.id
        JOIN sectors s ON s.id = p.sector_id
        WHERE p.code = $1
        "#,
        code
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };

    let documents: Vec<RequiredDocument> = sqlx::query!(
        "SELECT name, originals, copies, mandatory, note, template_file_id FROM procedure_documents
         WHERE version_id = $1 ORDER BY position",
        row.version_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|document| RequiredDocument {
        template: document.template_file_id.map(|id| FormTemplate {
            name: document.name.clone(),
            url: crate::paths::template_file(id),
        }),
        name: document.name,
        originals: document.originals,
        copies: document.copies,
        mandatory: document.mandatory,
        note: document.note,
    })
    .collect();

    let fees = sqlx::query!(
        "SELECT kind, description, amount_vnd, note FROM procedure_fees
         WHERE version_id = $1 ORDER BY position",
        row.version_id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|fee| {
        Ok(Fee {
            kind: decode(FeeKind::parse(&fee.kind))?,
            description: fee.description,
            amount: Vnd(fee.amount_vnd),
            note: fee.note,
        })
    })
    .collect::<AppResult<Vec<_>>>()?;

    let templates = documents
        .iter()
        .filter_map(|document| document.template.clone())
        .collect();

    let agencies = sqlx::query_as!(
        AgencyRef,
        "SELECT a.code, a.name FROM procedure_agencies pa JOIN agencies a ON a.id = pa.agency_id
         WHERE pa.procedure_id = $1 ORDER BY a.kind = 'commune', a.name",
        row.procedure_id
    )
    .fetch_all(pool)
    .await?;

    let processing_time = processing_time(row.processing_time_value, &row.processing_time_unit)?;
    let calendar = crate::deadlines::store::working_calendar(pool).await?;
    let due = crate::deadlines::appointment(
        &calendar,
        now,
        processing_time.into(),
        crate::deadlines::parse_cutoff(row.cutoff.as_deref()),
    );

    Ok(Some(ProcedureDetail {
        code: row.code,
        version: row.version,
        effective_from: row.effective_from,
        name: row.name,
        name_en: row.name_en,
        description: row.description,
        applicants: row.applicants,
        sector_code: row.sector_code,
        sector_name: row.sector_name,
        sector_name_en: row.sector_name_en,
        agency_level: decode(AgencyLevel::parse(&row.agency_level))?,
        implementing_agency: row.implementing_agency,
        online_level: decode(OnlineLevel::parse(&row.online_level))?,
        processing_time,
        cutoff: row.cutoff,
        result_type: row.result_type,
        requirements: row.requirements,
        legal_basis: row.legal_basis,
        steps: row.steps,
        documents,
        fees,
        templates,
        agencies,
        due_if_filed_now: Some(due.due.format("%d/%m/%Y").to_string()),
        fee_schedule: Some(crate::fees::store::schedule(pool, row.version_id).await?)
            .filter(|schedule| !schedule.rules.is_empty()),
        online_filing_suspended: row.online_filing_suspended,
        channels: row
            .channels
            .iter()
            .filter_map(|name| crate::dossiers::Channel::parse(name))
            .collect(),
        representation_barred: row.representation_barred,
    }))
}

fn processing_time(value: i32, unit: &str) -> AppResult<ProcessingTime> {
    Ok(ProcessingTime {
        value,
        unit: decode(TimeUnit::parse(unit))?,
    })
}

/// The schema's CHECK constraints make unknown codes impossible; should one
/// appear anyway, it is a server fault, not the user's.
fn decode<T>(value: Option<T>) -> AppResult<T> {
    value.ok_or_else(|| {
        tracing::error!("unexpected code in the catalogue tables");
        AppError::Internal
    })
}
