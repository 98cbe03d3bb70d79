use super::model::{DossierDetail, MyDossiers, PublicDossier};
use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    access::{require, Permission},
    database::pool,
};

/// One page of the signed-in user's dossiers, newest first; only those in
/// `status` (its stored name) when given. An unknown state shows them all.
#[server(endpoint = "tracking/mine")]
pub async fn load_my_dossiers(
    status: Option<String>,
    page: Option<i64>,
) -> Result<MyDossiers, AppError> {
    let user = require(Permission::ManageOwnAccount)?;
    let status = status
        .as_deref()
        .and_then(crate::dossiers::DossierStatus::parse);
    super::store::my_dossiers(&pool()?, user.id, status, page.unwrap_or(1)).await
}

/// One of the signed-in user's dossiers; anyone else's is "not found".
#[server(endpoint = "tracking/dossier")]
pub async fn load_my_dossier(code: String) -> Result<DossierDetail, AppError> {
    let user = require(Permission::ManageOwnAccount)?;
    let lang = crate::i18n::current_lang();
    super::store::my_dossier(&pool()?, &user, code.trim(), lang)
        .await?
        .ok_or(AppError::NotFound)
}

/// The answer of the public lookup.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum LookupAnswer {
    Found(PublicDossier),
    NotFound,
    /// Too many wrong PINs for this code or from this address: wait.
    TooManyAttempts,
}

/// The public lookup by code and PIN. Wrong PINs count like failed
/// sign-ins (per dossier code and per address), so PINs cannot be guessed.
#[server(endpoint = "tracking/lookup")]
pub async fn lookup_dossier(code: String, pin: String) -> Result<LookupAnswer, AppError> {
    use crate::access::refusals;
    use crate::access::throttle::{self, Kind, Subject};
    let pool = pool()?;
    let code = crate::dossiers::DossierCode::parse(&code);
    let pin: String = pin.chars().filter(char::is_ascii_digit).collect();
    let Some(code) = code.filter(|_| pin.len() == 6) else {
        return Ok(LookupAnswer::NotFound);
    };
    let ip = crate::access::client_ip();
    let subject = Subject::Dossier(code.as_str());
    let Ok(reservation) = throttle::reserve(&pool, Kind::TrackingPin, subject, ip).await? else {
        return Ok(LookupAnswer::TooManyAttempts);
    };
    let lang = crate::i18n::current_lang();
    match super::store::public_dossier(&pool, code.as_str(), &pin, lang).await? {
        Some(dossier) => {
            reservation.succeeded(&pool).await?;
            Ok(LookupAnswer::Found(dossier))
        }
        None => {
            reservation.keep();
            let object = format!("dossier {} (wrong PIN)", code.as_str());
            refusals::record_for_request(&pool, &object, 404).await?;
            Ok(LookupAnswer::NotFound)
        }
    }
}
