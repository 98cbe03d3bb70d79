//! Optional semantic retrieval (issue 20, item 6). When the operator names
//! an OpenAI-compatible embeddings endpoint (`MOTCUA_EMBEDDINGS_URL`), every
//! source text is embedded once by a background job (`refresh`), and a
//! question's nearest sources are fused with the lexical ranking
//! (`retrieval::rank`, `fusion`). The lexical score still decides whether
//! the assistant answers at all: the embeddings reorder what the words
//! support, they never make it answer what nothing in the words supports
//! (near-identical questions with different answers are where confident
//! assistants fail).
//!
//! Without the endpoint, or when it does not answer in time, the
//! assistant is exactly the lexical one.

mod client;
mod job;
mod nearest;

pub use client::{Embeddings, Purpose};
pub use job::refresh;
pub use nearest::{nearest, restore_diacritics, Neighbour};

/// The embeddings endpoint the pages and plain posts use, provided to
/// Leptos as context (`None`: lexical retrieval only).
#[derive(Clone, Default)]
pub struct SemanticSearch(pub Option<Embeddings>);

impl SemanticSearch {
    /// The endpoint of the current request, if one is configured.
    pub fn from_context() -> Option<Embeddings> {
        leptos::prelude::use_context::<SemanticSearch>().and_then(|search| search.0)
    }
}
