use super::model::CounterDesk;
use crate::error::AppError;
use leptos::prelude::*;

/// The counter: the walk-in applicant with the CCCD searched for, and the
/// procedures the officer can file. Reception officers only.
#[server(endpoint = "counter/desk")]
pub async fn load_counter_desk(citizen_id: String) -> Result<CounterDesk, AppError> {
    use crate::access::{require, Permission, Role};
    use crate::accounts::identity::CitizenId;
    let officer = require(Permission::FileAtCounter)?;
    let pool = crate::database::pool()?;
    let procedures =
        super::store::procedures_at(&pool, officer.agencies_for(Role::Reception)).await?;
    let searched = citizen_id.trim().to_string();
    if searched.is_empty() {
        return Ok(CounterDesk {
            searched,
            search_error: None,
            applicant: None,
            procedures,
        });
    }
    let lang = crate::i18n::current_lang();
    let (applicant, search_error) = match CitizenId::parse(&searched) {
        Ok(id) => (
            super::store::applicant_by_citizen_id(&pool, id.as_str()).await?,
            None,
        ),
        Err(error) => (None, Some(error.message(lang))),
    };
    Ok(CounterDesk {
        searched,
        search_error,
        applicant,
        procedures,
    })
}
