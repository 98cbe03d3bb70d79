//! The assistant's plain posts: `POST /tro-ly` asks a question (scrubbed of
//! personal data before it is answered or kept) and comes back to the
//! conversation at its reply; `POST /tro-ly/danh-gia` records whether a
//! reply helped — only for a reply of the asker's own conversation.

use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::throttle::{self, Kind, Subject};
use app::access::Visitor;
use app::assistant::page::ASK_FORM;
use app::assistant::retrieval;
use app::assistant::scrub::scrub_question;
use app::forms::FormFeedback;
use app::paths;
use axum::extract::State;
use axum::routing::post;
use axum::{Extension, Router};
use rand::distributions::{Alphanumeric, DistString};
use tower_sessions::Session;

/// The session key holding the visitor's conversation.
pub const CONVERSATION_KEY: &str = "assistant_conversation";
/// The longest question taken.
const QUESTION_LIMIT: usize = 500;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(paths::ASSISTANT, post(ask))
        .route(paths::ASSISTANT_FEEDBACK, post(rate))
}

async fn ask(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    Extension(visitor): Extension<Visitor>,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().assistant;
    let mut kept = FormFeedback::new(ASK_FORM);
    let question = scrub_question(&form.text("question"));
    kept.keep("question", &question);
    if question.is_empty() {
        kept.error("question", t.question_missing);
    } else if question.chars().count() > QUESTION_LIMIT {
        kept.error("question", t.question_too_long);
    }
    if !kept.has_errors() {
        // Reserved before the answer is looked for: parallel posts count too.
        match throttle::reserve(
            &state.pool,
            Kind::AssistantQuestion,
            Subject::Anyone,
            asker.ip,
        )
        .await?
        {
            Ok(reservation) => reservation.keep(),
            Err(limited) => {
                let wait = limited.wait_secs as u64;
                kept.error(
                    "question",
                    (asker.lang.texts().accounts.too_many_requests)(wait),
                );
            }
        }
    }
    if kept.has_errors() {
        feedback::form(&session, kept).await;
        return Ok(see_other(paths::ASSISTANT));
    }
    let officials = visitor.user().is_some_and(|user| user.is_official());
    let reply = retrieval::reply(
        &state.pool,
        &question,
        officials,
        state.clock.now_in_vietnam(),
        state.embeddings.as_ref(),
    )
    .await?;
    let reply = match &state.chat {
        Some(chat) => app::assistant::phrasing::phrase(&state.pool, chat, &question, reply).await?,
        None => reply,
    };
    let conversation = match session.get::<String>(CONVERSATION_KEY).await.ok().flatten() {
        Some(key) => key,
        None => {
            let key = Alphanumeric.sample_string(&mut rand::thread_rng(), 24);
            session
                .insert(CONVERSATION_KEY, &key)
                .await
                .map_err(|error| anyhow::anyhow!("keeping the conversation: {error}"))?;
            key
        }
    };
    let sources: Vec<String> = reply
        .sources()
        .into_iter()
        .map(|source| source.code)
        .collect();
    let id = sqlx::query_scalar!(
        "INSERT INTO assistant_exchanges (conversation, question, reply_kind, reply, sources, asked_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        conversation,
        question,
        reply.kind(),
        serde_json::to_value(&reply).map_err(anyhow::Error::from)?,
        &sources,
        state.clock.now() as _,
    )
    .fetch_one(&state.pool)
    .await?;
    Ok(see_other(&format!("{}#cau-{id}", paths::ASSISTANT)))
}

/// Every minute (and at start), the sources without a vector are embedded
/// (`app::assistant::semantic::refresh`); a published article is found by
/// meaning within about a minute, by its words at once.
pub fn spawn_embedding(pool: sqlx::PgPool, embeddings: app::assistant::semantic::Embeddings) {
    tokio::spawn(async move {
        let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every_minute.tick().await;
            match app::assistant::semantic::refresh(&pool, &embeddings).await {
                Ok(0) => {}
                Ok(embedded) => tracing::info!(embedded, "assistant sources embedded"),
                Err(error) => tracing::warn!(?error, "could not embed the assistant's sources"),
            }
        }
    });
}

async fn rate(State(state): State<AppState>, session: Session, form: Posted) -> HandlerResult {
    let helpful = match form.get("helpful").as_str() {
        "yes" => true,
        "no" => false,
        _ => return Ok(see_other(paths::ASSISTANT)),
    };
    let id: i64 = form.get("exchange").parse().unwrap_or(0);
    if let Some(conversation) = session.get::<String>(CONVERSATION_KEY).await.ok().flatten() {
        // Another conversation's reply is simply not found.
        sqlx::query!(
            "UPDATE assistant_exchanges SET helpful = $3 WHERE id = $1 AND conversation = $2",
            id,
            conversation,
            helpful
        )
        .execute(&state.pool)
        .await?;
    }
    Ok(see_other(&format!("{}#cau-{id}", paths::ASSISTANT)))
}
