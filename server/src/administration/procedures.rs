//! The procedure administration's form posts (`/quan-tri/thu-tuc/{code}/…`),
//! for administrators of the province:
//! - `…/ban-nhap` drafts a new version from the one in force;
//! - `…/ban-nhap/luu` saves the draft's fields and documents;
//! - `…/ban-nhap/huy` discards it;
//! - `…/ban-nhap/xuat-ban` publishes it with an effective date — never by
//!   its author (four eyes, also a check in the database);
//! - `…/tam-dung` suspends or resumes online filing.
//!
//! The procedure's row is locked for each change, so two administrators
//! acting at once get one draft and one publication. Every change is in
//! the audit log with before and after.

use super::document_templates::{self, DraftPost};
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::accounts::second_factor::step_up;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::Permission;
use app::administration::calendar::province_id;
use app::administration::pages::{DRAFT_FORM, PUBLISH_FORM, SUSPEND_FORM};
use app::administration::procedures::server_fns::store::{fields as stored_fields, form_fields};
use app::administration::procedures::{
    check_content, check_fields, check_publication, Channels, DocumentLine, ExemptionLine, FeeLine,
    FieldRefusal, StepLine, VersionFields, TEXT_LIMIT,
};
use app::deadlines::parse_day;
use app::dossiers::Channel;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::{Path, State};
use serde_json::json;
use sqlx::PgConnection;
use tower_sessions::Session;

/// The administrator's id, if they may change the catalogue.
pub(crate) async fn catalogue_keeper(
    state: &AppState,
    user: &SignedIn,
    asker: &Asker,
) -> HandlerResult<i64> {
    let province_id = province_id(&state.pool).await?;
    Ok(user
        .may(Permission::ManageCatalogue { province_id }, asker.lang)?
        .id)
}

/// The procedure (locked) with its version in force (none before its first
/// publication) and its draft, if any.
struct Locked {
    id: i64,
    current_id: Option<i64>,
    draft: Option<(i64, Option<i64>)>,
}

async fn lock(tx: &mut PgConnection, code: &str) -> HandlerResult<Locked> {
    let procedure = sqlx::query!(
        r#"SELECT p.id, c.id AS "current_id?" FROM procedures p
           LEFT JOIN current_procedure_versions c ON c.procedure_id = p.id
           WHERE p.code = $1 FOR UPDATE OF p"#,
        code
    )
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    let draft = sqlx::query!(
        "SELECT id, author_id FROM procedure_versions WHERE procedure_id = $1 AND published_at IS NULL
         ORDER BY version DESC LIMIT 1",
        procedure.id
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|row| (row.id, row.author_id));
    Ok(Locked {
        id: procedure.id,
        current_id: procedure.current_id,
        draft,
    })
}

pub async fn new_draft(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let back = paths::procedure_admin(&code);
    let mut tx = state.pool.begin().await?;
    let procedure = lock(&mut tx, &code).await?;
    let (None, Some(current_id)) = (procedure.draft, procedure.current_id) else {
        feedback::notice(&session, NoticeTone::Error, t.draft_exists).await;
        return Ok(see_other(&back));
    };
    let draft = sqlx::query_scalar!(
        r#"SELECT draft_procedure_version($1, $2) AS "id!""#,
        current_id,
        admin
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::ProcedureDraftCreated,
        json!({ "procedure": code, "version_id": draft, "from_version_id": current_id }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    Ok(see_other(&back))
}

/// A posted number; -1 (refused by the checks) when it is not one.
fn number<T: std::str::FromStr + From<i8>>(
    form: &Posted,
    kept: &mut FormFeedback,
    name: &str,
) -> T {
    // Typed amounts often carry thousands separators: 50.000 or 50,000.
    let typed: String = form
        .kept_text(kept, name)
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' '))
        .collect();
    typed.parse().unwrap_or(T::from(-1))
}

/// A posted checkbox, kept when ticked.
fn ticked(form: &Posted, kept: &mut FormFeedback, name: &str) -> bool {
    let on = !form.get(name).is_empty();
    if on {
        kept.keep(name, "on");
    }
    on
}

/// The rows of a repeated group (`prefix.N.part`), at most 200.
fn row_count(form: &Posted, name: &str) -> usize {
    form.get(name).parse().unwrap_or(0).min(200)
}

fn posted_fees(form: &Posted, kept: &mut FormFeedback, rows: &mut RowPositions) -> Vec<FeeLine> {
    let mut fees = Vec::new();
    for index in 0..row_count(form, "fees") {
        let key = |part: &str| format!("fee.{index}.{part}");
        let line = FeeLine {
            kind: form.kept_text(kept, &key("kind")),
            description: form.kept_text(kept, &key("description")),
            amount_vnd: number(form, kept, &key("amount_vnd")),
            charged: ticked(form, kept, &key("charged")),
            per_field: form.kept_text(kept, &key("per_field")),
            beyond: if form.get(&key("beyond")).trim().is_empty() {
                0
            } else {
                number(form, kept, &key("beyond"))
            },
            note: form.kept_text(kept, &key("note")),
        };
        // A blank row is one offered for adding, left unused.
        if !(line.description.is_empty() && form.get(&key("amount_vnd")).trim().is_empty()) {
            fees.push(line);
            rows.fee.push(index);
        }
    }
    fees
}

fn posted_exemptions(
    form: &Posted,
    kept: &mut FormFeedback,
    rows: &mut RowPositions,
) -> Vec<ExemptionLine> {
    let mut exemptions = Vec::new();
    for index in 0..row_count(form, "exemptions") {
        let key = |part: &str| format!("exemption.{index}.{part}");
        let line = ExemptionLine {
            code: form.kept_text(kept, &key("code")),
            name: form.kept_text(kept, &key("name")),
            percent_off: number(form, kept, &key("percent_off")),
            evidence_document: form.kept_text(kept, &key("evidence_document")),
        };
        if !(line.code.is_empty() && line.name.is_empty()) {
            exemptions.push(line);
            rows.exemption.push(index);
        }
    }
    exemptions
}

/// A sector that does not exist, or an implementing agency that is not a
/// provincial body in office (a stale or forged form).
async fn unknown_placement(
    tx: &mut PgConnection,
    fields: &VersionFields,
) -> sqlx::Result<Vec<(String, FieldRefusal)>> {
    let known = sqlx::query!(
        r#"SELECT EXISTS (SELECT 1 FROM sectors WHERE code = $1) AS "sector!",
                  $2 = '' OR EXISTS (SELECT 1 FROM agencies WHERE code = $2 AND merged_into IS NULL
                                     AND kind IN ('province', 'department')) AS "agency!",
                  $3 = '' OR EXISTS (SELECT 1 FROM forms f WHERE f.code = $3 AND NOT f.standard
                                     AND f.archived_at IS NULL
                                     AND EXISTS (SELECT 1 FROM form_versions v WHERE v.form_id = f.id)) AS "form!""#,
        fields.sector,
        fields.agency,
        fields.form,
    )
    .fetch_one(&mut *tx)
    .await?;
    let mut unknown = Vec::new();
    if !known.sector && !fields.sector.is_empty() {
        unknown.push(("sector".to_string(), FieldRefusal::UnknownChoice));
    }
    if !known.agency && fields.level == "province" {
        unknown.push(("agency".to_string(), FieldRefusal::UnknownChoice));
    }
    if !known.form {
        unknown.push(("form".to_string(), FieldRefusal::UnknownChoice));
    }
    Ok(unknown)
}

/// Steps given to an agency that does not exist (a stale or forged form).
async fn unknown_step_agencies(
    tx: &mut PgConnection,
    steps: &[StepLine],
) -> sqlx::Result<Vec<(String, FieldRefusal)>> {
    let mut unknown = Vec::new();
    for (index, step) in steps.iter().enumerate() {
        if step.agency.is_empty() {
            continue;
        }
        let known = sqlx::query_scalar!("SELECT id FROM agencies WHERE code = $1", step.agency)
            .fetch_optional(&mut *tx)
            .await?;
        if known.is_none() {
            unknown.push((format!("step.{index}.agency"), FieldRefusal::UnknownChoice));
        }
    }
    Ok(unknown)
}

fn posted_workflow(form: &Posted, kept: &mut FormFeedback) -> Vec<StepLine> {
    (0..row_count(form, "steps").min(4))
        .map(|index| {
            let key = |part: &str| format!("step.{index}.{part}");
            StepLine {
                stage: form.kept_text(kept, &key("stage")),
                name: form.kept_text(kept, &key("name")),
                name_en: form.kept_text(kept, &key("name_en")),
                budget_hours: number(form, kept, &key("budget_hours")),
                agency: form.kept_text(kept, &key("agency")),
            }
        })
        .collect()
}

/// Where each kept row of a repeated group was on the posted form: blank
/// rows are dropped, so the checks number the rows that remain, and their
/// messages must go back to the rows the official sees.
#[derive(Default)]
struct RowPositions {
    document: Vec<usize>,
    fee: Vec<usize>,
    exemption: Vec<usize>,
}

impl RowPositions {
    /// `field` (`document.1.copies`) as the posted form names it.
    fn posted_name(&self, field: &str) -> String {
        let mut parts = field.splitn(3, '.');
        let (Some(group), Some(index), rest) = (parts.next(), parts.next(), parts.next()) else {
            return field.to_string();
        };
        let positions = match group {
            "document" => &self.document,
            "fee" => &self.fee,
            "exemption" => &self.exemption,
            _ => return field.to_string(),
        };
        match index.parse::<usize>().ok().and_then(|i| positions.get(i)) {
            Some(posted) => match rest {
                Some(rest) => format!("{group}.{posted}.{rest}"),
                None => format!("{group}.{posted}"),
            },
            None => field.to_string(),
        }
    }
}

/// The draft as posted, every value kept for the form to come back with,
/// and where its rows were on the form.
fn posted_fields(form: &Posted, kept: &mut FormFeedback) -> (VersionFields, RowPositions) {
    let mut rows = RowPositions::default();
    let legal_basis = form.kept_lines(kept, "legal_basis");
    let steps = form.kept_lines(kept, "procedure_steps");
    let mut documents = Vec::new();
    for index in 0..row_count(form, "documents") {
        let key = |part: &str| format!("document.{index}.{part}");
        let name = form.kept_text(kept, &key("name"));
        let originals = number(form, kept, &key("originals"));
        let copies = number(form, kept, &key("copies"));
        let mandatory = ticked(form, kept, &key("mandatory"));
        let note = form.kept_text(kept, &key("note"));
        let when_represented = ticked(form, kept, &key("when_represented"));
        let template = super::document_templates::posted_template(form, kept, index);
        // An emptied name drops the document.
        if !name.is_empty() {
            documents.push(DocumentLine {
                name,
                originals,
                copies,
                mandatory,
                note,
                when_represented,
                template,
            });
            rows.document.push(index);
        }
    }
    let fees = posted_fees(form, kept, &mut rows);
    let exemptions = posted_exemptions(form, kept, &mut rows);
    let fields = VersionFields {
        name: form.kept_text(kept, "name"),
        sector: form.kept_text(kept, "sector"),
        level: form.kept_text(kept, "level"),
        agency: form.kept_text(kept, "agency"),
        name_en: form.kept_text(kept, "name_en"),
        description: form.kept_text(kept, "description"),
        time_unit: form.kept_text(kept, "time_unit"),
        time_value: form.kept_text(kept, "time_value").parse().unwrap_or(0),
        cutoff: form.kept_text(kept, "cutoff"),
        online_level: form.kept_text(kept, "online_level"),
        form: form.kept_text(kept, "form"),
        channels: Channels(
            Channel::ALL
                .into_iter()
                .map(Channel::as_str)
                .filter(|name| ticked(form, kept, &format!("channel.{name}")))
                .map(String::from)
                .collect(),
        ),
        result_type: form.kept_text(kept, "result_type"),
        requirements: form.kept_text(kept, "requirements"),
        representation_barred: ticked(form, kept, "representation_barred"),
        legal_basis,
        steps,
        documents,
        payment_due: form.kept_text(kept, "payment_due"),
        fees,
        exemptions,
        workflow: posted_workflow(form, kept),
    };
    (fields, rows)
}

pub async fn save_draft(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    DraftPost { form, files }: DraftPost,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let back = paths::procedure_admin(&code);
    let mut refused = FormFeedback::new(DRAFT_FORM);
    let (mut fields, rows) = posted_fields(&form, &mut refused);
    // Kept before the checks, so a refused form comes back with them.
    let file_refusals = document_templates::take_uploads(
        &state,
        admin,
        asker.lang,
        files,
        &mut fields.documents,
        &rows.document,
        &mut refused,
    )
    .await?;
    let mut tx = state.pool.begin().await?;
    let procedure = lock(&mut tx, &code).await?;
    let Some((draft, _)) = procedure.draft else {
        return Ok(see_other(&back));
    };
    let mut refusals = check_fields(&fields, &form_fields(&mut tx, draft).await?);
    refusals.extend(unknown_step_agencies(&mut tx, &fields.workflow).await?);
    refusals.extend(unknown_placement(&mut tx, &fields).await?);
    let unknown =
        document_templates::unknown_templates(&mut tx, &fields.documents, &rows.document).await?;
    if !refusals.is_empty() || !file_refusals.is_empty() || !unknown.is_empty() {
        for (field, refusal) in refusals {
            refused.error(&rows.posted_name(&field), refusal.message(t));
        }
        for (field, message) in file_refusals {
            refused.error(&field, &message);
        }
        for field in unknown {
            refused.error(&field, FieldRefusal::UnknownChoice.message(t));
        }
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    let before = stored_fields(&mut tx, draft).await?;
    super::procedure_store::write_fields(&mut tx, draft, &fields, t.content.communes_implement)
        .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::ProcedureDraftSaved,
        json!({ "procedure": code, "version_id": draft, "before": before, "after": fields }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.draft_saved).await;
    Ok(see_other(&back))
}

pub async fn discard_draft(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let back = paths::procedure_admin(&code);
    let mut tx = state.pool.begin().await?;
    let procedure = lock(&mut tx, &code).await?;
    if let Some((draft, _)) = procedure.draft {
        let before = stored_fields(&mut tx, draft).await?;
        super::procedure_store::delete_draft(&mut tx, draft).await?;
        // A procedure never published goes with its only draft.
        let removed = procedure.current_id.is_none()
            && super::procedure_store::delete_unpublished_procedure(&mut tx, procedure.id).await?;
        let action = if removed {
            AuditAction::ProcedureRemoved
        } else {
            AuditAction::ProcedureDraftDiscarded
        };
        audit::record(
            &mut *tx,
            Some(admin),
            action,
            json!({ "procedure": code, "version_id": draft, "before": before, "after": null }),
            asker.ip,
        )
        .await?;
        tx.commit().await?;
        if removed {
            feedback::notice(&session, NoticeTone::Success, t.content.procedure_removed).await;
            return Ok(see_other(paths::PROCEDURES_ADMIN));
        }
        feedback::notice(&session, NoticeTone::Success, t.draft_discarded).await;
    }
    Ok(see_other(&back))
}

pub async fn publish(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let back = paths::procedure_admin(&code);
    let typed = form.get("effective_from").trim().to_string();
    // Publishing is a sensitive action: the second factor again if the
    // last check is older than 15 minutes.
    if let Err(message) = step_up::confirm(
        &state,
        &session,
        &asker,
        &user.0,
        &form,
        "publish_procedure",
    )
    .await?
    {
        let mut refused = FormFeedback::new(PUBLISH_FORM);
        refused.keep("effective_from", &typed);
        refused.error(step_up::FIELD, &message);
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    let mut tx = state.pool.begin().await?;
    let procedure = lock(&mut tx, &code).await?;
    let Some((draft, author)) = procedure.draft else {
        return Ok(see_other(&back));
    };
    let today = state.clock.today_in_vietnam();
    let content = stored_fields(&mut tx, draft).await?;
    let checked = check_publication(author, admin, parse_day(&typed), &typed, today)
        .and_then(|day| check_content(&content).map(|()| day));
    let day = match checked {
        Ok(day) => day,
        Err(refusal) => {
            let mut refused = FormFeedback::new(PUBLISH_FORM);
            refused.keep("effective_from", &typed);
            refused.error("effective_from", refusal.message(t));
            feedback::form(&session, refused).await;
            return Ok(see_other(&back));
        }
    };
    sqlx::query!(
        "UPDATE procedure_versions SET published_by = $2, published_at = $3, effective_from = $4
         WHERE id = $1 AND published_at IS NULL",
        draft,
        admin,
        state.clock.now() as _,
        day as _,
    )
    .execute(&mut *tx)
    .await?;
    // In force today: who receives its dossiers follows at once.
    super::procedure_store::apply_placements(&mut tx).await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::ProcedureVersionPublished,
        json!({ "procedure": code, "version_id": draft, "replaces_version_id": procedure.current_id,
                "effective_from": day, "procedure_id": procedure.id }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let shown = day.format("%d/%m/%Y").to_string();
    feedback::notice(&session, NoticeTone::Success, (t.published)(&shown)).await;
    Ok(see_other(&back))
}

pub async fn suspend(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    Path(code): Path<String>,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let back = paths::procedure_admin(&code);
    let resume = !form.get("resume").is_empty();
    let reason = form.text("reason");
    if !resume && (reason.is_empty() || reason.chars().count() > TEXT_LIMIT) {
        let mut refused = FormFeedback::new(SUSPEND_FORM);
        refused.keep("reason", &reason);
        refused.error(
            "reason",
            if reason.is_empty() {
                t.reason_missing
            } else {
                t.too_long
            },
        );
        feedback::form(&session, refused).await;
        return Ok(see_other(&back));
    }
    let mut tx = state.pool.begin().await?;
    let procedure = lock(&mut tx, &code).await?;
    let before = sqlx::query_scalar!(
        "UPDATE procedures p SET online_filing_suspended = $2
         FROM procedures old WHERE p.id = $1 AND old.id = p.id
         RETURNING old.online_filing_suspended",
        procedure.id,
        (!resume).then_some(reason.as_str()),
    )
    .fetch_one(&mut *tx)
    .await?;
    let (action, after) = if resume {
        (AuditAction::ProcedureFilingResumed, None)
    } else {
        (AuditAction::ProcedureFilingSuspended, Some(reason.clone()))
    };
    audit::record(
        &mut *tx,
        Some(admin),
        action,
        json!({ "procedure": code, "before": before, "after": after }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    let notice = if resume {
        t.resumed.to_string()
    } else {
        (t.suspended_now)(&reason)
    };
    feedback::notice(&session, NoticeTone::Success, notice).await;
    Ok(see_other(&back))
}

#[cfg(test)]
mod tests {
    use super::RowPositions;

    #[test]
    fn a_checked_rows_message_goes_back_to_the_row_as_posted() {
        let rows = RowPositions {
            document: vec![0, 2],
            fee: vec![1],
            exemption: vec![],
        };
        assert_eq!(rows.posted_name("document.1.copies"), "document.2.copies");
        assert_eq!(rows.posted_name("document.0.name"), "document.0.name");
        assert_eq!(rows.posted_name("fee.0.amount_vnd"), "fee.1.amount_vnd");
        assert_eq!(rows.posted_name("name"), "name");
        assert_eq!(rows.posted_name("step.3.name"), "step.3.name");
        assert_eq!(rows.posted_name("exemption.0.code"), "exemption.0.code");
    }
}
