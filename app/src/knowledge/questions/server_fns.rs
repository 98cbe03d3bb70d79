//! Loading the questions' pages. Asking and answering are plain POSTs
//! (`server/src/knowledge/questions.rs`, `answering.rs`).

use super::{AskAgency, QuestionList, QuestionToAnswer};
use crate::error::AppError;
use leptos::prelude::*;

/// The asking form, with the procedure the text suggests.
#[server(endpoint = "knowledge/ask")]
pub async fn load_ask_agency(question: Option<String>) -> Result<AskAgency, AppError> {
    crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let question: String = question
        .map(|text| crate::text::normalize(&text))
        .unwrap_or_default()
        .chars()
        .take(super::QUESTION_LIMITS.1)
        .collect();
    let suggested = if question.is_empty() {
        None
    } else {
        let semantic = crate::assistant::semantic::SemanticSearch::from_context();
        crate::assistant::retrieval::rank(&pool, &question, false, semantic.as_ref())
            .await?
            .ranked
            .into_iter()
            .find(|scored| scored.source.kind == crate::assistant::SourceKind::Procedure)
            .map(|scored| scored.source.code)
    };
    Ok(AskAgency {
        procedures: store::procedures(&pool).await?,
        sectors: crate::knowledge::store::all_sectors(&pool).await?,
        answer_days: crate::administration::settings::server_fns::store::assistant_settings(&pool)
            .await?
            .question_answer_days,
        question,
        suggested,
    })
}

/// The signed-in citizen's questions.
#[server(endpoint = "knowledge/my-questions")]
pub async fn load_my_questions() -> Result<QuestionList, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let today = crate::clock::current()?.today_in_vietnam();
    store::list(&pool, store::Whose::Asker(user.id), today).await
}

/// The questions the official's agencies must answer.
#[server(endpoint = "knowledge/question-queue")]
pub async fn load_question_queue() -> Result<QuestionList, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let agencies = store::answering_agencies(&pool, &user).await?;
    if agencies.is_empty() {
        return Err(crate::knowledge::server_fns::refused(AppError::Forbidden));
    }
    let today = crate::clock::current()?.today_in_vietnam();
    store::list(&pool, store::Whose::Agencies(agencies), today).await
}

/// One question to answer (another agency's answers as missing).
#[server(endpoint = "knowledge/question")]
pub async fn load_question(id: i64) -> Result<QuestionToAnswer, AppError> {
    let user = crate::access::require_user()?;
    let pool = crate::database::pool()?;
    let today = crate::clock::current()?.today_in_vietnam();
    store::to_answer(&pool, &user, id, today)
        .await?
        .ok_or_else(|| crate::knowledge::server_fns::refused(AppError::NotFound))
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::super::{code_from, QuestionList, QuestionRow, QuestionToAnswer};
    use crate::access::{permits, Permission, SignedInUser};
    use crate::error::AppResult;
    use crate::knowledge::Choice;
    use chrono::{DateTime, NaiveDate, Utc};
    use sqlx::PgPool;

    /// Which questions a list holds.
    pub enum Whose {
        Asker(i64),
        Agencies(Vec<i64>),
        /// One question, for the page answering it.
        One(i64),
    }

    pub async fn procedures(pool: &PgPool) -> AppResult<Vec<Choice>> {
        let mut rows = sqlx::query_as!(
            Choice,
            r#"SELECT p.code, v.name AS "name!" FROM procedures p
               JOIN current_procedure_versions v ON v.procedure_id = p.id"#
        )
        .fetch_all(pool)
        .await?;
        crate::collation::sort_vietnamese(&mut rows, |row| &row.name);
        Ok(rows)
    }

    /// The agencies whose questions `user` answers.
    pub async fn answering_agencies(pool: &PgPool, user: &SignedInUser) -> AppResult<Vec<i64>> {
        Ok(sqlx::query_scalar!("SELECT id FROM agencies")
            .fetch_all(pool)
            .await?
            .into_iter()
            .filter(|&agency_id| permits(user, Permission::AnswerQuestionsOf { agency_id }))
            .collect())
    }

    pub async fn list(pool: &PgPool, whose: Whose, today: NaiveDate) -> AppResult<QuestionList> {
        let (asker, agencies, one) = match whose {
            Whose::Asker(id) => (Some(id), None, None),
            Whose::Agencies(ids) => (None, Some(ids), None),
            Whose::One(id) => (None, None, Some(id)),
        };
        let rows = sqlx::query!(
            r#"SELECT q.id, q.question, v.name AS "procedure?", a.name AS agency,
                      q.asked_at AS "asked_at: DateTime<Utc>", q.due_on AS "due_on: NaiveDate",
                      q.answer, q.answered_at AS "answered_at: DateTime<Utc>"
               FROM citizen_questions q
               JOIN agencies a ON a.id = q.agency_id
               LEFT JOIN current_procedure_versions v ON v.procedure_id = q.procedure_id
               WHERE ($1::bigint IS NULL OR q.asker_id = $1)
                 AND ($2::bigint[] IS NULL OR q.agency_id = ANY($2))
                 AND ($3::bigint IS NULL OR q.id = $3)
               ORDER BY q.answered_at IS NOT NULL, q.due_on, q.id DESC
               LIMIT 500"#,
            asker,
            agencies.as_deref(),
            one,
        )
        .fetch_all(pool)
        .await?;
        let (answered, open): (Vec<QuestionRow>, Vec<QuestionRow>) = rows
            .into_iter()
            .map(|row| QuestionRow {
                id: row.id,
                question: row.question,
                procedure: row.procedure,
                agency: row.agency,
                asked_on: crate::deadlines::vietnam_local(row.asked_at).date(),
                overdue: row.answered_at.is_none() && row.due_on < today,
                due_on: row.due_on,
                answer: row.answer,
                answered_on: row
                    .answered_at
                    .map(|at| crate::deadlines::vietnam_local(at).date()),
            })
            .partition(|row| row.answer.is_some());
        Ok(QuestionList { open, answered })
    }

    pub async fn to_answer(
        pool: &PgPool,
        user: &SignedInUser,
        id: i64,
        today: NaiveDate,
    ) -> AppResult<Option<QuestionToAnswer>> {
        let Some(row) = sqlx::query!(
            r#"SELECT q.agency_id, u.full_name, ar.code AS "article?"
               FROM citizen_questions q JOIN users u ON u.id = q.asker_id
               LEFT JOIN articles ar ON ar.id = q.article_id
               WHERE q.id = $1"#,
            id
        )
        .fetch_optional(pool)
        .await?
        else {
            return Ok(None);
        };
        if !permits(
            user,
            Permission::AnswerQuestionsOf {
                agency_id: row.agency_id,
            },
        ) {
            return Ok(None);
        }
        let list = list(pool, Whose::Agencies(vec![row.agency_id]), today).await?;
        let Some(question) = list
            .open
            .into_iter()
            .chain(list.answered)
            .find(|q| q.id == id)
        else {
            return Ok(None);
        };
        Ok(Some(QuestionToAnswer {
            suggested_code: code_from(&question.question),
            row: question,
            asker: row.full_name,
            article: row.article,
        }))
    }
}
