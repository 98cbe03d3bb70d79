//! Officials' second factor on the server: the sign-in's code step, setting
//! up and checking the app or passkeys on the account's page, and the code
//! or passkey sensitive actions ask for again. The rules and the store are in
//! `app::accounts::second_factor`.

mod attempt;
pub mod passkeys;
pub mod proof;
pub mod setup;
pub mod sign_in_code;
pub mod step_up;

pub use app::accounts::second_factor::store;
