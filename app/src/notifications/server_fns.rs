use super::Notification;
use crate::error::AppError;
use leptos::prelude::*;

/// The signed-in user's notifications, newest first (now read).
#[server(endpoint = "notifications/list")]
pub async fn load_notifications() -> Result<Vec<Notification>, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    super::store::open_list(&crate::database::pool()?, user.id).await
}
