//! Every word the interface shows goes through here: Vietnamese first, English
//! second. Each language is one `Texts` value, so a missing translation is a
//! compile error rather than a blank on screen.

mod about;
mod accounts;
mod admin;
mod agencies_admin;
mod api_tokens;
mod assistant;
mod back_office;
mod calendar_admin;
mod citizen;
mod corrections;
mod counter;
mod current;
mod eforms;
mod en;
mod field_reports;
mod filing;
mod filing_check;
mod form_rules;
mod forms_admin;
mod knowledge;
mod map_picker;
mod national_identity;
mod office_work;
mod payments;
mod personal_data;
mod privacy;
mod procedure_content;
mod procedures_admin;
mod questions;
mod ratings;
mod report_categories;
mod report_operations;
mod search_words_admin;
mod second_factor;
mod sectors_admin;
mod service_index;
mod sessions;
mod settings_admin;
mod statistics;
mod vi;

pub use about::AboutTexts;
pub use accounts::AccountTexts;
pub use admin::AdminTexts;
pub use agencies_admin::AgencyAdminTexts;
pub use api_tokens::ApiTokenTexts;
pub use assistant::AssistantTexts;
pub use back_office::BackOfficeTexts;
pub use calendar_admin::CalendarTexts;
pub use citizen::CitizenTexts;
pub use corrections::CorrectionTexts;
pub use counter::CounterTexts;
pub use eforms::EformTexts;
pub use field_reports::FieldReportTexts;
pub use filing::FilingTexts;
pub use filing_check::FilingCheckTexts;
pub use form_rules::FormRulesTexts;
pub use forms_admin::FormsAdminTexts;
pub use knowledge::KnowledgeTexts;
pub use map_picker::MapPickerTexts;
pub use national_identity::NationalIdentityTexts;
pub use office_work::OfficeWorkTexts;
pub use payments::PaymentTexts;
pub use personal_data::PersonalDataTexts;
pub use privacy::PrivacyTexts;
pub use procedure_content::ProcedureContentTexts;
pub use procedures_admin::ProcedureAdminTexts;
pub use questions::QuestionTexts;
pub use ratings::RatingTexts;
pub use report_categories::ReportCategoryTexts;
pub use report_operations::ReportOperationsTexts;
pub use search_words_admin::SearchWordsTexts;
pub use second_factor::SecondFactorTexts;
pub use sectors_admin::SectorAdminTexts;
pub use service_index::ServiceIndexTexts;
pub use sessions::SessionsTexts;
pub use settings_admin::SettingsAdminTexts;
pub use statistics::StatisticsTexts;

pub use current::{current_lang, use_lang, use_texts, LANG_COOKIE};
#[cfg(feature = "ssr")]
pub use current::{lang_from_headers, lang_from_request};

use serde::{Deserialize, Serialize};

/// The interface language (ngôn ngữ giao diện).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code used in `<html lang>`, the `lang` query parameter and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a URL query string asks for with `lang=vi|en`, if any.
    pub fn from_query(query: &str) -> Option<Lang> {
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .find(|(key, _)| key == "lang")
            .and_then(|(_, value)| Lang::parse(&value))
    }

    /// A name the data gives in Vietnamese and maybe in English: the
    /// English one on English pages when there is one.
    pub fn name(self, vietnamese: String, english: Option<String>) -> String {
        match (self, english) {
            (Lang::En, Some(english)) if !english.trim().is_empty() => english,
            _ => vietnamese,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &vi::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

/// All interface strings of one language.
pub struct Texts {
    pub language_name: &'static str,
    pub site_name: &'static str,
    pub site_tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_home: &'static str,
    pub nav_catalogue: &'static str,
    pub main_navigation: &'static str,
    pub switch_language: &'static str,
    pub footer_note: &'static str,

    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub popular_procedures: &'static str,
    pub browse_all: &'static str,
    pub by_sector: &'static str,

    pub catalogue_title: &'static str,
    pub catalogue_description: &'static str,
    pub filter_heading: &'static str,
    pub filter_sector: &'static str,
    pub filter_agency: &'static str,
    pub filter_level: &'static str,
    pub filter_any: &'static str,
    pub apply_filters: &'static str,
    pub clear_filters: &'static str,
    pub results_count: fn(i64) -> String,
    pub results_for: fn(&str) -> String,
    pub no_results: &'static str,
    pub no_results_hint: &'static str,
    pub pagination: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page_of: fn(u32, u32) -> String,

    pub level_full: &'static str,
    pub level_partial: &'static str,
    pub level_full_hint: &'static str,
    pub level_partial_hint: &'static str,
    pub agency_level_province: &'static str,
    pub agency_level_commune: &'static str,
    pub working_days: fn(i32) -> String,
    pub working_hours: fn(i32) -> String,
    /// A same-day processing time.
    pub same_day: &'static str,

    pub procedure_code: &'static str,
    pub sector: &'static str,
    pub implementing_agency: &'static str,
    pub online_level: &'static str,
    /// Instead of "file online", for a procedure not filed online.
    pub not_filed_online: &'static str,
    pub processing_time: &'static str,
    pub cutoff_rule: fn(&str) -> String,
    pub applicants: &'static str,
    /// Whether someone else may file for the applicant (ủy quyền).
    pub representation: &'static str,
    pub representation_allowed: &'static str,
    pub representation_barred: &'static str,
    pub steps: &'static str,
    pub documents: &'static str,
    pub document_name: &'static str,
    pub originals: &'static str,
    pub copies: &'static str,
    pub required: &'static str,
    pub mandatory: &'static str,
    pub optional: &'static str,
    pub fees: &'static str,
    pub fee_kind_fee: &'static str,
    pub fee_kind_charge: &'static str,
    pub fee_amount: &'static str,
    pub fee_free: &'static str,
    pub no_fees: &'static str,
    pub result_type: &'static str,
    pub requirements: &'static str,
    pub legal_basis: &'static str,
    pub templates: &'static str,
    pub no_templates: &'static str,
    /// The link to a document's blank form, in its row.
    pub download_template: &'static str,
    pub where_to_file: &'static str,
    pub file_online: &'static str,
    pub file_online_hint: &'static str,
    pub due_if_filed_today: fn(&str) -> String,
    pub version_effective: fn(i32, &str) -> String,
    pub back_to_catalogue: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub procedure_not_found: &'static str,
    pub error_title: &'static str,
    pub error_unavailable: &'static str,
    /// A fault on our side (a bug): logged, never explained to the user.
    pub error_internal: &'static str,
    pub error_bad_request: &'static str,
    pub loading: &'static str,
    pub error_sign_in_required: &'static str,
    pub error_forbidden: &'static str,

    pub accounts: AccountTexts,
    /// Administration, demo pages and form-wide words.
    pub forms: AdminTexts,
    pub filing: FilingTexts,
    /// The filing page's closing steps and the check page before submission.
    pub filing_check: FilingCheckTexts,
    pub eforms: EformTexts,
    pub back_office: BackOfficeTexts,
    pub office_work: OfficeWorkTexts,
    pub counter: CounterTexts,
    pub payments: PaymentTexts,
    pub ratings: RatingTexts,
    pub statistics: StatisticsTexts,
    pub service_index: ServiceIndexTexts,
    pub api_tokens: ApiTokenTexts,
    /// The working calendar's administration page.
    pub calendar: CalendarTexts,
    /// The procedure administration pages (versions, four eyes).
    pub procedures_admin: ProcedureAdminTexts,
    pub agencies_admin: AgencyAdminTexts,
    pub forms_admin: FormsAdminTexts,
    pub form_rules: FormRulesTexts,
    pub sectors_admin: SectorAdminTexts,
    pub search_words: SearchWordsTexts,
    pub knowledge: KnowledgeTexts,
    pub assistant: AssistantTexts,
    pub questions: QuestionTexts,
    /// Phản ánh hiện trường.
    pub field_reports: FieldReportTexts,
    /// Field reports on the operations view.
    pub report_operations: ReportOperationsTexts,
    pub map_picker: MapPickerTexts,
    pub sessions: SessionsTexts,
    pub second_factor: SecondFactorTexts,
    pub national_identity: NationalIdentityTexts,
    pub privacy: PrivacyTexts,
    pub corrections: CorrectionTexts,
    pub personal_data: PersonalDataTexts,
    /// The report categories' administration page.
    pub report_categories: ReportCategoryTexts,
    pub settings_admin: SettingsAdminTexts,
    /// The citizen's own pages beyond filing.
    pub citizen: CitizenTexts,
    /// The footer, help and the accessibility statement.
    pub about: AboutTexts,
}
