use super::PaymentView;
use crate::error::AppError;
use leptos::prelude::*;

/// One payment, for the person who pays it (or an official in scope).
#[server(endpoint = "payments/view")]
pub async fn load_payment(reference: String) -> Result<PaymentView, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    super::store::payment(&crate::database::pool()?, &user, reference.trim())
        .await?
        .ok_or(AppError::NotFound)
}
