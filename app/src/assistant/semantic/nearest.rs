//! A question's nearest sources by embedding: the question, its diacritics
//! restored from the texts' own syllables, is embedded and compared with
//! every stored source text; a source is as near as its nearest text.

use super::client::{cosine, Embeddings, Purpose};
use crate::assistant::diacritics::{syllables, SyllableCounts};
use crate::assistant::SourceKind;
use crate::error::AppResult;
use crate::text::search_key;
use sqlx::PgPool;
use std::collections::HashMap;

/// How many of the nearest sources take part in the fusion.
const DEPTH: usize = 20;

/// A source near the question.
#[derive(Clone, Debug, PartialEq)]
pub struct Neighbour {
    pub kind: SourceKind,
    pub code: String,
    pub similarity: f32,
}

/// The sources nearest `question`, nearest first; `None` when the endpoint
/// does not answer (the assistant then answers from the words alone).
pub async fn nearest(
    pool: &PgPool,
    embeddings: &Embeddings,
    question: &str,
    officials: bool,
) -> AppResult<Option<Vec<Neighbour>>> {
    let restored = restore_diacritics(pool, question).await?;
    let vector = match embeddings.embed(&[restored], Purpose::Question).await {
        Ok(mut vectors) => vectors.pop().unwrap_or_default(),
        Err(error) => {
            tracing::warn!(%error, "answering from the words alone");
            return Ok(None);
        }
    };
    let stored = sqlx::query!(
        r#"SELECT t.kind AS "kind!", t.code AS "code!", e.embedding AS "embedding!"
           FROM embedding_texts t
           JOIN text_embeddings e ON e.model = $1 AND e.digest = t.digest
           WHERE t.audience = 'citizens' OR $2"#,
        embeddings.model(),
        officials
    )
    .fetch_all(pool)
    .await?;
    let mut nearest: HashMap<(SourceKind, String), f32> = HashMap::new();
    for row in stored {
        let kind = if row.kind == "article" {
            SourceKind::Article
        } else {
            SourceKind::Procedure
        };
        let similarity = cosine(&vector, &row.embedding);
        let entry = nearest.entry((kind, row.code)).or_insert(f32::MIN);
        *entry = entry.max(similarity);
    }
    let mut ranked: Vec<Neighbour> = nearest
        .into_iter()
        .map(|((kind, code), similarity)| Neighbour {
            kind,
            code,
            similarity,
        })
        .collect();
    ranked.sort_by(|a, b| {
        b.similarity
            .total_cmp(&a.similarity)
            .then_with(|| a.code.cmp(&b.code))
    });
    ranked.truncate(DEPTH);
    Ok(Some(ranked))
}

/// `question` with the diacritics its syllables most likely lack, from the
/// counts of the syllables it has (and of their pairs).
pub async fn restore_diacritics(pool: &PgPool, question: &str) -> AppResult<String> {
    let typed = syllables(question);
    let plain: Vec<String> = typed.iter().map(|word| search_key(word)).collect();
    let pairs: Vec<String> = plain
        .windows(2)
        .map(|pair| format!("{} {}", pair[0], pair[1]))
        .collect();
    let singles = sqlx::query!(
        "SELECT written, seen FROM corpus_syllables WHERE plain = ANY($1)",
        &plain
    )
    .fetch_all(pool)
    .await?;
    let together = sqlx::query!(
        "SELECT written, seen FROM corpus_syllable_pairs WHERE plain = ANY($1)",
        &pairs
    )
    .fetch_all(pool)
    .await?;
    let mut counts = SyllableCounts::default();
    for row in singles {
        counts.add_single(&row.written, row.seen.max(0) as u32);
    }
    for row in together {
        counts.add_pair(&row.written, row.seen.max(0) as u32);
    }
    Ok(counts.restore(question))
}
