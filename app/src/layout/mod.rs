//! The frame around every page: header, navigation, language switch, footer.

mod account_nav;
mod footer;
mod header;
mod language_switch;
mod not_found;
mod page_error;
mod page_links;

pub use account_nav::{AccountNav, SessionNotice};
pub use footer::SiteFooter;
pub use header::SiteHeader;
pub use language_switch::LanguageSwitch;
pub use not_found::NotFound;
pub use page_error::PageError;
pub use page_links::PageLinks;
