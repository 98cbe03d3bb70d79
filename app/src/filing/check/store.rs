//! Whether a draft can be submitted, and the check page's data (server only).

use super::{AnswerRow, CheckView};
use crate::catalogue::model::AgencyRef;
use crate::clock::Clock;
use crate::deadlines::{self, ProcessingSpan};
use crate::eforms::display::keyed_answer_rows;
use crate::eforms::representation::filed_by_representative;
use crate::eforms::{validate, Answers, FormDefinition, ValidationContext};
use crate::error::AppResult;
use crate::fees::{filing_fee, Assessment, PaymentDue};
use crate::filing::eform_fields::FORM_NAME;
use crate::filing::model::{DocumentSlot, ProcedureSummary};
use crate::filing::store::{document_slots, draft, place_book, procedure_for, Filer};
use crate::forms::{field_id, FieldError};
use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime};
use sqlx::PgPool;

/// A draft judged as it stands.
pub struct Verdict {
    /// What it owes ([`filing_fee`] on the answers as saved): what the
    /// check page shows and what submission bills.
    pub fees: (Assessment, PaymentDue),
    /// Whether the procedure charges anything at all.
    pub charges: bool,
    pub slots: Vec<DocumentSlot>,
    /// The answers the dossier keeps and its office, or every problem, in
    /// the order of the filing page (office, questions, documents,
    /// declaration).
    pub outcome: Result<(Answers, AgencyRef), Vec<FieldError>>,
}

/// Judges the draft `draft_id` with these answers and office: the one
/// check behind the filing page's "Tiếp tục", the check page and "Nộp hồ
/// sơ". A claimed fee exemption needs its proof uploaded.
#[allow(clippy::too_many_arguments)]
pub async fn readiness(
    pool: &PgPool,
    procedure: &ProcedureSummary,
    form: &FormDefinition,
    draft_id: i64,
    answers: &Answers,
    office: Option<&AgencyRef>,
    lang: Lang,
    today: NaiveDate,
) -> AppResult<Verdict> {
    let texts = &lang.texts().filing;
    let schedule = crate::fees::store::schedule(pool, procedure.version_id).await?;
    let fees = (filing_fee(&schedule, form, answers, today), schedule.due);
    let mut problems = Vec::new();
    if office.is_none() {
        problems.push(problem("agency", texts.agency_required.to_string()));
    }
    // The server's own record of the files, whatever the answers say.
    let mut answers = answers.clone();
    crate::filing::answer_files::with_file_answers(pool, draft_id, form, &mut answers).await?;
    let answers = &answers;
    let places = place_book(pool, answers).await?;
    let context = ValidationContext {
        lang,
        today,
        places: Some(&places),
    };
    let (clean, form_problems) = match validate(form, answers, context) {
        Ok(clean) => (Some(clean), Vec::new()),
        Err(problems) => (None, problems),
    };
    let (declaration, questions): (Vec<_>, Vec<_>) = form_problems.into_iter().partition(|error| {
        form.field(&error.field)
            .is_some_and(|field| field.declaration)
    });
    problems.extend(questions);
    let evidence = fees
        .0
        .exemption
        .as_ref()
        .and_then(|e| e.evidence_document.clone());
    let slots = document_slots(pool, procedure.version_id, Some(draft_id)).await?;
    let represented = filed_by_representative(answers);
    for slot in &slots {
        let proves_exemption = evidence.as_deref() == Some(slot.name.as_str());
        if slot.needs_upload(represented) || (proves_exemption && slot.files.is_empty()) {
            let message = (texts.document_missing)(&slot.name);
            problems.push(problem(
                &format!("{}{}", super::super::DOCUMENT_FIELD_PREFIX, slot.id),
                message,
            ));
        }
    }
    problems.extend(declaration);
    let outcome = match (clean, office) {
        (Some(clean), Some(office)) if problems.is_empty() => Ok((clean, office.clone())),
        _ => Err(problems),
    };
    Ok(Verdict {
        fees,
        charges: !schedule.rules.is_empty(),
        slots,
        outcome,
    })
}

fn problem(field: &str, message: String) -> FieldError {
    FieldError {
        field: field.to_string(),
        message,
    }
}

/// The check page of `citizen`'s draft of procedure `code`; `None` when
/// there is no such procedure with an online form, or no draft.
pub async fn check_view(
    pool: &PgPool,
    clock: &Clock,
    lang: Lang,
    citizen: i64,
    code: &str,
) -> AppResult<Option<CheckView>> {
    let filer = Filer::Citizen { id: citizen };
    let Some((procedure, form)) = procedure_for(pool, &filer, code).await? else {
        return Ok(None);
    };
    let Some((draft_id, answers, office_code, _)) =
        draft(pool, citizen, None, procedure.version_id, &form).await?
    else {
        return Ok(None);
    };
    let office = office_code
        .and_then(|code| procedure.agencies.iter().find(|agency| agency.code == code))
        .cloned();
    let today = clock.today_in_vietnam();
    let verdict = readiness(
        pool,
        &procedure,
        &form,
        draft_id,
        &answers,
        office.as_ref(),
        lang,
        today,
    )
    .await?;
    let (shown, problems) = match verdict.outcome {
        Ok((clean, _)) => (clean, Vec::new()),
        Err(problems) => (answers, problems),
    };
    let rows = keyed_answer_rows(&form, &shown, lang)
        .into_iter()
        .map(|(key, label, value)| AnswerRow {
            anchor: field_id(FORM_NAME, &key),
            page: page_key(&form, &key),
            label,
            value,
        })
        .collect();
    let problem_pages = problems
        .iter()
        .map(|problem: &crate::forms::FieldError| page_key(&form, &problem.field))
        .collect();
    let appointment = appointment_now(pool, procedure.version_id, clock.now_in_vietnam()).await?;
    Ok(Some(CheckView {
        office,
        answers: rows,
        documents: verdict.slots,
        fees: verdict.charges.then_some(verdict.fees),
        appointment: appointment.format("%d/%m/%Y").to_string(),
        problems,
        problem_pages,
        own_part: form
            .paged
            .then(|| crate::eforms::pages::FINAL_PART.to_string()),
        procedure,
    }))
}

/// The key of the question page `key` is answered on, for a paged form.
fn page_key(form: &crate::eforms::FormDefinition, key: &str) -> Option<String> {
    if !form.paged {
        return None;
    }
    form.page_of(key)
        .map(|index| form.sections[index].key(index))
}

/// When the result would be due for a dossier of this version received at
/// `received` (Vietnam time): the deadline engine with the version's
/// processing time and cut-off, as submission and acceptance compute it.
pub async fn appointment_now(
    pool: &PgPool,
    version_id: i64,
    received: NaiveDateTime,
) -> AppResult<NaiveDateTime> {
    let timing = sqlx::query!(
        r#"SELECT processing_time_value, processing_time_unit, cutoff_time AS "cutoff: chrono::NaiveTime"
           FROM procedure_versions WHERE id = $1"#,
        version_id
    )
    .fetch_one(pool)
    .await?;
    let calendar = deadlines::store::working_calendar(pool).await?;
    let span = ProcessingSpan::stored(timing.processing_time_value, &timing.processing_time_unit);
    Ok(deadlines::appointment(&calendar, received, span, timing.cutoff).due)
}
