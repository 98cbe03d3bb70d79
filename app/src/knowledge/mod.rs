//! Hỏi đáp, the knowledge base (issue 20): question-and-answer articles
//! that editors write and a second person publishes (every change kept),
//! read by citizens on `/hoi-dap` and by the assistant. Internal guidance
//! (`Audience::Officials`) is shown to officials only.
//!
//! Changes go through `server/src/knowledge/store.rs`; this module holds
//! the article's rules, the pages and their loads.

#[cfg(feature = "ssr")]
pub mod admin_store;
pub mod article;
#[cfg(feature = "ssr")]
pub mod markdown;
pub mod pages;
pub mod questions;
pub mod server_fns;
#[cfg(feature = "ssr")]
pub mod store;

pub use article::{ArticleContent, ArticleRefusal, ArticleStatus, Audience};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A code and a name to choose from (agencies, sectors).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub code: String,
    pub name: String,
}

/// One published article in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    pub code: String,
    pub question: String,
    pub sector: Option<String>,
    pub audience: Audience,
    pub updated_on: NaiveDate,
}

/// `/hoi-dap`: the published articles (searched with `?q=`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    pub query: Option<String>,
    pub sector: Option<String>,
    pub sectors: Vec<Choice>,
    pub items: Vec<ArticleSummary>,
}

/// `/hoi-dap/{code}`: one published article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleView {
    pub code: String,
    pub question: String,
    /// Rendered on the server from the markdown (`markdown::to_html`).
    pub answer_html: String,
    /// The owning agency; `None`: the province.
    pub agency: String,
    pub sector: Option<String>,
    /// The procedures it concerns, in force: (code, name).
    pub procedures: Vec<Choice>,
    pub legal_references: Vec<String>,
    pub audience: Audience,
    pub updated_on: NaiveDate,
    pub valid_until: Option<NaiveDate>,
    /// "Valid until" has passed: the page warns the answer may be out of date.
    pub expired: bool,
}

/// One article in the editors' list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleRow {
    pub code: String,
    pub question: String,
    pub status: ArticleStatus,
    pub has_draft: bool,
    pub audience: Audience,
    pub agency: Option<String>,
    pub changed_at: DateTime<Utc>,
}

/// A question the assistant could not answer, or whose reply did not help:
/// what an editor writes the next article from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssistantGap {
    /// As kept: personal data scrubbed.
    pub question: String,
    pub asked_at: DateTime<Utc>,
    /// `false`: answered, but the asker said it did not help.
    pub unanswered: bool,
}

/// `/quan-tri/hoi-dap`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticlesAdmin {
    pub rows: Vec<ArticleRow>,
    /// The latest questions the assistant could not answer or did not help with.
    pub gaps: Vec<AssistantGap>,
    /// The agencies the editor writes for (the province first, code "").
    pub agencies: Vec<Choice>,
}

/// How an article changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::Type))]
#[cfg_attr(feature = "ssr", sqlx(type_name = "text", rename_all = "snake_case"))]
pub enum ChangeKind {
    Created,
    Saved,
    ReviewRequested,
    Published,
    Returned,
    Archived,
    Restored,
}

/// One entry of an article's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryRow {
    pub kind: ChangeKind,
    pub by: Option<String>,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

/// `/quan-tri/hoi-dap/{code}`: the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleEditor {
    pub code: String,
    pub status: ArticleStatus,
    pub has_draft: bool,
    /// The draft, or without one the published content.
    pub content: ArticleContent,
    /// The content rendered, as citizens will see it.
    pub preview_html: String,
    /// The draft's last author is the one looking: they may not publish it.
    pub own_draft: bool,
    pub review_requested_by: Option<String>,
    pub published_version: Option<i32>,
    pub published_on: Option<NaiveDate>,
    pub history: Vec<HistoryRow>,
    pub agencies: Vec<Choice>,
    pub sectors: Vec<Choice>,
}
