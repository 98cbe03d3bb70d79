//! A fake OpenAI-compatible chat endpoint (issue 20 asks for one: what a
//! real model answers cannot be chosen). It answers every completion with
//! the text the test sets, after the delay it sets, and keeps the last
//! prompt and the number of requests.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Default)]
struct Script {
    answer: Mutex<String>,
    delay: Mutex<Duration>,
    prompt: Mutex<String>,
    requests: AtomicUsize,
}

pub struct FakeChat {
    /// The API root, as `MOTCUA_CHAT_URL` takes it.
    pub url: String,
    script: Arc<Script>,
}

async fn complete(
    State(script): State<Arc<Script>>,
    Json(body): Json<serde_json::Value>,
) -> Json<serde_json::Value> {
    script.requests.fetch_add(1, Ordering::SeqCst);
    *script.prompt.lock().unwrap() = body["messages"][1]["content"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let delay = *script.delay.lock().unwrap();
    tokio::time::sleep(delay).await;
    let answer = script.answer.lock().unwrap().clone();
    Json(serde_json::json!({
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "choices": [{ "index": 0, "message": { "role": "assistant", "content": answer }, "finish_reason": "stop" }],
    }))
}

impl FakeChat {
    pub async fn start() -> FakeChat {
        let script = Arc::new(Script::default());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/v1", listener.local_addr().unwrap());
        let router = Router::new()
            .route("/v1/chat/completions", post(complete))
            .with_state(script.clone());
        tokio::spawn(async move { axum::serve(listener, router).await });
        FakeChat { url, script }
    }

    /// What every completion answers from now on.
    pub fn answers(&self, text: &str) {
        *self.script.answer.lock().unwrap() = text.to_string();
    }

    pub fn waits(&self, delay: Duration) {
        *self.script.delay.lock().unwrap() = delay;
    }

    /// The question and sources of the last completion asked for.
    pub fn last_prompt(&self) -> String {
        self.script.prompt.lock().unwrap().clone()
    }

    pub fn requests(&self) -> usize {
        self.script.requests.load(Ordering::SeqCst)
    }
}
