//! The assistant measured on `bench/assistant/questions.json`: questions
//! written the way citizens write them, each with the articles or
//! procedures that answer it (none for the out-of-scope ones). Prints, as
//! Markdown, for the lexical retrieval and, when `MOTCUA_EMBEDDINGS_URL`
//! names an embeddings endpoint, for lexical + semantic:
//!
//! - recall@3 and MRR@10 of the ranking over the in-scope questions;
//! - how often the reply itself cites a right source first;
//! - the precision of "no answer" (declined questions that were out of
//!   scope) and how many out-of-scope questions were answered (aim: none).
//!
//! `bench/assistant` runs it against a throwaway database; by hand:
//! `DATABASE_URL=postgres://…/empty_db cargo run --release --example assistant_eval`.

use app::assistant::answer::{decide_at, Decision, Scored};
use app::assistant::intent::Intent;
use app::assistant::retrieval::{rank, reply};
use app::assistant::semantic::{refresh, Embeddings};
use app::assistant::Reply;
use serde::Deserialize;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Questions {
    questions: Vec<Question>,
}

#[derive(Deserialize)]
struct Question {
    question: String,
    expected: Vec<String>,
    style: String,
}

/// A question's field asked, whether it is a question at all (not one's
/// own dossier or a complaint), its ranking and the right sources.
type Ranked = (
    Option<app::assistant::intent::Field>,
    bool,
    Vec<Scored>,
    Vec<String>,
);

#[derive(Default)]
struct Tally {
    asked: usize,
    in_top3: usize,
    reciprocal: f64,
    answered_right: usize,
    answered: usize,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let url = std::env::var("DATABASE_URL")
        .map_err(|_| anyhow::anyhow!("DATABASE_URL must name an empty database"))?;
    let path = std::env::var("ASSISTANT_QUESTIONS")
        .unwrap_or_else(|_| "bench/assistant/questions.json".to_string());
    let questions: Questions = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&url)
        .await?;
    server::database::MIGRATOR.run(&pool).await?;
    server::seed::load_reference_data(&pool).await?;
    let key = server::config::Config::from_env()?.secret_key;
    server::seed::load_demo_data(&pool, &key).await?;
    println!("## Lexical retrieval\n");
    evaluate(&pool, &questions, None).await?;
    if let Ok(url) = std::env::var("MOTCUA_EMBEDDINGS_URL") {
        let model = std::env::var("MOTCUA_EMBEDDINGS_MODEL")
            .unwrap_or_else(|_| "multilingual-e5-small".into());
        // Measured without the portal's 3 s limit: the ranking, not the
        // machine's speed.
        let embeddings = Embeddings::new(&url, &model, None, std::time::Duration::from_secs(60));
        let embedded = refresh(&pool, &embeddings)
            .await
            .map_err(|error| anyhow::anyhow!("embedding the sources at {url}: {error:?}"))?;
        println!("\n## Lexical + semantic retrieval ({model}, {embedded} texts embedded)\n");
        evaluate(&pool, &questions, Some(&embeddings)).await?;
    }
    Ok(())
}

async fn evaluate(
    pool: &PgPool,
    questions: &Questions,
    semantic: Option<&Embeddings>,
) -> anyhow::Result<()> {
    let now = app::clock::Clock::real().now_in_vietnam();
    let verbose = std::env::var("ASSISTANT_VERBOSE").is_ok();

    // Each question's ranking, kept to try other thresholds after.
    let mut rankings: Vec<Ranked> = Vec::new();
    let mut by_style: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let (mut declined, mut declined_out_of_scope, mut out_of_scope, mut out_of_scope_answered) =
        (0, 0, 0, 0);
    for question in &questions.questions {
        let ranking = rank(pool, &question.question, false, semantic).await?;
        if let Intent::Question(field) = ranking.intent {
            rankings.push((
                field,
                true,
                ranking.ranked.clone(),
                question.expected.clone(),
            ));
        } else {
            rankings.push((None, false, Vec::new(), question.expected.clone()));
        }
        let ranked: Vec<&str> = ranking
            .ranked
            .iter()
            .map(|s| s.source.code.as_str())
            .collect();
        let answer = reply(pool, &question.question, false, now, semantic).await?;
        let no_answer = matches!(answer, Reply::NoAnswer);
        if no_answer {
            declined += 1;
        }
        if question.expected.is_empty() {
            out_of_scope += 1;
            if no_answer {
                declined_out_of_scope += 1;
            } else {
                out_of_scope_answered += 1;
                if verbose {
                    println!(
                        "ANSWERED OUT OF SCOPE: {} -> {:?}",
                        question.question,
                        answer.sources().first().map(|s| &s.code)
                    );
                }
            }
            continue;
        }
        let position = ranked
            .iter()
            .take(10)
            .position(|code| question.expected.iter().any(|expected| expected == code));
        let first = answer.sources().first().map(|source| source.code.clone());
        let right = first
            .as_ref()
            .is_some_and(|code| question.expected.contains(code));
        if verbose && !right {
            println!(
                "MISS [{}] {} -> reply {:?} ({}), ranked {:?}, expected {:?}",
                question.style,
                question.question,
                first,
                answer.kind(),
                ranking
                    .ranked
                    .iter()
                    .take(3)
                    .map(|s| format!("{}:{:.2}", s.source.code, s.score))
                    .collect::<Vec<_>>(),
                question.expected
            );
        }
        for tally in [
            &mut all,
            by_style.entry(question.style.clone()).or_default(),
        ] {
            tally.asked += 1;
            if position.is_some_and(|at| at < 3) {
                tally.in_top3 += 1;
            }
            tally.reciprocal += position.map_or(0.0, |at| 1.0 / (at as f64 + 1.0));
            if !no_answer {
                tally.answered += 1;
            }
            if right {
                tally.answered_right += 1;
            }
        }
    }
    println!("| questions | recall@3 | MRR@10 | answered | answered with a right source first |");
    println!("|---|---:|---:|---:|---:|");
    let row = |name: &str, tally: &Tally| {
        let n = tally.asked.max(1) as f64;
        println!(
            "| {name} ({}) | {:.3} | {:.3} | {:.3} | {:.3} |",
            tally.asked,
            tally.in_top3 as f64 / n,
            tally.reciprocal / n,
            tally.answered as f64 / n,
            tally.answered_right as f64 / n
        );
    };
    row("all in scope", &all);
    for (style, tally) in &by_style {
        row(style, tally);
    }
    println!();
    println!(
        "No answer: {declined} questions declined, {declined_out_of_scope} of them out of scope (precision {:.3}); \
         out of scope answered: {out_of_scope_answered} of {out_of_scope}.",
        declined_out_of_scope as f64 / declined.max(1) as f64
    );
    println!();
    println!(
        "| threshold | in scope answered right | in scope answered wrong | out of scope answered |"
    );
    println!("|---:|---:|---:|---:|");
    for step in 0..8 {
        let threshold = 0.5 + 0.05 * step as f64;
        let (mut right, mut wrong, mut out) = (0, 0, 0);
        for (field, question, ranked, expected) in &rankings {
            let first = if !question {
                None
            } else {
                match decide_at(ranked, *field, threshold) {
                    Decision::NoAnswer => None,
                    Decision::Article { best, .. } => Some(best.code),
                    Decision::ProcedureField { code, .. } => Some(code),
                    Decision::Passages(sources) => sources.first().map(|s| s.code.clone()),
                }
            };
            match first {
                None => {}
                Some(_) if expected.is_empty() => out += 1,
                Some(code) if expected.contains(&code) => right += 1,
                Some(_) => wrong += 1,
            }
        }
        let in_scope = rankings.iter().filter(|r| !r.3.is_empty()).count().max(1) as f64;
        println!(
            "| {threshold:.2} | {:.3} | {:.3} | {out} |",
            right as f64 / in_scope,
            wrong as f64 / in_scope
        );
    }
    Ok(())
}
