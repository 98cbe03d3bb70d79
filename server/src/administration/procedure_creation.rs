//! `/quan-tri/thu-tuc-moi`: an administrator of the province adds a
//! procedure a decision has announced. It gets version 1 as a draft (with
//! the default workflow of its processing time) and the agencies that
//! receive it; the rest is written in the draft editor and published by a
//! second administrator. Two administrators adding the same code at once
//! get one procedure: the code is unique and the loser is told it is taken.

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::NEW_PROCEDURE_FORM;
use app::administration::procedures::{check_new_procedure, FieldRefusal, NewProcedure};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

fn posted(form: &Posted, kept: &mut FormFeedback) -> NewProcedure {
    let mut text = |name: &str| form.kept_text(kept, name);
    NewProcedure {
        code: text("code"),
        name: text("name"),
        sector: text("sector"),
        level: text("level"),
        agency: text("agency"),
        time_unit: text("time_unit"),
        time_value: text("time_value").parse().unwrap_or(0),
        online_level: text("online_level"),
        result_type: text("result_type"),
    }
}

pub async fn create(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().procedures_admin;
    let mut refused = FormFeedback::new(NEW_PROCEDURE_FORM);
    let new = posted(&form, &mut refused);
    let mut refusals = check_new_procedure(&new);
    let sector = sqlx::query_scalar!("SELECT id FROM sectors WHERE code = $1", new.sector)
        .fetch_optional(&state.pool)
        .await?;
    if sector.is_none() {
        refusals.push(("sector".into(), FieldRefusal::UnknownChoice));
    }
    let agency = sqlx::query!(
        "SELECT id, name FROM agencies WHERE code = $1 AND kind IN ('province', 'department') AND merged_into IS NULL",
        new.agency
    )
    .fetch_optional(&state.pool)
    .await?;
    if new.level == "province" && !new.agency.is_empty() && agency.is_none() {
        refusals.push(("agency".into(), FieldRefusal::UnknownChoice));
    }
    let refuse = |mut refused: FormFeedback, refusals: Vec<(String, FieldRefusal)>| async {
        for (field, refusal) in refusals {
            refused.error(&field, refusal.message(t));
        }
        feedback::form(&session, refused).await;
        see_other(paths::NEW_PROCEDURE)
    };
    let Some(sector) = sector.filter(|_| refusals.is_empty()) else {
        return Ok(refuse(refused, refusals).await);
    };
    let mut tx = state.pool.begin().await?;
    let Some(procedure) = sqlx::query_scalar!(
        "INSERT INTO procedures (code, sector_id, agency_level) VALUES ($1, $2, $3)
         ON CONFLICT (code) DO NOTHING RETURNING id",
        new.code,
        sector,
        new.level,
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        let taken = vec![("code".to_string(), FieldRefusal::CodeTaken)];
        return Ok(refuse(refused, taken).await);
    };
    // Commune procedures are received by every commune; a provincial one
    // by the agency that implements it (first: its version takes the
    // implementing agency from these).
    sqlx::query!(
        "INSERT INTO procedure_agencies (procedure_id, agency_id)
         SELECT $1, id FROM agencies
         WHERE merged_into IS NULL AND CASE WHEN $2 = 'commune' THEN kind = 'commune' ELSE code = $3 END",
        procedure,
        new.level,
        new.agency,
    )
    .execute(&mut *tx)
    .await?;
    let implementing = match (&agency, new.level.as_str()) {
        (Some(agency), "province") => agency.name.clone(),
        _ => t.content.communes_implement.to_string(),
    };
    let version = sqlx::query_scalar!(
        "INSERT INTO procedure_versions (procedure_id, version, effective_from, name, implementing_agency,
                                         online_level, processing_time_value, processing_time_unit,
                                         result_type, author_id)
         VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        procedure,
        state.clock.today_in_vietnam() as _,
        new.name,
        implementing,
        new.online_level,
        new.time_value,
        new.time_unit,
        new.result_type,
        admin,
    )
    .fetch_one(&mut *tx)
    .await?;
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::ProcedureCreated,
        json!({ "procedure": new.code, "version_id": version, "before": null, "after": new }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.content.created).await;
    Ok(see_other(&paths::procedure_admin(&new.code)))
}
