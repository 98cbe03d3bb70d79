//! Loading the assistant's page: the visitor's conversation. Questions are
//! asked with a plain POST (`server/src/assistant.rs`).

use super::Conversation;
use crate::error::AppError;
use leptos::prelude::*;

/// The most exchanges the page shows (the latest).
pub const SHOWN: i64 = 20;

#[server(endpoint = "assistant/conversation")]
pub async fn load_conversation() -> Result<Conversation, AppError> {
    use super::{ConversationKey, Exchange, Reply};
    let key = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ConversationKey>().cloned());
    let Some(ConversationKey(key)) = key else {
        return Ok(Conversation {
            exchanges: Vec::new(),
        });
    };
    let pool = crate::database::pool()?;
    let rows = sqlx::query!(
        "SELECT id, question, reply, helpful FROM (
             SELECT id, question, reply, helpful FROM assistant_exchanges
             WHERE conversation = $1 ORDER BY id DESC LIMIT $2) latest
         ORDER BY id",
        key,
        SHOWN
    )
    .fetch_all(&pool)
    .await?;
    let exchanges = rows
        .into_iter()
        .filter_map(|row| {
            // A reply kept by an older release that no longer reads is
            // left out rather than failing the page.
            let reply: Reply = serde_json::from_value(row.reply).ok()?;
            Some(Exchange {
                id: row.id,
                question: row.question,
                reply,
                helpful: row.helpful,
            })
        })
        .collect();
    Ok(Conversation { exchanges })
}
