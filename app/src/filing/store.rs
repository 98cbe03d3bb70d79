//! Filing reads and the draft (server only).

use super::model::{AddressChoices, AttachedFile, DocumentSlot, FilingView, ProcedureSummary};
use crate::catalogue::model::{AgencyRef, FormTemplate};
use crate::counter::WalkInApplicant;
use crate::dossiers::Channel;
use crate::eforms::{Answers, FormDefinition, Place, PlaceBook};
use crate::error::{AppError, AppResult};
use sqlx::PgPool;

/// The procedure in force with its e-form, as filed through `channel`
/// (online by the citizen, or at the counter); `None` when there is no such
/// procedure or form, or it is not filed that way: its version does not
/// offer the channel (cách thức thực hiện), or online filing is suspended.
pub async fn procedure_with_form(
    pool: &PgPool,
    code: &str,
    channel: Channel,
) -> AppResult<Option<(ProcedureSummary, FormDefinition)>> {
    let row = sqlx::query!(
        r#"SELECT p.code, v.name, v.id, f.eform, f.form_version_id, v.online_level = 'partial' AS "partly_online!", p.online_filing_suspended,
                  v.representation_barred, v.channels
           FROM procedures p
           JOIN current_procedure_versions c ON c.procedure_id = p.id
           JOIN procedure_versions v ON v.id = c.id
           JOIN procedure_version_forms f ON f.version_id = v.id
           WHERE p.code = $1"#,
        code
    )
    .fetch_optional(pool)
    .await?;
    // The procedure page says why it is not filed this way.
    let Some(row) = row.filter(|row| {
        row.channels.iter().any(|name| name == channel.as_str())
            && (channel != Channel::Online || row.online_filing_suspended.is_none())
    }) else {
        return Ok(None);
    };
    let Some(eform) = row.eform else {
        return Ok(None);
    };
    let form: FormDefinition = serde_json::from_value(eform).map_err(|error| {
        tracing::error!(%error, code, "a stored e-form does not match the definition type");
        AppError::Internal
    })?;
    let form = if row.representation_barred {
        form.without_representative()
    } else {
        form
    };
    let agencies = sqlx::query_as!(
        AgencyRef,
        "SELECT a.code, a.name FROM procedure_agencies pa
         JOIN procedures p ON p.id = pa.procedure_id JOIN agencies a ON a.id = pa.agency_id
         WHERE p.code = $1 ORDER BY a.kind = 'commune', a.name",
        code
    )
    .fetch_all(pool)
    .await?;
    Ok(Some((
        ProcedureSummary {
            code: row.code,
            name: row.name,
            version_id: row.id,
            agencies,
            partly_online: row.partly_online,
            form_version_id: row.form_version_id,
        },
        form,
    )))
}

/// Who fills the form: a citizen for themselves, or a reception officer at
/// the counter for a walk-in applicant, at one of the agencies the
/// officer's reception role reaches.
pub enum Filer {
    Citizen {
        id: i64,
    },
    Counter {
        applicant: WalkInApplicant,
        officer_id: i64,
        agencies: Vec<i64>,
    },
}

impl Filer {
    pub fn applicant_id(&self) -> i64 {
        match self {
            Filer::Citizen { id } => *id,
            Filer::Counter { applicant, .. } => applicant.id,
        }
    }

    /// The officer filing at the counter, if it is not the citizen.
    pub fn officer_id(&self) -> Option<i64> {
        match self {
            Filer::Citizen { .. } => None,
            Filer::Counter { officer_id, .. } => Some(*officer_id),
        }
    }
}

/// The open draft of this procedure version that `filer` works on: the
/// citizen's own online draft, or the officer's counter draft for the
/// applicant (each sees only theirs). Id, answers, agency code (`None`
/// until the citizen chose one), saved at.
pub async fn draft(
    pool: &PgPool,
    applicant_id: i64,
    officer_id: Option<i64>,
    version_id: i64,
    form: &FormDefinition,
) -> AppResult<Option<(i64, Answers, Option<String>, String)>> {
    let row = sqlx::query!(
        r#"SELECT d.id, d.form_data, a.code AS agency_code, d.agency_chosen,
                  to_char(d.updated_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "saved_at!",
                  CASE WHEN d.form_version_id IS DISTINCT FROM pf.form_version_id THEN pf.eform END AS newer_form
           FROM dossiers d JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_version_forms pf ON pf.version_id = d.procedure_version_id
           WHERE d.applicant_id = $1 AND d.procedure_version_id = $2 AND d.status = 'draft'
             AND d.filed_by IS NOT DISTINCT FROM $3
           ORDER BY d.updated_at DESC LIMIT 1"#,
        applicant_id,
        version_id,
        officer_id,
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let mut answers: Answers = serde_json::from_value(row.form_data).unwrap_or_default();
    // Begun on an older version of the form: the answers move to the
    // version in use by field key; those it no longer asks are dropped
    // (the filing page says which, `dropped_answers`).
    if let Some(newer) = row
        .newer_form
        .and_then(|form| serde_json::from_value::<FormDefinition>(form).ok())
    {
        answers = crate::eforms::keys::posted_answers(&newer, |key| answers.get(key).cloned());
    }
    super::answer_files::with_file_answers(pool, row.id, form, &mut answers).await?;
    let agency = row.agency_chosen.then_some(row.agency_code);
    Ok(Some((row.id, answers, agency, row.saved_at)))
}

/// The questions a draft answered that the form in use no longer asks: the
/// labels of its own version's fields whose answers were dropped.
pub async fn dropped_answers(
    pool: &PgPool,
    draft_id: i64,
) -> AppResult<Vec<crate::eforms::Localised>> {
    let row = sqlx::query!(
        r#"SELECT d.form_data, procedure_form(d.procedure_version_id, d.form_version_id) AS own_form,
                  pf.eform AS live_form
           FROM dossiers d JOIN procedure_version_forms pf ON pf.version_id = d.procedure_version_id
           WHERE d.id = $1 AND d.form_version_id IS DISTINCT FROM pf.form_version_id"#,
        draft_id
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else {
        return Ok(Vec::new());
    };
    let parse = |value: Option<serde_json::Value>| {
        value.and_then(|value| serde_json::from_value::<FormDefinition>(value).ok())
    };
    let (Some(own), Some(live)) = (parse(row.own_form), parse(row.live_form)) else {
        return Ok(Vec::new());
    };
    let answers: Answers = serde_json::from_value(row.form_data).unwrap_or_default();
    let kept = crate::eforms::keys::posted_answers(&live, |key| answers.get(key).cloned());
    // A file question's files are kept by its key, whatever the answer.
    let files_kept = |name: &str| live.file_fields().any(|field| field.name == name);
    Ok(own
        .fields()
        .filter(|field| !files_kept(&field.name))
        .filter(|field| {
            answers
                .keys()
                .any(|key| key == &field.name || key.starts_with(&format!("{}.", field.name)))
                && !kept
                    .keys()
                    .any(|key| key == &field.name || key.starts_with(&format!("{}.", field.name)))
        })
        .map(|field| field.label.clone())
        .collect())
}

/// The procedure version's required documents, with what the draft attached.
pub async fn document_slots(
    pool: &PgPool,
    version_id: i64,
    draft_id: Option<i64>,
) -> AppResult<Vec<DocumentSlot>> {
    let documents = sqlx::query!(
        "SELECT id, name, originals, copies, mandatory, online_provision, when_represented, template_file_id
         FROM procedure_documents WHERE version_id = $1 ORDER BY position",
        version_id
    )
    .fetch_all(pool)
    .await?;
    let files = sqlx::query!(
        "SELECT a.document_id, f.id, f.original_name, f.size_bytes FROM dossier_attachments a
         JOIN stored_files f ON f.id = a.file_id WHERE a.dossier_id = $1 ORDER BY a.attached_at",
        draft_id.unwrap_or(-1)
    )
    .fetch_all(pool)
    .await?;
    Ok(documents
        .into_iter()
        .map(|document| DocumentSlot {
            files: files
                .iter()
                .filter(|file| file.document_id == document.id)
                .map(|file| AttachedFile {
                    id: file.id,
                    name: file.original_name.clone(),
                    size: megabytes(file.size_bytes),
                })
                .collect(),
            id: document.id,
            template: document.template_file_id.map(|id| FormTemplate {
                name: document.name.clone(),
                url: crate::paths::template_file(id),
            }),
            name: document.name,
            originals: document.originals,
            copies: document.copies,
            mandatory: document.mandatory,
            provision: document.online_provision,
            when_represented: document.when_represented,
        })
        .collect())
}

/// The citizen's document wallet: every file they uploaded and every result
/// returned to them, newest first.
pub async fn wallet(pool: &PgPool, owner_id: i64) -> AppResult<Vec<AttachedFile>> {
    let rows = sqlx::query!(
        "SELECT f.id, f.original_name, f.size_bytes FROM stored_files f
         WHERE f.owner_id = $1 AND (f.kind = 'upload'
            OR EXISTS (SELECT 1 FROM dossiers d WHERE d.result_file_id = f.id AND d.status = 'returned'))
         ORDER BY f.created_at DESC LIMIT 200",
        owner_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| AttachedFile {
            id: row.id,
            name: row.original_name,
            size: megabytes(row.size_bytes),
        })
        .collect())
}

/// The procedure as `filer` may file it: at the counter, only at the
/// agencies the officer receives for; `None` when that leaves none.
pub async fn procedure_for(
    pool: &PgPool,
    filer: &Filer,
    code: &str,
) -> AppResult<Option<(ProcedureSummary, FormDefinition)>> {
    let channel = match filer {
        Filer::Citizen { .. } => Channel::Online,
        Filer::Counter { .. } => Channel::Counter,
    };
    let Some((mut procedure, form)) = procedure_with_form(pool, code, channel).await? else {
        return Ok(None);
    };
    if let Filer::Counter { agencies, .. } = filer {
        let reached = sqlx::query_scalar!("SELECT code FROM agencies WHERE id = ANY($1)", agencies)
            .fetch_all(pool)
            .await?;
        procedure
            .agencies
            .retain(|agency| reached.contains(&agency.code));
        if procedure.agencies.is_empty() {
            return Ok(None);
        }
    }
    Ok(Some((procedure, form)))
}

/// The filing page's data for `filer`.
pub async fn filing_view(
    pool: &PgPool,
    filer: Filer,
    code: &str,
    page: Option<&str>,
    today: chrono::NaiveDate,
) -> AppResult<Option<FilingView>> {
    let Some((procedure, form)) = procedure_for(pool, &filer, code).await? else {
        return Ok(None);
    };
    let user_id = filer.applicant_id();
    let officer_id = filer.officer_id();
    // The wallet is the citizen's own: not offered at the counter.
    let wallet = match filer {
        Filer::Citizen { id } => self::wallet(pool, id).await?,
        Filer::Counter { .. } => Vec::new(),
    };
    let counter = match filer {
        Filer::Citizen { .. } => None,
        Filer::Counter { applicant, .. } => Some(applicant),
    };
    let prefilled = super::prefill::prefilled(pool, user_id, &form).await?;
    let view = match draft(pool, user_id, officer_id, procedure.version_id, &form).await? {
        Some((draft_id, answers, agency_code, saved_at)) => FilingView {
            dropped_answers: dropped_answers(pool, draft_id).await?,
            agency_code,
            draft_saved_at: Some(saved_at),
            documents: document_slots(pool, procedure.version_id, Some(draft_id)).await?,
            answer_files: super::answer_files::answer_files(pool, draft_id).await?,
            verified_fields: Vec::new(),
            wallet,
            counter,
            places: address_choices(pool, &answers).await?,
            answers,
            procedure,
            form,
            fee_schedule: None,
            today: Default::default(),
            route: Vec::new(),
            page: None,
            exit: None,
        },
        None => FilingView {
            places: AddressChoices {
                provinces: provinces(pool).await?,
                communes: Default::default(),
            },
            answers: prefilled.answers.clone(),
            dropped_answers: Vec::new(),
            agency_code: None,
            draft_saved_at: None,
            documents: document_slots(pool, procedure.version_id, None).await?,
            answer_files: Vec::new(),
            verified_fields: Vec::new(),
            wallet,
            counter,
            procedure,
            form,
            fee_schedule: None,
            today: Default::default(),
            route: Vec::new(),
            page: None,
            exit: None,
        },
    };
    let mut view = view;
    prefilled.keep_verified(&mut view.answers);
    view.verified_fields = prefilled.verified;
    let schedule = crate::fees::store::schedule(pool, view.procedure.version_id).await?;
    let exit = crate::eforms::evaluate(&view.form, &view.answers, today).exit;
    let (route, page) = if view.form.paged {
        let route = view.form.question_route(&view.answers, today);
        // A page off the route is not shown: the first page is.
        let page = match page {
            Some(crate::eforms::pages::FINAL_PART) => None,
            Some(key) => view
                .form
                .page_index(key)
                .filter(|index| route.contains(index))
                .or(route.first().copied()),
            None => route.first().copied(),
        };
        (route, page)
    } else {
        (Vec::new(), None)
    };
    Ok(Some(FilingView {
        fee_schedule: (!schedule.rules.is_empty()).then_some(schedule),
        today,
        route,
        page,
        exit,
        ..view
    }))
}

/// `1,2 MB`: sizes as Vietnamese readers write decimals.
/// A file's size as people read it: `820 KB` under a megabyte (at least
/// `1 KB`), `1,2 MB` from there, with the Vietnamese decimal comma.
pub fn megabytes(bytes: i64) -> String {
    if bytes < 1_048_576 {
        format!("{} KB", ((bytes.max(0) + 1023) / 1024).max(1))
    } else {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0).replace('.', ",")
    }
}

/// The 34 provinces, by name.
pub async fn provinces(pool: &PgPool) -> AppResult<Vec<Place>> {
    Ok(sqlx::query_as!(
        Place,
        "SELECT code, name FROM administrative_units WHERE level = 'province' ORDER BY short_name"
    )
    .fetch_all(pool)
    .await?)
}

/// The communes of one province, by name.
pub async fn communes_of(pool: &PgPool, province: &str) -> AppResult<Vec<Place>> {
    Ok(sqlx::query_as!(
        Place,
        "SELECT code, name FROM administrative_units WHERE province_code = $1 ORDER BY name",
        province
    )
    .fetch_all(pool)
    .await?)
}

/// The provinces, and the communes of every province the answers chose.
pub async fn address_choices(pool: &PgPool, answers: &Answers) -> AppResult<AddressChoices> {
    let mut choices = AddressChoices {
        provinces: provinces(pool).await?,
        communes: Default::default(),
    };
    let chosen = answers
        .iter()
        .filter(|(key, _)| key.ends_with(".province"))
        .map(|(_, code)| code.clone());
    for province in chosen {
        if let std::collections::btree_map::Entry::Vacant(entry) = choices.communes.entry(province)
        {
            let communes = communes_of(pool, entry.key()).await?;
            entry.insert(communes);
        }
    }
    Ok(choices)
}

/// The provinces and communes named in the answers, for the validator.
pub async fn place_book(pool: &PgPool, answers: &Answers) -> AppResult<PlaceBook> {
    let codes: Vec<String> = answers
        .iter()
        .filter(|(key, _)| key.ends_with(".province") || key.ends_with(".commune"))
        .map(|(_, code)| code.trim().to_string())
        .collect();
    let rows = sqlx::query!(
        r#"SELECT code, name, province_code FROM administrative_units WHERE code = ANY($1)"#,
        &codes
    )
    .fetch_all(pool)
    .await?;
    let mut book = PlaceBook::default();
    for row in rows {
        match row.province_code {
            Some(province) => {
                book.communes.insert(row.code, (province, row.name));
            }
            None => {
                book.provinces.insert(row.code, row.name);
            }
        }
    }
    Ok(book)
}
