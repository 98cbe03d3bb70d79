mod official_form;
mod official_page;
mod officials_page;

pub use official_page::OfficialPage;
pub use officials_page::OfficialsPage;
