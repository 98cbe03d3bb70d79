//! Blank application forms (tờ khai) citizens can download, print and fill
//! in by hand.
//!
//! The forms follow the official templates closely (field order and wording);
//! they are a convenience copy, not the legal text: the procedure pages cite
//! the circular each one comes from. The PDFs are generated once and served as
//! static files from `public/mau-don/`; `cargo run -p server --bin
//! render_form_templates` regenerates them after a change here.

mod birth_registration;
mod criminal_record_request;
mod marriage_registration;
mod pieces;

pub use birth_registration::birth_registration_form;
pub use criminal_record_request::criminal_record_request_form;
pub use marriage_registration::marriage_registration_form;

/// Where the files live under `public/` and under the site root.
pub const DIRECTORY: &str = "mau-don";

/// The downloadable forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormTemplate {
    /// Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP, amended by 04/2024/TT-BTP).
    BirthRegistration,
    /// Tờ khai đăng ký kết hôn (same circulars).
    MarriageRegistration,
    /// Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP).
    CriminalRecordCertificate,
}

impl FormTemplate {
    pub const ALL: [FormTemplate; 3] = [
        FormTemplate::BirthRegistration,
        FormTemplate::MarriageRegistration,
        FormTemplate::CriminalRecordCertificate,
    ];

    /// File name under [`DIRECTORY`].
    pub fn file_name(self) -> &'static str {
        match self {
            FormTemplate::BirthRegistration => "to-khai-dang-ky-khai-sinh.pdf",
            FormTemplate::MarriageRegistration => "to-khai-dang-ky-ket-hon.pdf",
            FormTemplate::CriminalRecordCertificate => "to-khai-cap-phieu-ly-lich-tu-phap.pdf",
        }
    }

    /// Path of the file on the site: `/mau-don/<file>`.
    pub fn url(self) -> String {
        format!("/{DIRECTORY}/{}", self.file_name())
    }

    /// The title printed on the form.
    pub fn title(self) -> &'static str {
        match self {
            FormTemplate::BirthRegistration => "TỜ KHAI ĐĂNG KÝ KHAI SINH",
            FormTemplate::MarriageRegistration => "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
            FormTemplate::CriminalRecordCertificate => "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
        }
    }

    /// The form as PDF bytes.
    pub fn render(self) -> Vec<u8> {
        match self {
            FormTemplate::BirthRegistration => birth_registration_form(),
            FormTemplate::MarriageRegistration => marriage_registration_form(),
            FormTemplate::CriminalRecordCertificate => criminal_record_request_form(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pieces::sentence_case;
    use super::*;

    #[test]
    fn every_form_renders() {
        for form in FormTemplate::ALL {
            let pdf = form.render();
            assert!(pdf.starts_with(b"%PDF-"), "{form:?}");
            assert!(form.url().starts_with("/mau-don/"));
        }
    }

    #[test]
    fn titles_become_sentence_case() {
        assert_eq!(
            sentence_case("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
            "Tờ khai đăng ký khai sinh"
        );
    }
}
