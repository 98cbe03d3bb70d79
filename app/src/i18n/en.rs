use super::Texts;

pub const TEXTS: Texts = Texts {
    language_name: "English",
    site_name: "Một Cửa Public Service Portal",
    site_tagline: "The province's administrative procedures online",
    skip_to_content: "Skip to main content",
    nav_home: "Home",
    nav_catalogue: "Procedures",
    main_navigation: "Main navigation",
    switch_language: "Choose language",
    footer_note: "Một Cửa — open-source software for public service portals and one-stop shops.",

    home_title: "Find and file administrative procedures",
    home_lead: "Find a procedure, see the documents, fees and processing time, and file online.",
    search_label: "Search procedures",
    search_placeholder: "For example: birth registration",
    search_button: "Search",
    popular_procedures: "Popular procedures",
    browse_all: "See all procedures",
    by_sector: "By sector",

    catalogue_title: "Administrative procedure catalogue",
    catalogue_description:
        "Search administrative procedures by name, code, sector, agency and online service level.",
    filter_heading: "Filter results",
    filter_sector: "Sector",
    filter_agency: "Implementing agency",
    filter_level: "Online service level",
    filter_any: "All",
    apply_filters: "Apply",
    clear_filters: "Clear filters",
    results_count: |n| {
        if n == 1 {
            "1 procedure".to_string()
        } else {
            format!("{n} procedures")
        }
    },
    results_for: |q| format!("Search results for “{q}”"),
    no_results: "No matching procedure was found.",
    no_results_hint: "Try a shorter search, fewer filters, or the procedure code.",
    pagination: "Pagination",
    previous_page: "Previous page",
    next_page: "Next page",
    page_of: |page, pages| format!("Page {page} of {pages}"),

    level_full: "Fully online",
    level_partial: "Partly online",
    level_full_hint: "Submit, pay and receive the result entirely online.",
    level_partial_hint: "Submit online; some steps happen in person.",
    agency_level_province: "Province level",
    agency_level_commune: "Commune level",
    working_days: |n| {
        if n == 1 {
            "1 working day".to_string()
        } else {
            format!("{n} working days")
        }
    },
    working_hours: |n| {
        if n == 1 {
            "1 working hour".to_string()
        } else {
            format!("{n} working hours")
        }
    },
    same_day: "Within the working day",

    procedure_code: "Procedure code",
    sector: "Sector",
    implementing_agency: "Implementing agency",
    online_level: "Online service level",
    not_filed_online: "This procedure is not filed online: file it in one of the ways listed below.",
    processing_time: "Processing time",
    cutoff_rule: |time| format!("Dossiers received after {time} count from the next working day."),
    applicants: "Who can apply",
    representation: "Filing for someone else",
    representation_allowed: "The applicant may authorise another person to file for them; that person adds the authorisation document to the dossier.",
    representation_barred: "This procedure cannot be delegated: the applicant must file in person.",
    steps: "Steps",
    documents: "Required documents",
    document_name: "Document",
    originals: "Originals",
    copies: "Copies",
    required: "Required",
    mandatory: "Required",
    optional: "Optional",
    fees: "Fees and charges",
    fee_kind_fee: "Fee",
    fee_kind_charge: "Charge",
    fee_amount: "Amount",
    fee_free: "Free",
    no_fees: "No fees or charges.",
    result_type: "Result",
    requirements: "Requirements and conditions",
    legal_basis: "Legal basis",
    templates: "Forms and templates",
    no_templates: "This procedure has no form of its own.",
    download_template: "Download the blank form",
    where_to_file: "Where to file",
    file_online: "File online",
    file_online_hint: "You need to sign in to file a dossier and follow it.",
    due_if_filed_today: |date| format!("File today and the result is expected on {date}."),
    version_effective: |version, date| format!("Version {version}, effective from {date}"),
    back_to_catalogue: "Back to the catalogue",

    not_found_title: "Page not found",
    not_found_body: "The page you are looking for does not exist or has moved.",
    procedure_not_found: "No administrative procedure has this code.",
    error_title: "Something went wrong",
    error_unavailable: "The service is temporarily unavailable. Please try again in a few minutes.",
    error_internal: "The system hit an error handling this request. It has been recorded; please try again later.",
    error_bad_request: "The request is not valid. Please check what you entered.",
    loading: "Loading…",
    error_sign_in_required: "Please sign in to see this page.",
    error_forbidden: "You are not allowed to see this page or do this.",
    accounts: super::accounts::EN,
    forms: super::admin::EN,
    filing: super::filing::EN,
    filing_check: super::filing_check::EN,
    eforms: super::eforms::EN,
    back_office: super::back_office::EN,
    office_work: super::office_work::EN,
    counter: super::counter::EN,
    payments: super::payments::EN,
    ratings: super::ratings::EN,
    citizen: super::citizen::EN,
    about: super::about::EN,
    statistics: super::statistics::EN,
    service_index: super::service_index::EN,
    api_tokens: super::api_tokens::EN,
    calendar: super::calendar_admin::EN,
    procedures_admin: super::procedures_admin::EN,
    agencies_admin: super::agencies_admin::EN,
    forms_admin: super::forms_admin::EN,
    form_rules: super::form_rules::EN,
    sectors_admin: super::sectors_admin::EN,
    search_words: super::search_words_admin::EN,
    knowledge: super::knowledge::EN,
    assistant: super::assistant::EN,
    questions: super::questions::EN,
    settings_admin: super::settings_admin::EN,
};
