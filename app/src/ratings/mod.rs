//! Đánh giá mức độ hài lòng: after the result is returned, the applicant
//! rates the dossier once — overall, and on timeliness, the officials'
//! attitude and the clarity of guidance — with an optional comment. The
//! back office sees its agency's ratings; statistics aggregate them.

pub mod rating_form;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The questions, by the form field that answers each.
pub const QUESTIONS: [Question; 4] = [
    Question::Overall,
    Question::Timeliness,
    Question::Attitude,
    Question::Guidance,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    Overall,
    Timeliness,
    Attitude,
    Guidance,
}

impl Question {
    pub fn field(self) -> &'static str {
        match self {
            Question::Overall => "overall",
            Question::Timeliness => "timeliness",
            Question::Attitude => "attitude",
            Question::Guidance => "guidance",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Question::Overall, Lang::Vi) => "Mức độ hài lòng chung",
            (Question::Timeliness, Lang::Vi) => "Thời gian giải quyết",
            (Question::Attitude, Lang::Vi) => "Thái độ của cán bộ",
            (Question::Guidance, Lang::Vi) => "Hướng dẫn có rõ ràng, dễ hiểu không",
            (Question::Overall, Lang::En) => "Overall satisfaction",
            (Question::Timeliness, Lang::En) => "How long it took",
            (Question::Attitude, Lang::En) => "The officials' attitude",
            (Question::Guidance, Lang::En) => "How clear the guidance was",
        }
    }
}

/// A level from 5 (rất hài lòng) down to 1 (rất không hài lòng).
pub fn level_label(level: i16, lang: Lang) -> &'static str {
    match (level, lang) {
        (5, Lang::Vi) => "Rất hài lòng",
        (4, Lang::Vi) => "Hài lòng",
        (3, Lang::Vi) => "Bình thường",
        (2, Lang::Vi) => "Không hài lòng",
        (_, Lang::Vi) => "Rất không hài lòng",
        (5, Lang::En) => "Very satisfied",
        (4, Lang::En) => "Satisfied",
        (3, Lang::En) => "Neither",
        (2, Lang::En) => "Dissatisfied",
        (_, Lang::En) => "Very dissatisfied",
    }
}

/// A level as posted, or `None` for anything but 1–5.
pub fn parse_level(text: &str) -> Option<i16> {
    text.trim()
        .parse()
        .ok()
        .filter(|level| (1..=5).contains(level))
}

/// A dossier's rating as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// Each question with its level.
    pub answers: Vec<(Question, i16)>,
    pub comment: Option<String>,
    /// `dd/mm/yyyy`.
    pub on: String,
}

#[cfg(feature = "ssr")]
pub async fn rating_of(
    pool: &sqlx::PgPool,
    dossier_id: i64,
) -> crate::error::AppResult<Option<Rating>> {
    let row = sqlx::query!(
        r#"SELECT overall, timeliness, attitude, guidance, comment,
                  to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY') AS "on!"
           FROM dossier_ratings WHERE dossier_id = $1"#,
        dossier_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| Rating {
        answers: vec![
            (Question::Overall, row.overall),
            (Question::Timeliness, row.timeliness),
            (Question::Attitude, row.attitude),
            (Question::Guidance, row.guidance),
        ],
        comment: row.comment,
        on: row.on,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_five_levels_are_read() {
        assert_eq!(parse_level("5"), Some(5));
        assert_eq!(parse_level(" 1 "), Some(1));
        assert_eq!(parse_level("0"), None);
        assert_eq!(parse_level("6"), None);
        assert_eq!(parse_level("rất"), None);
        assert_eq!(level_label(5, Lang::Vi), "Rất hài lòng");
        assert_eq!(level_label(1, Lang::Vi), "Rất không hài lòng");
    }
}
