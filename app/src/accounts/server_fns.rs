//! Server functions of the account pages.

use super::model::MyAccount;
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    access::{require, Permission},
    database::pool,
};

/// The signed-in user's own account.
#[server(endpoint = "accounts/mine")]
pub async fn load_my_account() -> Result<MyAccount, AppError> {
    let user = require(Permission::ManageOwnAccount)?;
    super::store::my_account(&pool()?, user.id).await
}
