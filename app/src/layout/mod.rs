//! The frame around every page: header, navigation, language switch, footer;
//! and the parts every page is made of: its title, its loader, its tables.

mod account_nav;
mod data_table;
mod footer;
mod header;
mod language_switch;
mod not_found;
mod page_error;
mod page_links;
mod page_loader;
mod page_title;

pub use account_nav::{AccountNav, SessionNotice};
pub use data_table::{Column, DataTable};
pub use footer::{AccessibilityPage, HelpPage, SiteFooter};
pub use header::SiteHeader;
pub use language_switch::LanguageSwitch;
pub use not_found::NotFound;
pub use page_error::PageError;
pub use page_links::PageLinks;
pub use page_loader::PageLoader;
pub use page_title::PageTitle;
