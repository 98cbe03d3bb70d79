//! A client of an OpenAI-compatible chat endpoint (`POST
//! {base}/chat/completions`), asked for one answer at temperature 0.

use crate::assistant::endpoint::{Endpoint, EndpointError};
use serde::Deserialize;
use std::time::Duration;

/// A chat endpoint, the model asked for and how long an answer may take.
#[derive(Clone)]
pub struct Chat {
    endpoint: Endpoint,
    timeout: Duration,
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    content: Option<String>,
}

impl Chat {
    /// `base_url` is the API root, e.g. `http://127.0.0.1:8080/v1`.
    pub fn new(base_url: &str, model: &str, key: Option<String>, timeout: Duration) -> Chat {
        Chat {
            endpoint: Endpoint::new(base_url, model, key),
            timeout,
        }
    }

    /// The model's answer to `question` under `instructions`.
    pub async fn complete(
        &self,
        instructions: &str,
        question: &str,
    ) -> Result<String, EndpointError> {
        let body = serde_json::json!({
            "model": self.endpoint.model(),
            "temperature": 0,
            "messages": [
                { "role": "system", "content": instructions },
                { "role": "user", "content": question },
            ],
        });
        let completion: Completion = self
            .endpoint
            .post("chat/completions", body, self.timeout)
            .await?;
        completion
            .choices
            .into_iter()
            .next()
            .and_then(|choice| choice.message.content)
            .filter(|content| !content.trim().is_empty())
            .ok_or_else(|| EndpointError::Malformed("no answer".into()))
    }
}
