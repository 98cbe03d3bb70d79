//! With JavaScript, the e-form is checked as the citizen leaves each field
//! and follows the answers as they change: the page sends the answers typed
//! so far here and gets back the validator's messages, which conditional
//! questions do not apply, and the fee those answers owe. The same code
//! that judges the posted form judges these answers, on the server, so the
//! browser bundle carries neither the forms nor the validator (see
//! `crate::enhance::filing_form`). Without JavaScript nothing here runs and
//! the server's answer to the post is the check.

use crate::error::AppError;
use crate::forms::FieldError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the answers on the page come to, as the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LiveCheck {
    /// Every problem with the answers; the page shows those of the fields
    /// the citizen has already left.
    pub errors: Vec<FieldError>,
    /// The questions the form's logic does not ask with these answers: a
    /// field's name, or a group item's field (`members.1.school`).
    pub hidden: Vec<String>,
    /// "Lệ phí theo các câu trả lời: …", when the procedure charges fees.
    pub fee: Option<String>,
}

/// Checks `answers` (the form's fields as the browser would post them)
/// against the e-form of `code` in force, for the citizen filing it or, with
/// `applicant`, for a reception officer at the counter.
#[server(endpoint = "filing/check")]
pub async fn check_answers(
    code: String,
    applicant: Option<String>,
    answers: Vec<(String, String)>,
) -> Result<LiveCheck, AppError> {
    use crate::access::{require, Permission};
    use crate::eforms::{evaluate, keys::posted_answers, validate, ValidationContext};
    use crate::i18n::use_lang;
    use std::collections::HashMap;

    require(match applicant {
        None => Permission::FileDossier,
        Some(_) => Permission::FileAtCounter,
    })?;
    let pool = crate::database::pool()?;
    let channel = match applicant {
        None => crate::dossiers::Channel::Online,
        Some(_) => crate::dossiers::Channel::Counter,
    };
    let (procedure, form) = super::store::procedure_with_form(&pool, code.trim(), channel)
        .await?
        .ok_or(AppError::NotFound)?;
    // The first value of a name, as the form's post is read.
    let mut posted: HashMap<String, String> = HashMap::new();
    for (name, value) in answers {
        posted.entry(name).or_insert(value);
    }
    let answers = posted_answers(&form, |key| posted.get(key).cloned());
    let lang = use_lang();
    let places = super::store::place_book(&pool, &answers).await?;
    let today = crate::clock::current()?.today_in_vietnam();
    let context = ValidationContext {
        lang,
        today,
        places: Some(&places),
    };
    let mut errors = Vec::new();
    if posted
        .get("agency")
        .is_none_or(|agency| agency.trim().is_empty())
    {
        errors.push(FieldError {
            field: "agency".into(),
            message: lang.texts().filing.agency_required.into(),
        });
    }
    errors.extend(validate(&form, &answers, context).err().unwrap_or_default());
    let hidden = evaluate(&form, &answers, today)
        .hidden
        .into_iter()
        .collect();
    let schedule = crate::fees::store::schedule(&pool, procedure.version_id).await?;
    let fee = (!schedule.rules.is_empty()).then(|| {
        let total = crate::fees::filing_fee(&schedule, &form, &answers, today).total;
        (lang.texts().filing_check.fee_from_answers)(&total.to_string(), schedule.due.label(lang))
    });
    Ok(LiveCheck {
        errors,
        hidden,
        fee,
    })
}
