use super::model::FilingView;
use crate::error::AppError;
use leptos::prelude::*;

/// The filing page of a procedure for the signed-in citizen; `NotFound` when
/// the procedure has no online form.
#[server(endpoint = "filing/view")]
pub async fn load_filing(code: String) -> Result<FilingView, AppError> {
    use crate::access::{require, Permission};
    let citizen = require(Permission::FileDossier)?;
    super::store::filing_view(&crate::database::pool()?, citizen.id, code.trim())
        .await?
        .ok_or(AppError::NotFound)
}

/// The signed-in citizen's document wallet.
#[server(endpoint = "filing/wallet")]
pub async fn load_wallet() -> Result<Vec<super::AttachedFile>, AppError> {
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    super::store::wallet(&crate::database::pool()?, user.id).await
}

/// The communes of a province, for the address fields (public data).
#[server(endpoint = "filing/communes")]
pub async fn communes_of(province: String) -> Result<Vec<crate::eforms::Place>, AppError> {
    super::store::communes_of(&crate::database::pool()?, province.trim()).await
}
