//! The knowledge base's pages: `/hoi-dap`, one article, and the editors'
//! list and editor under `/quan-tri/hoi-dap`.

mod answer_question_page;
mod article_editor_page;
mod article_page;
mod articles_admin_page;
mod articles_page;
mod ask_agency_page;
mod editor_fields;
mod question_lists;

pub use answer_question_page::{AnswerQuestionPage, ANSWER_FORM};
pub use article_editor_page::{ArticleEditorPage, ARTICLE_EDIT_FORM, ARTICLE_REVIEW_FORM};
pub use article_page::ArticlePage;
pub use articles_admin_page::{ArticlesAdminPage, NEW_ARTICLE_FORM};
pub use articles_page::ArticlesPage;
pub use ask_agency_page::{AskAgencyPage, ASK_AGENCY_FORM};
pub use question_lists::{MyQuestionsPage, QuestionQueuePage};

/// A date as Vietnamese pages write it.
fn day(date: chrono::NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}
