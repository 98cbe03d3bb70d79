//! The field reports' pages: the public board and one report, filing,
//! the citizen's own reports, and the officials' queue and handling page.

mod board_page;
mod categories_page;
mod file_report_page;
mod handling_page;
mod map_picker;
mod my_reports_page;
mod operations_section;
mod queue_page;
mod report_page;
mod report_parts;

pub use board_page::BoardPage;
pub use categories_page::{category_form, ReportCategoriesPage, NEW_CATEGORY_FORM};
pub use file_report_page::{FileReportPage, FILE_REPORT_FORM};
pub use handling_page::{ReportHandlingPage, HANDLING_FORM};
pub use my_reports_page::MyReportsPage;
pub use operations_section::ReportOperationsSection;
pub use queue_page::ReportQueuePage;
pub use report_page::{ReportPage, REPORT_ACTION_FORM};

/// A Vietnam-local time as pages write it.
fn when(at: chrono::NaiveDateTime) -> String {
    at.format("%H:%M %d/%m/%Y").to_string()
}
