//! Optional generated answers (issue 20, item 7). When the operator names
//! an OpenAI-compatible chat endpoint (`MOTCUA_CHAT_URL`) and the province
//! leaves it switched on (`portal_settings.generated_answers`), the
//! assistant asks the model to phrase the answer it already found, from
//! that answer's sources only, citing them as [1], [2]. The phrased answer
//! is shown only when `grounding::check` passes; otherwise, on an error or
//! after the timeout, the sources' own words are shown as before. Nothing
//! is phrased when no source was found: the model never answers alone.

mod client;
pub mod grounding;

pub use client::Chat;

use super::intent::Field;
use super::retrieval::procedure_passages;
use super::{Reply, Source};
use crate::error::AppResult;
use crate::knowledge::markdown;
use crate::knowledge::store::published_answer;
use sqlx::PgPool;

/// The chat endpoint the pages and plain posts use, provided to Leptos as
/// context (`None`: answers in the sources' own words).
#[derive(Clone, Default)]
pub struct ChatEndpoint(pub Option<Chat>);

/// What the model is told. In Vietnamese, as its answers must be.
const INSTRUCTIONS: &str = "Bạn là trợ lý của Cổng dịch vụ công. Chỉ trả lời dựa trên các nguồn \
được đánh số bên dưới, không dùng hiểu biết riêng. Sau mỗi ý, ghi số nguồn trong ngoặc vuông, ví dụ [1]. \
Không nêu số tiền, thời hạn, con số nào không có trong nguồn đã trích. Nếu các nguồn không đủ để trả lời, \
hãy nói rõ như vậy. Trả lời ngắn gọn, dễ hiểu, bằng tiếng Việt, không quá 120 từ.";

/// The longest phrased answer shown (a model that rambles is not shown).
const LONGEST: usize = 2000;

/// `grounded` phrased by `chat` when allowed and checked; otherwise
/// `grounded` itself.
pub async fn phrase(
    pool: &PgPool,
    chat: &Chat,
    question: &str,
    grounded: Reply,
) -> AppResult<Reply> {
    let settings =
        crate::administration::settings::server_fns::store::assistant_settings(pool).await?;
    if !settings.generated_answers {
        return Ok(grounded);
    }
    let sources = source_texts(pool, &grounded).await?;
    if sources.is_empty() {
        return Ok(grounded);
    }
    let mut asked = format!("Câu hỏi: {question}\n\nNguồn:\n");
    for (number, (source, text)) in sources.iter().enumerate() {
        asked.push_str(&format!("\n[{}] {}\n{}\n", number + 1, source.title, text));
    }
    let answer = match chat.complete(INSTRUCTIONS, &asked).await {
        Ok(answer) => answer.trim().to_string(),
        Err(error) => {
            tracing::warn!(%error, "answering in the sources' own words");
            return Ok(grounded);
        }
    };
    if answer.chars().count() > LONGEST {
        tracing::info!("a phrased answer too long to show");
        return Ok(grounded);
    }
    let texts: Vec<&str> = sources.iter().map(|(_, text)| text.as_str()).collect();
    match grounding::check(&answer, &texts) {
        Ok(_) => Ok(Reply::Phrased {
            text: answer,
            sources: sources.into_iter().map(|(source, _)| source).collect(),
            grounded: Box::new(grounded),
        }),
        Err(why) => {
            tracing::info!(?why, "a phrased answer failed its check: not shown");
            Ok(grounded)
        }
    }
}

/// The sources of a grounded reply with the text of each the citizen
/// would see: the article's answer, the procedure's field (with its legal
/// basis), the passages quoted.
async fn source_texts(pool: &PgPool, reply: &Reply) -> AppResult<Vec<(Source, String)>> {
    Ok(match reply {
        Reply::Article { source, .. } => published_answer(pool, &source.code)
            .await?
            .map(|answer| vec![(source.clone(), markdown::to_text(&answer))])
            .unwrap_or_default(),
        Reply::ProcedureField { field, .. } => {
            let passage = match field {
                Field::Fees => "fees",
                Field::TimeLimit => "time_limit",
                Field::Documents => "documents",
                Field::Where => "where",
                // The form is a link to fill or download: nothing to phrase.
                Field::Form => return Ok(Vec::new()),
            };
            let source = reply.sources().remove(0);
            let passages = procedure_passages(pool, &source.code).await?;
            let text_of = |wanted: &str| {
                passages
                    .iter()
                    .find(|(field, _)| field == wanted)
                    .map(|(_, body)| body.as_str())
            };
            match (text_of(passage), text_of("legal_basis")) {
                (None, _) => Vec::new(),
                (Some(body), None) => vec![(source, body.to_string())],
                (Some(body), Some(basis)) => {
                    vec![(source, format!("{body}\nCăn cứ pháp lý: {basis}"))]
                }
            }
        }
        Reply::Passages(passages) => passages
            .iter()
            .map(|passage| {
                let text: String = passage
                    .fragments
                    .iter()
                    .map(|(text, _)| text.as_str())
                    .collect();
                (passage.source.clone(), text)
            })
            .collect(),
        Reply::Phrased { .. } | Reply::NoAnswer | Reply::OwnDossier | Reply::Complaint => {
            Vec::new()
        }
    })
}
