//! The integration tests: the real router over a real PostgreSQL, one
//! module per capability. They form one test binary, not one per file:
//! each binary links the whole portal, and thirty of them filled the
//! disk of a CI machine and spent most of the run linking.

mod support;

mod agencies_admin;
mod appointments;
mod attempt_limits;
mod authorisation;
mod authorisation_matrix;
mod back_office;
mod back_office_access;
mod back_office_documents;
mod back_office_journey;
mod catalogue_api;
mod catalogue_exchange;
mod catalogue_pages;
mod catalogue_search;
mod citizen_dossier;
mod citizen_lists;
mod concurrent_routers;
mod control_slips;
mod counter_filing;
mod daily_digest;
mod demo_accounts;
mod dossier_codes;
mod dossier_register;
mod eform_fields;
mod filing;
mod filing_check;
mod form_templates;
mod generated_catalogue;
mod generated_year;
mod health;
mod inbox_filters;
mod mail_delivery;
mod notice_slips;
mod operations;
mod operations_view;
mod page_cache;
mod password_reset;
mod payments;
mod procedure_content;
mod procedure_creation;
mod procedure_versions;
mod profile;
mod ratings;
mod receipt_slips;
mod refusal_audit;
mod refused_writes;
mod registration;
mod request_limits;
mod request_safety;
mod s3_files;
mod sign_in;
mod standard_filing;
mod static_files;
mod statistics;
mod statistics_exports;
mod statistics_generated;
mod statistics_index;
mod typed_values;
mod uploads;
mod virus_scan;
mod vnpay;
mod working_calendar;
