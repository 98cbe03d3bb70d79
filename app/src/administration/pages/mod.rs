mod api_tokens_page;
mod calendar_page;
mod official_form;
mod official_page;
mod officials_page;
mod procedure_admin_page;
mod procedure_draft_form;
mod procedures_page;

pub use api_tokens_page::ApiTokensPage;
pub use calendar_page::{CalendarPage, ADD_DAY_FORM, CONFIRM_YEAR_FORM};
pub use official_page::OfficialPage;
pub use officials_page::OfficialsPage;
pub use procedure_admin_page::{ProcedureAdminPage, PUBLISH_FORM, SUSPEND_FORM};
pub use procedure_draft_form::DRAFT_FORM;
pub use procedures_page::ProceduresAdminPage;
