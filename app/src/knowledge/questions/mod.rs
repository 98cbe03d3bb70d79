//! Questions from people (issue 20 item 2): a signed-in citizen asks on
//! `/hoi-dap/dat-cau-hoi` (the procedure suggested from the text), the
//! question goes to the responsible agency's queue (`/can-bo/cau-hoi`) with
//! a due date in working days, an official answers (mailed and shown in
//! the citizen's account, `/tai-khoan/cau-hoi`) and may propose the answer
//! as an article, which a second person publishes.

pub mod server_fns;

use super::Choice;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The shortest and longest question taken.
pub const QUESTION_LIMITS: (usize, usize) = (10, 2000);
/// The longest answer.
pub const ANSWER_LIMIT: usize = 10_000;

/// `/hoi-dap/dat-cau-hoi`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskAgency {
    /// As the assistant passed it on (`?cau-hoi=`).
    pub question: String,
    /// The procedures in force, the suggested one first.
    pub procedures: Vec<Choice>,
    pub sectors: Vec<Choice>,
    /// The procedure the text suggests, chosen unless the citizen changes it.
    pub suggested: Option<String>,
    /// How many working days the agency has to answer.
    pub answer_days: i32,
}

/// One question in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionRow {
    pub id: i64,
    pub question: String,
    /// The procedure's name, if one was chosen.
    pub procedure: Option<String>,
    pub agency: String,
    pub asked_on: NaiveDate,
    pub due_on: NaiveDate,
    /// Unanswered after its due day.
    pub overdue: bool,
    pub answer: Option<String>,
    pub answered_on: Option<NaiveDate>,
}

/// `/tai-khoan/cau-hoi` and `/can-bo/cau-hoi`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionList {
    pub open: Vec<QuestionRow>,
    pub answered: Vec<QuestionRow>,
}

/// `/can-bo/cau-hoi/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionToAnswer {
    pub row: QuestionRow,
    /// The asker's name: for the official, never for an article.
    pub asker: String,
    /// An article code the proposal may take.
    pub suggested_code: String,
    /// The article proposed from it, if any.
    pub article: Option<String>,
}

/// An article code from a question: its words without diacritics, joined
/// by hyphens, at most 60 characters, cut at a word.
pub fn code_from(question: &str) -> String {
    let key = crate::text::search_key(question);
    let mut code = String::new();
    for word in key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if code.len() + word.len() + 1 > 60 {
            break;
        }
        if !code.is_empty() {
            code.push('-');
        }
        code.push_str(word);
    }
    if code.len() < 3 {
        code = format!("cau-hoi-{code}");
    }
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_gives_a_readable_article_code() {
        assert_eq!(
            code_from("Làm lý lịch tư pháp hết bao nhiêu tiền?"),
            "lam-ly-lich-tu-phap-het-bao-nhieu-tien"
        );
        assert!(crate::knowledge::article::valid_code(&code_from(
            "Đăng ký kết hôn ở đâu?"
        )));
        assert!(code_from(&"rất dài ".repeat(30)).len() <= 60);
    }
}
