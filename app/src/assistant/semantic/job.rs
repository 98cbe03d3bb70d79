//! The embedding job: embeds the source texts that have no vector yet for
//! the configured model, drops the vectors of texts no longer in use, and
//! recounts the texts' syllables for diacritic restoration when the texts
//! changed. Every instance runs it; an advisory lock lets one at a time do
//! the work, and a vector is stored once per text whoever computes it.

use super::client::{Embeddings, Purpose};
use crate::assistant::diacritics::SyllableCounts;
use crate::error::{AppError, AppResult};
use sqlx::PgPool;

/// Texts per request to the endpoint.
const BATCH: usize = 16;
/// The advisory lock of the job (an arbitrary constant: "E5").
const JOB_LOCK: i64 = 0x4535_0001;

/// Embeds what is missing; returns how many texts were embedded.
pub async fn refresh(pool: &PgPool, embeddings: &Embeddings) -> AppResult<usize> {
    let mut lock = pool.acquire().await?;
    let ours: bool = sqlx::query_scalar!(r#"SELECT pg_try_advisory_lock($1) AS "ours!""#, JOB_LOCK)
        .fetch_one(&mut *lock)
        .await?;
    if !ours {
        return Ok(0);
    }
    let outcome = refresh_locked(pool, embeddings).await;
    sqlx::query_scalar!(r#"SELECT pg_advisory_unlock($1) AS "released!""#, JOB_LOCK)
        .fetch_one(&mut *lock)
        .await?;
    outcome
}

async fn refresh_locked(pool: &PgPool, embeddings: &Embeddings) -> AppResult<usize> {
    let model = embeddings.model();
    let missing = sqlx::query!(
        r#"SELECT DISTINCT ON (t.digest) t.digest AS "digest!", t.body AS "body!"
           FROM embedding_texts t
           WHERE NOT EXISTS (SELECT 1 FROM text_embeddings e WHERE e.model = $1 AND e.digest = t.digest)
           ORDER BY t.digest"#,
        model
    )
    .fetch_all(pool)
    .await?;
    let mut embedded = 0;
    for batch in missing.chunks(BATCH) {
        let texts: Vec<String> = batch.iter().map(|row| row.body.clone()).collect();
        let vectors = embeddings
            .embed(&texts, Purpose::Passage)
            .await
            .map_err(|error| {
                tracing::warn!(%error, "could not embed the assistant's sources");
                AppError::Unavailable
            })?;
        for (row, vector) in batch.iter().zip(vectors) {
            sqlx::query!(
                "INSERT INTO text_embeddings (model, digest, embedding) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
                model,
                row.digest,
                &vector
            )
            .execute(pool)
            .await?;
            embedded += 1;
        }
    }
    let swept = sqlx::query!(
        "DELETE FROM text_embeddings e WHERE e.model = $1
         AND NOT EXISTS (SELECT 1 FROM embedding_texts t WHERE t.digest = e.digest)",
        model
    )
    .execute(pool)
    .await?
    .rows_affected();
    let counted: bool =
        sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM corpus_syllables) AS "counted!""#)
            .fetch_one(pool)
            .await?;
    if embedded > 0 || swept > 0 || !counted {
        recount_syllables(pool).await?;
    }
    Ok(embedded)
}

/// Replaces the syllable counts with those of the texts in use.
async fn recount_syllables(pool: &PgPool) -> AppResult<()> {
    let bodies: Vec<String> =
        sqlx::query_scalar!(r#"SELECT DISTINCT body AS "body!" FROM embedding_texts"#)
            .fetch_all(pool)
            .await?;
    let counts = SyllableCounts::from_texts(bodies.iter().map(String::as_str));
    let rows = |rows: Vec<(String, &str, u32)>| {
        let mut plain = Vec::with_capacity(rows.len());
        let mut written = Vec::with_capacity(rows.len());
        let mut seen = Vec::with_capacity(rows.len());
        for (key, form, times) in rows {
            plain.push(key);
            written.push(form.to_string());
            seen.push(times.min(i32::MAX as u32) as i32);
        }
        (plain, written, seen)
    };
    let singles = rows(counts.single_rows().collect());
    let pairs = rows(counts.pair_rows().collect());
    let mut tx = pool.begin().await?;
    sqlx::query!("DELETE FROM corpus_syllables")
        .execute(&mut *tx)
        .await?;
    sqlx::query!("DELETE FROM corpus_syllable_pairs")
        .execute(&mut *tx)
        .await?;
    sqlx::query!(
        "INSERT INTO corpus_syllables (plain, written, seen)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[])",
        &singles.0,
        &singles.1,
        &singles.2
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO corpus_syllable_pairs (plain, written, seen)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[])",
        &pairs.0,
        &pairs.1,
        &pairs.2
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
