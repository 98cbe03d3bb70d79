//! Choosing the reply from the scored sources: the rules that keep the
//! assistant from guessing.
//!
//! - Nothing scores above `ANSWER_THRESHOLD`: no answer.
//! - The question asks for a field (fee, time limit, documents, where, the
//!   form) and a procedure matches about as well as anything: that field of
//!   the procedure's version in force.
//! - An article leads: its answer, with the close runners-up as
//!   alternatives ("Bạn hỏi: …"; not clearly ahead means within
//!   `CLEAR_LEAD`).
//! - Otherwise the best three sources' passages.

use super::intent::Field;
use super::{Source, SourceKind};

/// The least score a source needs to be offered as an answer.
pub const ANSWER_THRESHOLD: f64 = 0.6;
/// How far ahead of the next an article must be to stand alone.
pub const CLEAR_LEAD: f64 = 0.12;
/// How far behind the best article a procedure may be and still answer a
/// field question (the procedure's own field is the authoritative one).
const FIELD_MARGIN: f64 = 0.1;

/// A source and how well it answers.
#[derive(Clone, Debug, PartialEq)]
pub struct Scored {
    pub source: Source,
    pub score: f64,
}

/// What to reply, before the sources' content is read.
#[derive(Clone, Debug, PartialEq)]
pub enum Decision {
    Article {
        best: Source,
        alternatives: Vec<Source>,
    },
    ProcedureField {
        code: String,
        field: Field,
    },
    Passages(Vec<Source>),
    NoAnswer,
}

/// The decision for `ranked` (best first) and the field asked for.
pub fn decide(ranked: &[Scored], field: Option<Field>) -> Decision {
    decide_at(ranked, field, ANSWER_THRESHOLD)
}

/// [`decide`] with another threshold: the evaluation tries several.
///
/// `ranked` is in the retrieval's order; with semantic retrieval that is
/// the fused order, which need not follow the scores. Only the sources
/// scoring above the threshold take part, in that order.
pub fn decide_at(ranked: &[Scored], field: Option<Field>, threshold: f64) -> Decision {
    let confident: Vec<&Scored> = ranked
        .iter()
        .filter(|scored| scored.score >= threshold)
        .collect();
    let Some(best) = confident.first() else {
        return Decision::NoAnswer;
    };
    let top = confident
        .iter()
        .map(|scored| scored.score)
        .fold(f64::MIN, f64::max);
    if let Some(field) = field {
        let procedure = confident
            .iter()
            .find(|scored| scored.source.kind == SourceKind::Procedure);
        if let Some(procedure) = procedure {
            if procedure.score + FIELD_MARGIN >= top {
                return Decision::ProcedureField {
                    code: procedure.source.code.clone(),
                    field,
                };
            }
        }
    }
    if best.source.kind == SourceKind::Article {
        let alternatives = confident[1..]
            .iter()
            .filter(|scored| best.score - scored.score < CLEAR_LEAD)
            .take(3)
            .map(|scored| scored.source.clone())
            .collect();
        return Decision::Article {
            best: best.source.clone(),
            alternatives,
        };
    }
    Decision::Passages(
        confident
            .iter()
            .take(3)
            .map(|scored| scored.source.clone())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(kind: SourceKind, code: &str, score: f64) -> Scored {
        Scored {
            source: Source {
                kind,
                code: code.into(),
                title: code.into(),
                version: None,
            },
            score,
        }
    }

    #[test]
    fn below_the_threshold_there_is_no_answer() {
        assert_eq!(decide(&[], None), Decision::NoAnswer);
        let weak = [scored(SourceKind::Article, "a", ANSWER_THRESHOLD - 0.01)];
        assert_eq!(decide(&weak, Some(Field::Fees)), Decision::NoAnswer);
    }

    #[test]
    fn a_field_question_is_answered_from_the_procedure() {
        let ranked = [
            scored(SourceKind::Article, "le-phi", 0.9),
            scored(SourceKind::Procedure, "1.001193", 0.85),
        ];
        assert_eq!(
            decide(&ranked, Some(Field::Fees)),
            Decision::ProcedureField {
                code: "1.001193".into(),
                field: Field::Fees
            }
        );
        // Far behind the article, the procedure does not answer.
        let ranked = [
            scored(SourceKind::Article, "le-phi", 0.95),
            scored(SourceKind::Procedure, "1.001193", 0.7),
        ];
        assert!(matches!(
            decide(&ranked, Some(Field::Fees)),
            Decision::Article { .. }
        ));
    }

    #[test]
    fn an_article_not_clearly_ahead_comes_with_alternatives() {
        let ranked = [
            scored(SourceKind::Article, "a", 0.9),
            scored(SourceKind::Article, "b", 0.85),
            scored(SourceKind::Procedure, "c", 0.5),
        ];
        let Decision::Article { best, alternatives } = decide(&ranked, None) else {
            panic!("an article was expected");
        };
        assert_eq!(best.code, "a");
        assert_eq!(alternatives.len(), 1);
        assert_eq!(alternatives[0].code, "b");
        let clear = [
            scored(SourceKind::Article, "a", 0.95),
            scored(SourceKind::Article, "b", 0.7),
        ];
        assert!(matches!(
            decide(&clear, None),
            Decision::Article { alternatives, .. } if alternatives.is_empty()
        ));
    }

    #[test]
    fn in_a_fused_order_only_the_confident_sources_answer_in_that_order() {
        // Semantic retrieval may put a source the words barely support
        // first: it is passed over, and the next confident one answers,
        // though a later one scores higher on the words.
        let ranked = [
            scored(
                SourceKind::Article,
                "near-in-meaning",
                ANSWER_THRESHOLD - 0.2,
            ),
            scored(SourceKind::Article, "a", 0.8),
            scored(SourceKind::Article, "b", 0.85),
        ];
        let Decision::Article { best, alternatives } = decide(&ranked, None) else {
            panic!("an article was expected");
        };
        assert_eq!(best.code, "a");
        assert_eq!(alternatives, [ranked[2].source.clone()]);
        let weak = [scored(SourceKind::Procedure, "p", ANSWER_THRESHOLD - 0.01)];
        assert_eq!(decide(&weak, Some(Field::Fees)), Decision::NoAnswer);
    }

    #[test]
    fn a_procedure_without_a_field_gives_passages() {
        let ranked = [
            scored(SourceKind::Procedure, "p", 0.8),
            scored(SourceKind::Article, "a", 0.7),
            scored(SourceKind::Article, "b", 0.3),
        ];
        let Decision::Passages(sources) = decide(&ranked, None) else {
            panic!("passages were expected");
        };
        assert_eq!(sources.len(), 2);
    }
}
