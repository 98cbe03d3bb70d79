//! An OpenAI-compatible HTTP API the assistant may call (embeddings,
//! chat): its root, the model asked for and an optional key. Both clients
//! post JSON through it and read the answer's JSON.

use serde::de::DeserializeOwned;
use std::time::Duration;

#[derive(Debug, thiserror::Error)]
pub enum EndpointError {
    #[error("the endpoint could not be reached in time: {0}")]
    Unreachable(#[from] reqwest::Error),
    #[error("the endpoint answered {0}")]
    Refused(reqwest::StatusCode),
    #[error("the endpoint's answer was not understood: {0}")]
    Malformed(String),
}

/// An API root and the model asked for.
#[derive(Clone)]
pub struct Endpoint {
    client: reqwest::Client,
    root: String,
    model: String,
    key: Option<String>,
}

impl Endpoint {
    /// `root` is the API root, e.g. `http://127.0.0.1:8000/v1`.
    pub fn new(root: &str, model: &str, key: Option<String>) -> Endpoint {
        Endpoint {
            client: reqwest::Client::new(),
            root: root.trim_end_matches('/').to_string(),
            model: model.to_string(),
            key,
        }
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    /// Posts `body` to `{root}/{path}` and reads the answer as `T`.
    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: serde_json::Value,
        timeout: Duration,
    ) -> Result<T, EndpointError> {
        let mut request = self
            .client
            .post(format!("{}/{path}", self.root))
            .timeout(timeout)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_string());
        if let Some(key) = &self.key {
            request = request.bearer_auth(key);
        }
        let response = request.send().await?;
        if !response.status().is_success() {
            return Err(EndpointError::Refused(response.status()));
        }
        let bytes = response.bytes().await?;
        serde_json::from_slice(&bytes).map_err(|error| EndpointError::Malformed(error.to_string()))
    }
}
