//! Trợ lý (`/tro-ly`, issue 20): answers a citizen's question only from
//! what the portal publishes — a published article, a field of a
//! procedure's version in force, or passages of them — and always shows
//! where the answer comes from. Below the confidence threshold it says it
//! found nothing and offers to send the question to the agency; it never
//! guesses. Questions about one's own dossier go to tracking, complaints
//! to their channel. Questions are kept, scrubbed of personal data, with
//! whether the reply helped.

pub mod answer;
#[cfg(feature = "ssr")]
pub mod diacritics;
#[cfg(feature = "ssr")]
pub mod endpoint;
#[cfg(feature = "ssr")]
pub mod fusion;
pub mod intent;
pub mod page;
#[cfg(feature = "ssr")]
pub mod phrasing;
#[cfg(feature = "ssr")]
pub mod retrieval;
pub mod scoring;
pub mod scrub;
#[cfg(feature = "ssr")]
pub mod semantic;
pub mod server_fns;

use crate::catalogue::model::ProcedureDetail;
use intent::Field;
use serde::{Deserialize, Serialize};

/// Where an answer comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    Article,
    Procedure,
}

/// A source, linked from every reply.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub kind: SourceKind,
    pub code: String,
    /// The article's question, or the procedure's name.
    pub title: String,
    /// The procedure's version in force.
    pub version: Option<i32>,
}

impl Source {
    pub fn href(&self) -> String {
        match self.kind {
            SourceKind::Article => crate::paths::article(&self.code),
            SourceKind::Procedure => crate::paths::procedure(&self.code),
        }
    }
}

/// A passage quoted from a source, with the question's words marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub source: Source,
    /// (text, whether it is one of the question's words).
    pub fragments: Vec<(String, bool)>,
}

/// The assistant's reply to one question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// A published article that clearly matches; `alternatives` when
    /// others came close.
    Article {
        source: Source,
        answer_html: String,
        alternatives: Vec<Source>,
    },
    /// One field of a procedure's version in force, whole.
    ProcedureField {
        field: Field,
        procedure: Box<ProcedureDetail>,
    },
    /// The best passages, when no single source answers.
    Passages(Vec<Passage>),
    /// `grounded` phrased by a language model from its sources, numbered
    /// from 1 as the text cites them; shown only once every citation and
    /// number checked out (`phrasing`).
    Phrased {
        text: String,
        sources: Vec<Source>,
        grounded: Box<Reply>,
    },
    /// Nothing clear enough: no guess, a way to ask the agency.
    NoAnswer,
    /// About the asker's own dossier: tracking.
    OwnDossier,
    /// A complaint or denunciation: its proper channel.
    Complaint,
}

impl Reply {
    /// The sources cited, best first (what the evaluation ranks).
    pub fn sources(&self) -> Vec<Source> {
        match self {
            Reply::Article {
                source,
                alternatives,
                ..
            } => std::iter::once(source.clone())
                .chain(alternatives.iter().cloned())
                .collect(),
            Reply::ProcedureField { procedure, .. } => vec![Source {
                kind: SourceKind::Procedure,
                code: procedure.code.clone(),
                title: procedure.name.clone(),
                version: Some(procedure.version),
            }],
            Reply::Passages(passages) => passages.iter().map(|p| p.source.clone()).collect(),
            Reply::Phrased { grounded, .. } => grounded.sources(),
            Reply::NoAnswer | Reply::OwnDossier | Reply::Complaint => Vec::new(),
        }
    }

    /// The kind of reply, as kept with the question.
    pub fn kind(&self) -> &'static str {
        match self {
            Reply::Article { .. } => "article",
            Reply::ProcedureField { .. } => "procedure_field",
            Reply::Passages(_) => "passages",
            Reply::Phrased { .. } => "phrased",
            Reply::NoAnswer => "no_answer",
            Reply::OwnDossier => "own_dossier",
            Reply::Complaint => "complaint",
        }
    }
}

/// One question and its reply, as the conversation shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub id: i64,
    /// As kept: personal data scrubbed.
    pub question: String,
    pub reply: Reply,
    pub helpful: Option<bool>,
}

/// `/tro-ly`: this visitor's conversation, newest last.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    pub exchanges: Vec<Exchange>,
}

/// The visitor's conversation with the assistant: a random key kept in
/// their session, handed to the page by the server's middleware.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationKey(pub String);
