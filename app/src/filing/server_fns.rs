use super::model::FilingView;
use crate::error::AppError;
use leptos::prelude::*;

/// The filing page of a procedure for the signed-in citizen, or with
/// `applicant`, at the counter for that walk-in applicant (reception
/// officers only); `NotFound` when the procedure has no online form or,
/// at the counter, is not one the officer's agencies implement.
#[server(endpoint = "filing/view")]
pub async fn load_filing(
    code: String,
    applicant: Option<String>,
    page: Option<String>,
) -> Result<FilingView, AppError> {
    use super::store::Filer;
    use crate::access::{require, Permission, Role};
    let pool = crate::database::pool()?;
    let filer = match applicant {
        None => Filer::Citizen {
            id: require(Permission::FileDossier)?.id,
        },
        Some(applicant) => {
            let officer = require(Permission::FileAtCounter)?;
            let applicant = applicant.trim().parse().map_err(|_| AppError::NotFound)?;
            let applicant = crate::counter::store::applicant(&pool, applicant)
                .await?
                .ok_or(AppError::NotFound)?;
            Filer::Counter {
                applicant,
                officer_id: officer.id,
                agencies: officer.agencies_for(Role::Reception).to_vec(),
            }
        }
    };
    let today = crate::clock::current()?.today_in_vietnam();
    super::store::filing_view(&pool, filer, code.trim(), page.as_deref(), today)
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
