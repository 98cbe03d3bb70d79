//! One-time feedback carried across a post/redirect/get in the session: the
//! refused form (values and messages) or a notice. The next HTML page view
//! takes it out, so a reload shows a clean page.

use app::forms::{FormFeedback, Notice, NoticeTone, PageFeedback};
use tower_sessions::Session;

const FEEDBACK_KEY: &str = "feedback";

pub async fn take(session: &Session) -> PageFeedback {
    // Removing marks the session changed, and a changed session is written
    // back at the end of the request: look first, so that the pages a
    // signed-in visitor opens without a notice waiting write nothing
    // (bench/README.md, "Filing throughput").
    match session.get::<PageFeedback>(FEEDBACK_KEY).await {
        Ok(Some(feedback)) => {
            let _ = session.remove_value(FEEDBACK_KEY).await;
            feedback
        }
        _ => PageFeedback::default(),
    }
}

async fn put(session: &Session, feedback: PageFeedback) {
    if let Err(error) = session.insert(FEEDBACK_KEY, feedback).await {
        tracing::warn!(%error, "could not keep form feedback in the session");
    }
}

/// Keeps the refused form `kept` with a message for each `(field,
/// refusal)`, when there are any; whether there were (the handler then
/// sends the form back).
pub async fn refusals<R: Copy>(
    session: &Session,
    mut kept: FormFeedback,
    refusals: &[(&'static str, R)],
    message: impl Fn(R) -> String,
) -> bool {
    if refusals.is_empty() {
        return false;
    }
    for (field, refusal) in refusals {
        kept.error(field, message(*refusal));
    }
    form(session, kept).await;
    true
}

pub async fn form(session: &Session, form: FormFeedback) {
    put(
        session,
        PageFeedback {
            form: Some(form),
            notice: None,
        },
    )
    .await;
}

/// A notice and a form's values together (what was just made, shown
/// once under the notice that says so).
pub async fn notice_with_form(
    session: &Session,
    tone: NoticeTone,
    text: impl Into<String>,
    form: FormFeedback,
) {
    let notice = Notice {
        tone,
        text: text.into(),
    };
    put(
        session,
        PageFeedback {
            form: Some(form),
            notice: Some(notice),
        },
    )
    .await;
}

pub async fn notice(session: &Session, tone: NoticeTone, text: impl Into<String>) {
    let notice = Notice {
        tone,
        text: text.into(),
    };
    put(
        session,
        PageFeedback {
            form: None,
            notice: Some(notice),
        },
    )
    .await;
}
