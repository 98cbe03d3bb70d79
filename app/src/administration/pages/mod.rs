mod agencies_page;
mod agency_merger_form;
mod agency_page;
mod agency_scheduled_changes;
mod api_tokens_page;
mod calendar_page;
mod catalogue_import_page;
mod choice_select;
pub(crate) use choice_select::ChoiceSelect;
mod corrections_page;
mod form_builder_history;
mod form_builder_page;
mod form_preview_page;
mod form_rules_editor;
mod forms_page;
mod identity_providers_page;
mod new_procedure_page;
mod official_form;
mod official_page;
mod officials_page;
mod procedure_admin_page;
mod procedure_compare_page;
mod procedure_draft_form;
mod procedure_fee_rows;
mod procedure_placement_fields;
mod procedure_workflow_rows;
mod procedures_page;
mod search_words_page;
mod sectors_page;
mod settings_page;

pub use agencies_page::AgenciesPage;
pub use agency_merger_form::MERGER_FORM;
pub use agency_page::{AgencyPage, AGENCY_FORM};
pub use api_tokens_page::ApiTokensPage;
pub use calendar_page::{CalendarPage, ADD_DAY_FORM, CONFIRM_YEAR_FORM};
pub use catalogue_import_page::{CatalogueImportPage, PUBLISH_IMPORT_FORM};
pub use corrections_page::{answer_form, CorrectionsPage};
pub use form_builder_page::{
    FormBuilderPage, ADDABLE_KINDS, FORM_DRAFT_FORM, FORM_OUTLINE_FORM, FORM_PUBLISH_FORM,
};
pub use form_preview_page::{FormPreviewPage, FORM_TRY_FORM, KEPT_PREFIX};
pub use form_rules_editor::FORM_RULES_FORM;
pub use forms_page::{FormsAdminPage, NEW_FORM_FORM};
pub use identity_providers_page::{provider_form, IdentityProvidersPage, NEW_PROVIDER_FORM};
pub use new_procedure_page::{NewProcedurePage, NEW_PROCEDURE_FORM};
pub use official_page::OfficialPage;
pub use officials_page::OfficialsPage;
pub use procedure_admin_page::{ProcedureAdminPage, PUBLISH_FORM, SUSPEND_FORM};
pub use procedure_compare_page::ProcedureComparePage;
pub use procedure_draft_form::DRAFT_FORM;
pub use procedures_page::ProceduresAdminPage;
pub use search_words_page::{SearchWordsPage, NEW_FILLER_FORM, NEW_SYNONYM_FORM};
pub use sectors_page::{sector_form, SectorsPage, NEW_SECTOR_FORM};
pub use settings_page::{
    SettingsPage, ASSISTANT_SETTINGS_FORM, REPORT_SETTINGS_FORM, RETENTION_SETTINGS_FORM,
    SETTINGS_FORM,
};
