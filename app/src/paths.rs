//! Every plain (non-Leptos) route, written once.
//!
//! Each entry gives the axum pattern (`DOSSIER_SLIP`, for `.route(…)`) and a
//! builder that fills it (`dossier_slip(code)`, for links, redirects and
//! mail). Both come from the same string literal: the builder formats that
//! literal with its parameters as named arguments, so a placeholder without a
//! parameter (or the reverse) fails to compile. New routes go here.
//!
//! Leptos page routes stay in `app.rs` (`path!` needs literals); the pages
//! that server code links or redirects to are listed here too.

use std::fmt::Display;

/// `route!(CONSTANT, builder(params…) = "pattern")`: one pattern, two uses.
macro_rules! routes {
    ($( $(#[$doc:meta])* $constant:ident, $builder:ident($($param:ident),*) = $pattern:literal; )*) => {
        $(
            $(#[$doc])*
            pub const $constant: &str = $pattern;

            $(#[$doc])*
            pub fn $builder($($param: impl Display),*) -> String {
                format!($pattern $(, $param = $param)*)
            }
        )*

        /// Each builder fed its own placeholder names, next to its pattern.
        #[cfg(test)]
        fn filled_with_placeholders() -> Vec<(&'static str, String)> {
            vec![$(
                ($constant, $builder($(concat!("{", stringify!($param), "}")),*)),
            )*]
        }
    };
}

routes! {
    // Pages.
    /// The home page.
    HOME, home() = "/";
    /// Looking a dossier up by code and PIN.
    LOOKUP, lookup() = "/tra-cuu";
    /// The signed-in user's notifications.
    NOTIFICATIONS, notifications() = "/thong-bao";
    /// The citizen's document wallet.
    WALLET, wallet() = "/tai-khoan/giay-to";
    /// The citizen's payments and receipts, across dossiers.
    MY_PAYMENTS, my_payments() = "/tai-khoan/thanh-toan";
    /// Help for citizens.
    HELP, help() = "/huong-dan";
    /// The accessibility statement.
    ACCESSIBILITY, accessibility() = "/kha-nang-tiep-can";
    /// One procedure of the catalogue.
    PROCEDURE, procedure(code) = "/thu-tuc/{code}";
    /// Coming back from the payment gateway: one payment's state.
    PAYMENT_RETURN, payment_return(reference) = "/thanh-toan/{reference}";
    /// The knowledge base (`?q=` searches) and one article.
    ARTICLES, articles() = "/hoi-dap";
    ARTICLE, article(code) = "/hoi-dap/{code}";
    /// Sending a question to the responsible agency (`?cau-hoi=` fills it
    /// in; POST sends it), and the citizen's own questions.
    ASK_AGENCY, ask_agency() = "/hoi-dap/dat-cau-hoi";
    MY_QUESTIONS, my_questions() = "/tai-khoan/cau-hoi";
    /// The questions an official's agencies must answer, and one of them
    /// (POST answers it).
    QUESTION_QUEUE, question_queue() = "/can-bo/cau-hoi";
    QUESTION, question(id) = "/can-bo/cau-hoi/{id}";
    /// Field reports (phản ánh hiện trường): the public board, filing (GET:
    /// the two-step form; POST: the report with its photos), one report,
    /// and what its reporter and followers do with it.
    REPORTS_BOARD, reports_board() = "/phan-anh";
    FILE_REPORT, file_report() = "/phan-anh/gui";
    REPORT, report(code) = "/phan-anh/{code}";
    REPORT_FOLLOW, report_follow(code) = "/phan-anh/{code}/theo-doi";
    REPORT_RATING, report_rating(code) = "/phan-anh/{code}/danh-gia";
    REPORT_REOPEN, report_reopen(code) = "/phan-anh/{code}/phan-anh-lai";
    /// A report's photo (no metadata), for whoever may see the report.
    REPORT_PHOTO, report_photo(id) = "/phan-anh/anh/{id}";
    MY_REPORTS, my_reports() = "/tai-khoan/phan-anh";
    /// A base map tile for the filing form's map, fetched by the portal
    /// from the province's tile service (`version`: which tile address).
    MAP_TILE, map_tile(version, z, x, y) = "/ban-do/{version}/{z}/{x}/{y}";
    /// The coordinator's and the agencies' queue, one report to handle
    /// (POST: a step, `action` says which), and the answer with photos.
    REPORT_QUEUE, report_queue() = "/can-bo/phan-anh";
    REPORT_HANDLING, report_handling(code) = "/can-bo/phan-anh/{code}";
    REPORT_ANSWER, report_answer(code) = "/can-bo/phan-anh/{code}/ket-qua";
    /// The assistant: a question (POST) and the conversation.
    ASSISTANT, assistant() = "/tro-ly";
    /// "Was this helpful?" on one reply (POST).
    ASSISTANT_FEEDBACK, assistant_feedback() = "/tro-ly/danh-gia";
    /// Statistics: the dossiers behind one cell of the report.
    STATISTICS_DOSSIERS, statistics_dossiers() = "/thong-ke/ho-so";
    /// Statistics: today's work for leaders.
    OPERATIONS, operations() = "/thong-ke/dieu-hanh";
    /// The field reports' figures of the operations view as a workbook.
    REPORT_OPERATIONS_XLSX, report_operations_xlsx() = "/thong-ke/dieu-hanh/phan-anh.xlsx";

    // Citizen pages that server code links or redirects to.
    /// The citizen's account page.
    ACCOUNT, account() = "/tai-khoan";
    /// The citizen's dossier list.
    DOSSIERS, dossiers() = "/ho-so";
    /// One dossier, as its applicant sees it.
    DOSSIER, dossier(code) = "/ho-so/{code}";
    /// The procedure catalogue.
    PROCEDURES, procedures() = "/thu-tuc";

    // Accounts.
    /// Sign in (page and form).
    SIGN_IN, sign_in() = "/dang-nhap";
    /// The second step of signing in for an account with a second factor:
    /// the code from the authenticator app (page and form).
    SIGN_IN_CODE, sign_in_code() = "/dang-nhap/xac-thuc";
    /// Signing in through an identity provider (the national electronic
    /// identity): the form post that sends the browser there, and where
    /// the provider sends it back (the redirect URI it registers).
    IDENTITY_SIGN_IN, identity_sign_in(slug) = "/dang-nhap/dinh-danh/{slug}";
    IDENTITY_CALLBACK, identity_callback(slug) = "/dang-nhap/dinh-danh/{slug}/ve";
    /// Sign out.
    SIGN_OUT, sign_out() = "/dang-xuat";
    /// Registration (page and form).
    REGISTER, register() = "/dang-ky";
    /// Confirming an e-mail address (link target and form).
    CONFIRM_EMAIL, confirm_email() = "/xac-nhan-email";
    /// Sending the confirmation mail again.
    RESEND_CONFIRMATION, resend_confirmation() = "/tai-khoan/gui-lai-xac-nhan";
    /// Asking for a password reset (page and form).
    FORGOT_PASSWORD, forgot_password() = "/quen-mat-khau";
    /// Setting a new password with a reset token (link target and form).
    RESET_PASSWORD, reset_password() = "/dat-lai-mat-khau";
    /// Changing contact details.
    CHANGE_CONTACT, change_contact() = "/tai-khoan/lien-he";
    /// Changing the password.
    CHANGE_PASSWORD, change_password() = "/tai-khoan/mat-khau";
    /// Choosing whether to receive the digest mail.
    DIGEST_PREFERENCE, digest_preference() = "/tai-khoan/thu-tong-hop";
    /// The devices the account is signed in on; ending one of them, or
    /// every one but this.
    MY_SESSIONS, my_sessions() = "/tai-khoan/phien";
    END_SESSION, end_session(id) = "/tai-khoan/phien/{id}/ket-thuc";
    END_OTHER_SESSIONS, end_other_sessions() = "/tai-khoan/phien/ket-thuc-khac";
    /// The person's rights over their data, and everything about them as
    /// one JSON file.
    MY_DATA, my_data() = "/tai-khoan/du-lieu";
    MY_DATA_JSON, my_data_json() = "/tai-khoan/du-lieu.json";
    MY_DATA_PDF, my_data_pdf() = "/tai-khoan/du-lieu.pdf";
    /// Deleting one's drafts, and wallet files nothing uses.
    DELETE_MY_DRAFTS, delete_my_drafts() = "/tai-khoan/du-lieu/xoa-ho-so-nhap";
    DELETE_MY_UNUSED_FILES, delete_my_unused_files() = "/tai-khoan/du-lieu/xoa-giay-to";
    /// Asking for one's data to be corrected.
    CORRECTION_REQUEST, correction_request() = "/tai-khoan/du-lieu/yeu-cau-chinh-sua";
    /// An official's second factor: setting up the authenticator app,
    /// confirming it with a first code, checking it in this session, and
    /// new recovery codes.
    SECOND_FACTOR, second_factor() = "/tai-khoan/xac-thuc-hai-buoc";
    SECOND_FACTOR_BEGIN, second_factor_begin() = "/tai-khoan/xac-thuc-hai-buoc/bat-dau";
    SECOND_FACTOR_CONFIRM, second_factor_confirm() = "/tai-khoan/xac-thuc-hai-buoc/xac-nhan";
    SECOND_FACTOR_CHECK, second_factor_check() = "/tai-khoan/xac-thuc-hai-buoc/kiem-tra";
    /// Passkeys: a challenge for the browser (JSON), adding one (the
    /// browser's answer and its name), removing one.
    PASSKEY_CHALLENGE, passkey_challenge() = "/tai-khoan/khoa-truy-cap/thu-thach";
    PASSKEY_ADD, passkey_add() = "/tai-khoan/xac-thuc-hai-buoc/khoa-truy-cap";
    PASSKEY_REMOVE, passkey_remove(id) = "/tai-khoan/xac-thuc-hai-buoc/khoa-truy-cap/{id}/xoa";
    RECOVERY_CODES, recovery_codes() = "/tai-khoan/xac-thuc-hai-buoc/ma-du-phong";
    /// The privacy notice (Law 91/2025), and agreeing to it.
    PRIVACY_NOTICE, privacy_notice() = "/quyen-rieng-tu";
    PRIVACY_CONSENT, privacy_consent() = "/quyen-rieng-tu/dong-y";
    /// A signed-in citizen links their account to an identity provider.
    IDENTITY_LINK, identity_link(slug) = "/tai-khoan/dinh-danh/{slug}";
    IDENTITY_UNLINK, identity_unlink(slug) = "/tai-khoan/dinh-danh/{slug}/huy-lien-ket";

    // Filing and the citizen's dossier.
    /// Submitting a draft dossier.
    FILE_DOSSIER, file_dossier(code) = "/nop-ho-so/{code}";
    /// The check page before submission (GET), and "Nộp hồ sơ" from it (POST).
    FILING_CHECK, filing_check(code) = "/nop-ho-so/{code}/kiem-tra";
    /// Uploading a document to a draft.
    DRAFT_UPLOAD, draft_upload(code) = "/nop-ho-so/{code}/giay-to";
    /// Attaching a document from the citizen's wallet to a draft.
    DRAFT_FROM_WALLET, draft_from_wallet(code) = "/nop-ho-so/{code}/giay-to/tu-kho";
    /// Withdrawing a dossier.
    WITHDRAW, withdraw(code) = "/ho-so/{code}/rut";
    /// Rating a finished dossier.
    RATE, rate(code) = "/ho-so/{code}/danh-gia";
    /// Answering a request for supplements.
    SUPPLEMENT, supplement(code) = "/ho-so/{code}/bo-sung";
    /// Uploading a supplementary document.
    SUPPLEMENT_UPLOAD, supplement_upload(code) = "/ho-so/{code}/bo-sung/giay-to";
    /// The receipt slip (phiếu tiếp nhận).
    DOSSIER_SLIP, dossier_slip(code) = "/ho-so/{code}/phieu-tiep-nhan.pdf";
    /// The control slip (phiếu kiểm soát).
    CONTROL_SLIP, control_slip(code) = "/ho-so/{code}/phieu-kiem-soat.pdf";
    /// A notice slip for one history entry.
    NOTICE_SLIP, notice_slip(code, entry) = "/ho-so/{code}/phieu/{entry}";
    /// Starting an online payment.
    START_PAYMENT, start_payment(code) = "/ho-so/{code}/thanh-toan";
    /// A payment receipt.
    PAYMENT_RECEIPT, payment_receipt(code, reference) = "/ho-so/{code}/bien-lai/{reference}";

    // Stored files.
    /// Downloading a stored file.
    FILE_DOWNLOAD, file_download(id) = "/tep/{id}";
    /// Viewing a stored file inline.
    FILE_VIEW, file_view(id) = "/tep/{id}/xem";
    /// A required document's blank form (mẫu đơn, tờ khai), public once
    /// its version is published.
    TEMPLATE_FILE, template_file(id) = "/mau-don/{id}";

    // Back office.
    /// The officials' inbox (their work queues).
    INBOX, inbox() = "/can-bo";
    /// One dossier, as officials see it.
    OFFICE_DOSSIER, office_dossier(code) = "/can-bo/ho-so/{code}";
    /// Taking a workflow action on a dossier.
    OFFICE_ACTION, office_action(code) = "/can-bo/ho-so/{code}/thao-tac";
    /// Commenting on a dossier.
    OFFICE_COMMENT, office_comment(code) = "/can-bo/ho-so/{code}/y-kien";
    /// Uploading the result document.
    OFFICE_RESULT_UPLOAD, office_result_upload(code) = "/can-bo/ho-so/{code}/ket-qua";
    /// Recording a fee paid at the counter.
    OFFICE_RECORD_PAYMENT, office_record_payment(code) = "/can-bo/ho-so/{code}/thu-phi";
    /// Recording a refund.
    OFFICE_RECORD_REFUND, office_record_refund(code) = "/can-bo/ho-so/{code}/hoan-phi";
    /// The tracking register (sổ theo dõi) as PDF.
    OFFICE_REGISTER_PDF, office_register_pdf() = "/can-bo/so-theo-doi.pdf";
    /// The reconciliation page.
    RECONCILIATION, reconciliation() = "/can-bo/doi-soat";
    /// Resolving one reconciliation flag.
    RESOLVE_FLAG, resolve_flag(id) = "/can-bo/doi-soat/{id}";

    // Counter (walk-in filing).
    /// The counter page.
    COUNTER, counter() = "/can-bo/tiep-nhan";
    /// Recording a walk-in citizen.
    COUNTER_WALK_IN, counter_walk_in() = "/can-bo/tiep-nhan/cong-dan";
    /// Starting a filing for a walk-in citizen.
    COUNTER_START_FILING, counter_start_filing() = "/can-bo/tiep-nhan/nop";
    /// Submitting a walk-in's draft.
    COUNTER_FILE, counter_file(applicant, code) = "/can-bo/tiep-nhan/{applicant}/{code}";
    /// Uploading a document to a walk-in's draft.
    COUNTER_UPLOAD, counter_upload(applicant, code) = "/can-bo/tiep-nhan/{applicant}/{code}/giay-to";

    // Administration.
    /// The officials list; creating an official.
    OFFICIALS, officials() = "/quan-tri/nguoi-dung";
    /// One official; updating them.
    OFFICIAL, official(id) = "/quan-tri/nguoi-dung/{id}";
    /// Disabling an official.
    DISABLE_OFFICIAL, disable_official(id) = "/quan-tri/nguoi-dung/{id}/khoa";
    /// Enabling an official again.
    ENABLE_OFFICIAL, enable_official(id) = "/quan-tri/nguoi-dung/{id}/mo-khoa";
    /// Ending every session of an official, wherever they are signed in.
    END_OFFICIAL_SESSIONS, end_official_sessions(id) = "/quan-tri/nguoi-dung/{id}/ket-thuc-phien";
    /// Removes an official's second factor (a lost phone): they set up a
    /// new one at their next sign-in.
    RESET_OFFICIAL_FACTOR, reset_official_factor(id) = "/quan-tri/nguoi-dung/{id}/dat-lai-xac-thuc";
    /// API tokens page; issuing one.
    API_TOKENS, api_tokens() = "/quan-tri/ma-api";
    /// Revoking an API token.
    REVOKE_API_TOKEN, revoke_api_token(id) = "/quan-tri/ma-api/{id}/thu-hoi";
    /// The working calendar page (`?nam=` for a year); adding a day.
    CALENDAR, calendar() = "/quan-tri/lich-lam-viec";
    /// One year of the working calendar.
    CALENDAR_YEAR, calendar_year(year) = "/quan-tri/lich-lam-viec?nam={year}";
    /// Taking a day (`yyyy-mm-dd`) out of the working calendar.
    REMOVE_CALENDAR_DAY, remove_calendar_day(day) = "/quan-tri/lich-lam-viec/ngay/{day}/xoa";
    /// Confirming a year's calendar against the government's announcement.
    CONFIRM_CALENDAR_YEAR, confirm_calendar_year(year) = "/quan-tri/lich-lam-viec/nam/{year}/xac-nhan";
    /// The province's agencies, and one agency's contact data and office
    /// hours (POST saves them).
    AGENCIES_ADMIN, agencies_admin() = "/quan-tri/co-quan";
    AGENCY_ADMIN, agency_admin(code) = "/quan-tri/co-quan/{code}";
    /// The portal's help line and feedback address (POST saves them).
    SETTINGS_ADMIN, settings_admin() = "/quan-tri/cai-dat";
    /// The identity providers citizens sign in with: the list and a new
    /// one, and one provider's changes.
    /// Citizens' requests to correct their data, and answering one.
    CORRECTIONS_ADMIN, corrections_admin() = "/quan-tri/yeu-cau-chinh-sua";
    ANSWER_CORRECTION, answer_correction(id) = "/quan-tri/yeu-cau-chinh-sua/{id}";
    IDENTITY_PROVIDERS_ADMIN, identity_providers_admin() = "/quan-tri/dinh-danh";
    IDENTITY_PROVIDER_ADMIN, identity_provider_admin(id) = "/quan-tri/dinh-danh/{id}";
    /// The days agencies have to answer a question, and whether the
    /// assistant may phrase its answers (POST saves them).
    ASSISTANT_SETTINGS, assistant_settings() = "/quan-tri/cai-dat/hoi-dap";
    /// The field reports' settings (POST).
    REPORT_SETTINGS, report_settings() = "/quan-tri/cai-dat/phan-anh";
    /// How long drafts and the assistant's exchanges are kept.
    RETENTION_SETTINGS, retention_settings() = "/quan-tri/cai-dat/luu-giu";
    /// The search words (POST: `action` adds or removes a phrase or a
    /// filler word; `?thu=` tries a question).
    SEARCH_WORDS_ADMIN, search_words_admin() = "/quan-tri/tu-ngu-tim-kiem";
    /// The sectors (POST adds one), one sector's names (POST), its removal.
    SECTORS_ADMIN, sectors_admin() = "/quan-tri/linh-vuc";
    /// The field report categories (POST adds one), one category (POST),
    /// its withdrawal or return (POST).
    REPORT_CATEGORIES_ADMIN, report_categories_admin() = "/quan-tri/phan-anh";
    REPORT_CATEGORY_ADMIN, report_category_admin(code) = "/quan-tri/phan-anh/{code}";
    ARCHIVE_REPORT_CATEGORY, archive_report_category(code) = "/quan-tri/phan-anh/{code}/luu-tru";
    SECTOR_ADMIN, sector_admin(code) = "/quan-tri/linh-vuc/{code}";
    REMOVE_SECTOR, remove_sector(code) = "/quan-tri/linh-vuc/{code}/xoa";
    /// Merging an agency into its successor (POST).
    MERGE_AGENCY, merge_agency(code) = "/quan-tri/co-quan/{code}/sap-nhap";
    /// Cancelling a renaming or merger decided for a later day.
    CANCEL_AGENCY_CHANGE, cancel_agency_change(code, id) = "/quan-tri/co-quan/{code}/thay-doi/{id}/huy";
    /// The e-forms (POST creates one), one form's builder and its actions.
    FORMS_ADMIN, forms_admin() = "/quan-tri/bieu-mau";
    FORM_ADMIN, form_admin(code) = "/quan-tri/bieu-mau/{code}";
    /// Saving the draft as a whole JSON document.
    SAVE_FORM_DRAFT, save_form_draft(code) = "/quan-tri/bieu-mau/{code}/ban-nhap";
    /// Adding, moving or removing a field of the draft (`action`).
    EDIT_FORM_OUTLINE, edit_form_outline(code) = "/quan-tri/bieu-mau/{code}/cau-truc";
    PUBLISH_FORM, publish_form(code) = "/quan-tri/bieu-mau/{code}/xuat-ban";
    ARCHIVE_FORM, archive_form(code) = "/quan-tri/bieu-mau/{code}/luu-tru";
    /// Restoring a save or a published version into the draft.
    RESTORE_FORM, restore_form(code) = "/quan-tri/bieu-mau/{code}/khoi-phuc";
    /// The draft (or `?phien-ban=N`) as JSON, and importing one.
    FORM_JSON, form_json(code) = "/quan-tri/bieu-mau/{code}/json";
    IMPORT_FORM, import_form(code) = "/quan-tri/bieu-mau/{code}/nhap";
    /// The draft as a citizen sees it, and a test submission not stored.
    PREVIEW_FORM, preview_form(code) = "/quan-tri/bieu-mau/{code}/xem-truoc";
    TRY_FORM, try_form(code) = "/quan-tri/bieu-mau/{code}/thu-nop";
    /// The knowledge base's articles as editors keep them (POST creates
    /// one), one article's editor (POST: `action` saves, asks for review,
    /// publishes, returns or archives).
    ARTICLES_ADMIN, articles_admin() = "/quan-tri/hoi-dap";
    ARTICLE_ADMIN, article_admin(code) = "/quan-tri/hoi-dap/{code}";
    /// The procedures as administrators keep them (`?q=` searches).
    PROCEDURES_ADMIN, procedures_admin() = "/quan-tri/thu-tuc";
    /// The catalogue as files, and its import.
    CATALOGUE_JSON, catalogue_json() = "/quan-tri/danh-muc-thu-tuc.json";
    CATALOGUE_XLSX, catalogue_xlsx() = "/quan-tri/danh-muc-thu-tuc.xlsx";
    IMPORT_CATALOGUE, import_catalogue() = "/quan-tri/nhap-thu-tuc";
    CATALOGUE_IMPORT, catalogue_import(id) = "/quan-tri/nhap-thu-tuc/{id}";
    PUBLISH_CATALOGUE_IMPORT, publish_catalogue_import(id) = "/quan-tri/nhap-thu-tuc/{id}/xuat-ban";
    DISCARD_CATALOGUE_IMPORT, discard_catalogue_import(id) = "/quan-tri/nhap-thu-tuc/{id}/huy";
    /// The form adding a procedure (its version 1 starts as a draft).
    NEW_PROCEDURE, new_procedure() = "/quan-tri/thu-tuc-moi";
    /// One procedure's versions, its draft and the publishing form.
    PROCEDURE_ADMIN, procedure_admin(code) = "/quan-tri/thu-tuc/{code}";
    /// Two of its versions field by field (`?tu=&den=` version numbers).
    COMPARE_PROCEDURE_VERSIONS, compare_procedure_versions(code) = "/quan-tri/thu-tuc/{code}/so-sanh";
    /// Starting a draft from the version in force.
    NEW_PROCEDURE_DRAFT, new_procedure_draft(code) = "/quan-tri/thu-tuc/{code}/ban-nhap";
    /// Saving the draft's fields.
    SAVE_PROCEDURE_DRAFT, save_procedure_draft(code) = "/quan-tri/thu-tuc/{code}/ban-nhap/luu";
    /// Discarding the draft.
    DISCARD_PROCEDURE_DRAFT, discard_procedure_draft(code) = "/quan-tri/thu-tuc/{code}/ban-nhap/huy";
    /// Publishing the draft (four eyes) with an effective date.
    PUBLISH_PROCEDURE_DRAFT, publish_procedure_draft(code) = "/quan-tri/thu-tuc/{code}/ban-nhap/xuat-ban";
    /// Suspending or resuming online filing.
    SUSPEND_PROCEDURE, suspend_procedure(code) = "/quan-tri/thu-tuc/{code}/tam-dung";

    // Statistics.
    /// The statistics page (Biểu 06).
    STATISTICS, statistics() = "/thong-ke";
    /// Report 06 as CSV.
    REPORT_06_CSV, report_06_csv() = "/thong-ke/bieu-06.csv";
    /// Report 06 as XLSX.
    REPORT_06_XLSX, report_06_xlsx() = "/thong-ke/bieu-06.xlsx";
    /// Report 06 as PDF.
    REPORT_06_PDF, report_06_pdf() = "/thong-ke/bieu-06.pdf";
    /// Report 06 in any of the formats above (`csv`, `xlsx`, `pdf`).
    REPORT_06, report_06(extension) = "/thong-ke/bieu-06.{extension}";

    // Machine endpoints.
    /// Liveness probe.
    HEALTH, health() = "/health";
    /// The sandbox gateway's payment notification.
    SANDBOX_IPN, sandbox_ipn() = "/api/v1/payments/sandbox/ipn";
    /// VNPAY's payment notification.
    VNPAY_IPN, vnpay_ipn() = "/api/v1/payments/vnpay/ipn";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_each_builder_fills_exactly_its_pattern() {
        for (pattern, filled) in filled_with_placeholders() {
            assert_eq!(filled, pattern);
        }
    }

    #[test]
    fn paths_builders_substitute_their_arguments() {
        assert_eq!(dossier_slip("HS-1"), "/ho-so/HS-1/phieu-tiep-nhan.pdf");
        assert_eq!(payment_receipt("HS-1", 7), "/ho-so/HS-1/bien-lai/7");
        assert_eq!(
            counter_upload(42, "HS-2"),
            "/can-bo/tiep-nhan/42/HS-2/giay-to"
        );
        assert_eq!(account(), "/tai-khoan");
    }
}
