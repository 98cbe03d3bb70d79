//! Finding and ranking the sources for a question, and reading the reply's
//! content from them. The database narrows the candidates (any of the
//! question's words, or a close phrase for typos); `scoring` ranks them;
//! with an embeddings endpoint, the question's nearest sources are fused
//! in (`semantic`, `fusion`); `answer::decide` chooses.

use super::answer::{decide, Decision, Scored};
use super::intent::{intent, words, Intent};
use super::scoring::{question_words, score, weight, SourceWords, Weighted};
use super::semantic::{nearest, Embeddings};
use super::{Passage, Reply, Source, SourceKind};
use crate::error::AppResult;
use crate::knowledge::markdown;
use crate::knowledge::store::published_answer;
use chrono::NaiveDateTime;
use sqlx::PgPool;

/// How many candidates of each kind the database hands over.
const CANDIDATES: i64 = 40;

/// The ranked sources for `question`, best first, and its intent.
pub struct Ranking {
    pub intent: Intent,
    /// The question as the search reads it (`search_question`).
    pub meant: String,
    pub ranked: Vec<Scored>,
}

/// A candidate source as the database hands it over.
struct Candidate {
    kind: String,
    code: String,
    title: String,
    title_key: String,
    body_key: String,
    version: Option<i32>,
}

impl Candidate {
    fn scored(self, weighted: &[Weighted<'_>]) -> Scored {
        let source_words = SourceWords {
            title: words(&self.title_key),
            body: words(&self.body_key),
        };
        Scored {
            score: score(weighted, &source_words),
            source: Source {
                kind: if self.kind == "article" {
                    SourceKind::Article
                } else {
                    SourceKind::Procedure
                },
                code: self.code,
                title: self.title,
                version: self.version,
            },
        }
    }
}

/// The sources ranked for `question` (internal guidance only for officials),
/// fused with its nearest sources by embedding when `semantic` is given.
pub async fn rank(
    pool: &PgPool,
    question: &str,
    officials: bool,
    semantic: Option<&Embeddings>,
) -> AppResult<Ranking> {
    let read = sqlx::query!(
        r#"SELECT search_key($1) AS "key!",
                  coalesce(nullif(search_question($1), ''), search_key($1)) AS "meant!""#,
        question
    )
    .fetch_one(pool)
    .await?;
    let intent = intent(&read.key);
    let mut asked = question_words(&read.meant);
    if !matches!(intent, Intent::Question(_)) || asked.is_empty() {
        return Ok(Ranking {
            intent,
            meant: read.meant.clone(),
            ranked: Vec::new(),
        });
    }
    if let Intent::Question(Some(field)) = intent {
        for word in field.words() {
            if !asked.contains(word) {
                asked.push(word);
            }
        }
    }
    let asked_owned: Vec<String> = asked.iter().map(|word| word.to_string()).collect();
    let frequencies = sqlx::query!(
        r#"SELECT w AS "word!",
                  (SELECT count(*) FROM articles a WHERE a.version IS NOT NULL AND a.archived_at IS NULL
                          AND to_tsvector('simple', a.search_text) @@ to_tsquery('simple', quote_literal(w)))
                  + (SELECT count(DISTINCT pp.version_id) FROM procedure_passages pp
                     JOIN current_procedure_versions v ON v.id = pp.version_id
                     WHERE pp.words @@ to_tsquery('simple', quote_literal(w))) AS "frequency!",
                  (SELECT count(*) FROM articles a WHERE a.version IS NOT NULL AND a.archived_at IS NULL)
                  + (SELECT count(*) FROM current_procedure_versions) AS "total!"
           FROM unnest($1::text[]) AS w"#,
        &asked_owned
    )
    .fetch_all(pool)
    .await?;
    let weighted: Vec<Weighted<'_>> = asked
        .iter()
        .map(|word| {
            let found = frequencies.iter().find(|row| row.word == *word);
            Weighted {
                word,
                weight: found.map_or(1.0, |row| weight(row.frequency, row.total)),
            }
        })
        .collect();
    let candidates = sqlx::query_as!(
        Candidate,
        r#"WITH q AS (SELECT $1::text AS meant, search_any_words($1::text) AS anyq)
           (SELECT 'article' AS "kind!", a.code AS "code!", a.question AS "title!",
                   a.question_key AS "title_key!", a.search_text AS "body_key!", NULL::int AS "version?"
            FROM articles a, q
            WHERE a.version IS NOT NULL AND a.archived_at IS NULL AND (a.audience = 'citizens' OR $2)
              AND (to_tsvector('simple', a.search_text) @@ q.anyq OR q.meant <% a.search_text)
            ORDER BY ts_rank(to_tsvector('simple', a.search_text), q.anyq) + word_similarity(q.meant, a.question_key) DESC
            LIMIT $3)
           UNION ALL
           (SELECT 'procedure', p.code, v.name, v.name_key,
                   (SELECT string_agg(pp.key, ' ') FROM procedure_passages pp WHERE pp.version_id = v.id),
                   v.version
            FROM procedures p JOIN current_procedure_versions v ON v.procedure_id = p.id, q
            WHERE EXISTS (SELECT 1 FROM procedure_passages pp WHERE pp.version_id = v.id
                          AND (pp.words @@ q.anyq OR q.meant <% pp.key))
            ORDER BY word_similarity(q.meant, v.name_key)
                     + (SELECT max(ts_rank(pp.words, q.anyq)) FROM procedure_passages pp
                        WHERE pp.version_id = v.id) DESC
            LIMIT $3)"#,
        read.meant,
        officials,
        CANDIDATES,
    )
    .fetch_all(pool)
    .await?;
    let mut ranked: Vec<Scored> = candidates
        .into_iter()
        .map(|candidate| candidate.scored(&weighted))
        .collect();
    ranked.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.source.title.len().cmp(&b.source.title.len()))
    });
    if let Some(embeddings) = semantic {
        if let Some(neighbours) = nearest(pool, embeddings, question, officials).await? {
            ranked = fuse_nearest(pool, ranked, neighbours, &weighted).await?;
        }
    }
    Ok(Ranking {
        intent,
        meant: read.meant,
        ranked,
    })
}

/// `ranked` (lexical, best first) fused with the nearest sources; those
/// only the embeddings found are scored on their words too, since the
/// words' score decides whether the assistant answers.
async fn fuse_nearest(
    pool: &PgPool,
    ranked: Vec<Scored>,
    neighbours: Vec<super::semantic::Neighbour>,
    weighted: &[Weighted<'_>],
) -> AppResult<Vec<Scored>> {
    let key = |kind: SourceKind, code: &str| (kind, code.to_string());
    let unseen = |kind: SourceKind| -> Vec<String> {
        neighbours
            .iter()
            .filter(|n| n.kind == kind)
            .filter(|n| {
                !ranked
                    .iter()
                    .any(|s| s.source.kind == kind && s.source.code == n.code)
            })
            .map(|n| n.code.clone())
            .collect()
    };
    let (articles, procedures) = (unseen(SourceKind::Article), unseen(SourceKind::Procedure));
    let found = sqlx::query_as!(
        Candidate,
        r#"SELECT 'article' AS "kind!", a.code AS "code!", a.question AS "title!",
                  a.question_key AS "title_key!", a.search_text AS "body_key!", NULL::int AS "version?"
           FROM articles a
           WHERE a.code = ANY($1) AND a.version IS NOT NULL AND a.archived_at IS NULL
           UNION ALL
           SELECT 'procedure', p.code, v.name, v.name_key,
                  (SELECT string_agg(pp.key, ' ') FROM procedure_passages pp WHERE pp.version_id = v.id),
                  v.version
           FROM procedures p JOIN current_procedure_versions v ON v.procedure_id = p.id
           WHERE p.code = ANY($2)"#,
        &articles,
        &procedures
    )
    .fetch_all(pool)
    .await?;
    let lexical: Vec<(SourceKind, String)> = ranked
        .iter()
        .map(|s| key(s.source.kind, &s.source.code))
        .collect();
    let semantic: Vec<(SourceKind, String)> =
        neighbours.iter().map(|n| key(n.kind, &n.code)).collect();
    let mut all: Vec<Scored> = ranked;
    all.extend(
        found
            .into_iter()
            .map(|candidate| candidate.scored(weighted)),
    );
    let order = super::fusion::fuse(&[lexical, semantic]);
    let mut fused = Vec::with_capacity(all.len());
    for (kind, code) in order {
        if let Some(at) = all
            .iter()
            .position(|s| s.source.kind == kind && s.source.code == code)
        {
            fused.push(all.swap_remove(at));
        }
    }
    Ok(fused)
}

/// The reply to `question`.
pub async fn reply(
    pool: &PgPool,
    question: &str,
    officials: bool,
    now: NaiveDateTime,
    semantic: Option<&Embeddings>,
) -> AppResult<Reply> {
    let ranking = rank(pool, question, officials, semantic).await?;
    let field = match ranking.intent {
        Intent::OwnDossier => return Ok(Reply::OwnDossier),
        Intent::Complaint => return Ok(Reply::Complaint),
        Intent::Question(field) => field,
    };
    Ok(match decide(&ranking.ranked, field) {
        Decision::NoAnswer => Reply::NoAnswer,
        Decision::ProcedureField { code, field } => {
            match crate::catalogue::store::find_by_code(pool, &code, now).await? {
                Some(procedure) => Reply::ProcedureField {
                    field,
                    procedure: Box::new(procedure),
                },
                None => Reply::NoAnswer,
            }
        }
        Decision::Article { best, alternatives } => {
            match published_answer(pool, &best.code).await? {
                Some(answer) => Reply::Article {
                    source: best,
                    answer_html: markdown::to_html(&answer),
                    alternatives,
                },
                None => Reply::NoAnswer,
            }
        }
        Decision::Passages(sources) => {
            let asked = &ranking.meant;
            let mut passages = Vec::new();
            for source in sources {
                if let Some(text) = best_passage(pool, &source, asked).await? {
                    passages.push(Passage {
                        fragments: mark(&text, &question_words(asked)),
                        source,
                    });
                }
            }
            if passages.is_empty() {
                Reply::NoAnswer
            } else {
                Reply::Passages(passages)
            }
        }
    })
}

/// The passages (field, text) of the version in force of the procedure
/// `code` (`procedure_passages`).
pub(crate) async fn procedure_passages(
    pool: &PgPool,
    code: &str,
) -> AppResult<Vec<(String, String)>> {
    Ok(sqlx::query!(
        r#"SELECT pp.field, pp.body FROM procedure_passages pp
           JOIN current_procedure_versions v ON v.id = pp.version_id
           JOIN procedures p ON p.id = v.procedure_id
           WHERE p.code = $1"#,
        code
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.field, row.body))
    .collect())
}

/// The passage of `source` that holds most of the question's words.
async fn best_passage(pool: &PgPool, source: &Source, meant: &str) -> AppResult<Option<String>> {
    let bodies: Vec<String> = match source.kind {
        SourceKind::Article => published_answer(pool, &source.code)
            .await?
            .map(|answer| vec![markdown::to_text(&answer)])
            .unwrap_or_default(),
        SourceKind::Procedure => procedure_passages(pool, &source.code)
            .await?
            .into_iter()
            .map(|(_, body)| body)
            .collect(),
    };
    let asked = question_words(meant);
    let best = bodies.into_iter().max_by_key(|body| {
        let key = crate::text::search_key(body);
        let body_words = words(&key);
        asked
            .iter()
            .filter(|word| {
                body_words
                    .iter()
                    .any(|candidate| super::scoring::close(word, candidate))
            })
            .count()
    });
    Ok(best.map(|body| excerpt(&body, 400)))
}

/// At most `limit` characters, cut at a word.
fn excerpt(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    match cut.rfind(' ') {
        Some(at) => format!("{}…", &cut[..at]),
        None => format!("{cut}…"),
    }
}

/// `text` in fragments, the question's words marked.
pub fn mark(text: &str, asked: &[&str]) -> Vec<(String, bool)> {
    let mut fragments: Vec<(String, bool)> = Vec::new();
    let mut word = String::new();
    let push = |fragments: &mut Vec<(String, bool)>, piece: String, marked: bool| match fragments
        .last_mut()
    {
        Some((last, last_marked)) if *last_marked == marked => last.push_str(&piece),
        _ => fragments.push((piece, marked)),
    };
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            let key = crate::text::search_key(&word);
            let marked = asked.iter().any(|asked| super::scoring::close(asked, &key));
            push(&mut fragments, std::mem::take(&mut word), marked);
        }
        push(&mut fragments, c.to_string(), false);
    }
    // The space added to end the last word.
    if let Some((last, false)) = fragments.last_mut() {
        last.pop();
        if last.is_empty() {
            fragments.pop();
        }
    }
    fragments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matched_words_are_marked_whatever_their_diacritics() {
        let fragments = mark("Lệ phí: 200.000 đồng", &["le", "phi"]);
        assert_eq!(
            fragments,
            [
                ("Lệ".to_string(), true),
                (" ".to_string(), false),
                ("phí".to_string(), true),
                (": 200.000 đồng".to_string(), false)
            ]
        );
    }
}
