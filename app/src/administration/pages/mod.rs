mod api_tokens_page;
mod calendar_page;
mod official_form;
mod official_page;
mod officials_page;

pub use api_tokens_page::ApiTokensPage;
pub use calendar_page::{CalendarPage, ADD_DAY_FORM, CONFIRM_YEAR_FORM};
pub use official_page::OfficialPage;
pub use officials_page::OfficialsPage;
