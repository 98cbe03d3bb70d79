//! An article of the knowledge base: what an editor writes, the checks it
//! must pass before it is kept, and the state it is in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who may read an article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::Type))]
#[cfg_attr(feature = "ssr", sqlx(type_name = "text", rename_all = "snake_case"))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Everyone, on `/hoi-dap` and in the assistant.
    #[default]
    Citizens,
    /// Internal guidance for the one-stop staff: officials only.
    Officials,
}

impl Audience {
    pub fn parse(value: &str) -> Option<Audience> {
        match value {
            "citizens" => Some(Audience::Citizens),
            "officials" => Some(Audience::Officials),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Citizens => "citizens",
            Audience::Officials => "officials",
        }
    }
}

/// What an editor writes: the draft, and each published version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleContent {
    pub question: String,
    /// Markdown: paragraphs, lists, emphasis and links; no HTML.
    pub answer: String,
    /// The owning agency's code; `None`: the province's.
    pub agency: Option<String>,
    /// The sector's code.
    pub sector: Option<String>,
    /// The codes of the procedures it concerns.
    #[serde(default)]
    pub procedures: Vec<String>,
    /// The legal documents it rests on, one per entry.
    #[serde(default)]
    pub legal_references: Vec<String>,
    #[serde(default)]
    pub audience: Audience,
    pub valid_until: Option<NaiveDate>,
}

/// Where an article stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ArticleStatus {
    /// Never published; being written.
    Draft,
    /// Its author asked a second person to check and publish it.
    InReview,
    /// Citizens read it (a draft of changes may be under way).
    Published,
    /// Taken off the knowledge base.
    Archived,
}

impl ArticleStatus {
    pub fn of(published: bool, in_review: bool, archived: bool) -> ArticleStatus {
        if archived {
            ArticleStatus::Archived
        } else if in_review {
            ArticleStatus::InReview
        } else if published {
            ArticleStatus::Published
        } else {
            ArticleStatus::Draft
        }
    }
}

/// Why a draft is refused, each with the field it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArticleRefusal {
    Missing,
    TooShort,
    TooLong,
    /// An article code: lower-case letters, digits and hyphens.
    BadCode,
    CodeTaken,
    UnknownProcedure,
    UnknownSector,
    UnknownAgency,
    /// More legal references than an article can list.
    TooMany,
    /// "Valid until" already past.
    Past,
}

pub const QUESTION_LIMITS: (usize, usize) = (10, 300);
pub const ANSWER_LIMITS: (usize, usize) = (20, 10_000);
pub const REFERENCE_LIMIT: usize = 300;
pub const REFERENCES_MAX: usize = 10;
pub const PROCEDURES_MAX: usize = 10;

/// Why `text` is refused for its length, if it is: missing, or outside
/// `(least, most)` characters once trimmed.
pub fn length_refusal(text: &str, (least, most): (usize, usize)) -> Option<ArticleRefusal> {
    let length = text.trim().chars().count();
    if length == 0 {
        Some(ArticleRefusal::Missing)
    } else if length < least {
        Some(ArticleRefusal::TooShort)
    } else if length > most {
        Some(ArticleRefusal::TooLong)
    } else {
        None
    }
}

/// The refusals of `content` that need no database, by field.
pub fn check_content(
    content: &ArticleContent,
    today: NaiveDate,
) -> Vec<(&'static str, ArticleRefusal)> {
    let mut refused = Vec::new();
    for (field, text, limits) in [
        ("question", &content.question, QUESTION_LIMITS),
        ("answer", &content.answer, ANSWER_LIMITS),
    ] {
        if let Some(refusal) = length_refusal(text, limits) {
            refused.push((field, refusal));
        }
    }
    if content.legal_references.len() > REFERENCES_MAX {
        refused.push(("legal_references", ArticleRefusal::TooMany));
    } else if content
        .legal_references
        .iter()
        .any(|reference| reference.chars().count() > REFERENCE_LIMIT)
    {
        refused.push(("legal_references", ArticleRefusal::TooLong));
    }
    if content.procedures.len() > PROCEDURES_MAX {
        refused.push(("procedures", ArticleRefusal::TooMany));
    }
    if content.valid_until.is_some_and(|day| day < today) {
        refused.push(("valid_until", ArticleRefusal::Past));
    }
    refused
}

/// Whether `code` may name an article (`/hoi-dap/{code}`).
pub fn valid_code(code: &str) -> bool {
    let length = code.len();
    (3..=80).contains(&length)
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !code.starts_with('-')
        // `/hoi-dap/dat-cau-hoi` is the page asking an agency.
        && code != "dat-cau-hoi"
}

/// Procedure codes as typed: separated by commas, spaces or lines, each
/// kept once in the order given.
pub fn procedure_codes(text: &str) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in text.split(|c: char| c == ',' || c == ';' || c.is_whitespace()) {
        if !code.is_empty() && !codes.iter().any(|kept| kept == code) {
            codes.push(code.to_string());
        }
    }
    codes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn content() -> ArticleContent {
        ArticleContent {
            question: "Đăng ký khai sinh có mất lệ phí không?".into(),
            answer: "Đăng ký khai sinh đúng hạn được miễn lệ phí.".into(),
            ..ArticleContent::default()
        }
    }

    #[test]
    fn a_question_and_an_answer_are_needed_within_their_lengths() {
        assert!(check_content(&content(), today()).is_empty());
        let empty = ArticleContent::default();
        assert_eq!(
            check_content(&empty, today()),
            [
                ("question", ArticleRefusal::Missing),
                ("answer", ArticleRefusal::Missing)
            ]
        );
        let short = ArticleContent {
            question: "Lệ phí?".into(),
            answer: "x".repeat(ANSWER_LIMITS.1 + 1),
            ..content()
        };
        assert_eq!(
            check_content(&short, today()),
            [
                ("question", ArticleRefusal::TooShort),
                ("answer", ArticleRefusal::TooLong)
            ]
        );
    }

    #[test]
    fn valid_until_may_not_be_past_and_references_are_bounded() {
        let past = ArticleContent {
            valid_until: NaiveDate::from_ymd_opt(2026, 12, 5),
            legal_references: vec!["x".into(); REFERENCES_MAX + 1],
            ..content()
        };
        assert_eq!(
            check_content(&past, today()),
            [
                ("legal_references", ArticleRefusal::TooMany),
                ("valid_until", ArticleRefusal::Past)
            ]
        );
        let today_is_fine = ArticleContent {
            valid_until: Some(today()),
            ..content()
        };
        assert!(check_content(&today_is_fine, today()).is_empty());
    }

    #[test]
    fn codes_and_lists_read_as_typed() {
        assert!(valid_code("le-phi-khai-sinh"));
        assert!(!valid_code("Lệ-phí"));
        assert!(!valid_code("-ab"));
        assert!(!valid_code("ab"));
        assert_eq!(
            procedure_codes("1.001193, 1.000894\n1.001193"),
            ["1.001193", "1.000894"]
        );
    }
}
