//! A client of an OpenAI-compatible chat endpoint (`POST
//! {base}/chat/completions`), asked for one answer at temperature 0.

use serde::Deserialize;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("the chat endpoint could not be reached in time: {0}")]
    Unreachable(#[from] reqwest::Error),
    #[error("the chat endpoint answered {0}")]
    Refused(reqwest::StatusCode),
    #[error("the chat endpoint's answer was not understood: {0}")]
    Malformed(String),
}

/// A chat endpoint, the model asked for and how long an answer may take.
#[derive(Clone)]
pub struct Chat {
    client: reqwest::Client,
    url: String,
    model: String,
    key: Option<String>,
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
            client: reqwest::Client::new(),
            url: format!("{}/chat/completions", base_url.trim_end_matches('/')),
            model: model.to_string(),
            key,
            timeout,
        }
    }

    /// The model's answer to `question` under `instructions`.
    pub async fn complete(&self, instructions: &str, question: &str) -> Result<String, ChatError> {
        let body = serde_json::json!({
            "model": self.model,
            "temperature": 0,
            "messages": [
                { "role": "system", "content": instructions },
                { "role": "user", "content": question },
            ],
        });
        let mut request = self
            .client
            .post(&self.url)
            .timeout(self.timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
        if let Some(key) = &self.key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await?;
        if !response.status().is_success() {
            return Err(ChatError::Refused(response.status()));
        }
        let bytes = response.bytes().await?;
        let completion: Completion = serde_json::from_slice(&bytes)
            .map_err(|error| ChatError::Malformed(error.to_string()))?;
        completion
            .choices
            .into_iter()
            .next()
            .and_then(|choice| choice.message.content)
            .filter(|content| !content.trim().is_empty())
            .ok_or_else(|| ChatError::Malformed("no answer".into()))
    }
}
