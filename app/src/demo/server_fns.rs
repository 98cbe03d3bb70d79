use super::CaughtMessage;
use crate::error::AppError;
use leptos::prelude::*;

/// Whether the server runs in demo mode (provided by the server per request).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DemoMode(pub bool);

/// The newest messages the demo SMTP catcher received. Outside demo mode the
/// catcher does not run and this answers "not found".
#[server(endpoint = "demo/mailbox")]
pub async fn load_caught_mail() -> Result<Vec<CaughtMessage>, AppError> {
    match use_context::<DemoMode>() {
        Some(DemoMode(true)) => super::store::newest_caught_mail(&crate::database::pool()?).await,
        _ => Err(AppError::NotFound),
    }
}
