//! Signed PDFs. A document that prints "(Ký điện tử)" carries a real
//! signature that any PDF reader (and poppler's `pdfsig`) verifies: a CMS
//! SignedData in the CAdES detached form (PAdES baseline B-B) covering the
//! whole file, made with the issuing body's certificate.
//!
//! - [`credentials`]: the operator's certificates and keys, one PEM file per
//!   issuing body in the signing folder (`MOTCUA_SIGNING_DIR`).
//! - [`cades`]: the CMS structure that is signed.
//! - [`pdf`]: the signature field and dictionary added to a rendered PDF.
//! - [`demo_authority`]: the demo's certificate authority and the bodies'
//!   certificates it issues at the first demo start.
//!
//! Without a credential for a body, its documents are neither signed nor say
//! "(Ký điện tử)".

pub mod cades;
pub mod credentials;
pub mod demo_authority;
pub mod pdf;

pub use credentials::{Signer, Signers};

/// What a signature says besides its signer, as a PDF reader shows it.
pub struct SignatureDetails<'a> {
    /// "Phát hành phiếu yêu cầu bổ sung hồ sơ 000.00.12.H34-261204-0001".
    pub reason: &'a str,
    /// The place printed on the document.
    pub location: &'a str,
}

/// `pdf` signed by `signer`, or `pdf` unchanged when there is none.
pub fn sign_if_configured(
    pdf: Vec<u8>,
    signer: Option<&Signer>,
    details: &SignatureDetails<'_>,
    at: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<Vec<u8>> {
    match signer {
        Some(signer) => pdf::sign(&pdf, signer, details, at),
        None => Ok(pdf),
    }
}

#[cfg(test)]
mod tests {
    use super::demo_authority::{self, Body};
    use super::*;
    use crate::documents::result_document::{self, ResultDocument};
    use chrono::{NaiveDate, TimeZone, Utc};

    fn rendered() -> Vec<u8> {
        result_document::render(&ResultDocument {
            issuer: crate::documents::letterhead::Issuer {
                governing: None,
                name: "Ủy ban nhân dân phường Hồng Gai",
            },
            number: Some("05/KQ-UBND"),
            place: "Quảng Ninh",
            issued_on: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
            code: "000.01.40.H34-261204-0001",
            procedure_name: "Đăng ký khai sinh",
            applicant_name: "Vũ Thị Công Dân",
            answers: &[("Họ, chữ đệm, tên".into(), "Nguyễn Minh Khang".into())],
            tracking_url: "http://127.0.0.1:3000/tra-cuu?ma=000.01.40.H34-261204-0001",
            signed: true,
        })
        .unwrap()
    }

    fn pdfsig(pdf: &[u8]) -> String {
        let folder = tempfolder();
        let path = folder.join("signed.pdf");
        std::fs::write(&path, pdf).unwrap();
        let output = std::process::Command::new("pdfsig")
            .arg(&path)
            .output()
            .expect("poppler's pdfsig is installed (scripts/setup)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn tempfolder() -> std::path::PathBuf {
        let folder = std::env::temp_dir().join(format!(
            "motcua-signing-{}-{}",
            std::process::id(),
            rand::random::<u64>()
        ));
        std::fs::create_dir_all(&folder).unwrap();
        folder
    }

    #[test]
    fn a_signed_document_verifies_and_names_the_agency_as_signer() {
        let folder = tempfolder();
        demo_authority::ensure(
            &folder,
            &[Body {
                signing_name: "agency-H34.40".into(),
                name: "Ủy ban nhân dân phường Hồng Gai".into(),
            }],
            "Tỉnh Quảng Ninh",
        )
        .unwrap();
        let signers = Signers::load(&folder).unwrap();
        assert_eq!(signers.len(), 1, "the authority's own file is not a signer");
        let signer = signers.get("agency-H34.40").unwrap();
        let at = Utc.with_ymd_and_hms(2026, 12, 4, 14, 48, 0).unwrap();
        let details = SignatureDetails {
            reason: "Kết quả giải quyết hồ sơ 000.01.40.H34-261204-0001",
            location: "Quảng Ninh",
        };
        let signed = sign_if_configured(rendered(), Some(signer), &details, at).unwrap();
        let report = pdfsig(&signed);
        assert!(report.contains("Signature is Valid"), "{report}");
        assert!(
            report.contains("Signer Certificate Common Name: Ủy ban nhân dân phường Hồng Gai"),
            "{report}"
        );
        assert!(report.contains("Total document signed"), "{report}");
        assert!(report.contains("ETSI.CAdES.detached"), "{report}");
        // The same document signs to the same bytes (RFC 6979), so a slip
        // downloaded twice is one file.
        let again = sign_if_configured(rendered(), Some(signer), &details, at).unwrap();
        assert_eq!(signed, again);

        // One changed byte in the signed part breaks the signature.
        let mut tampered = signed.clone();
        let at = tampered.len() / 3;
        tampered[at] ^= 0x20;
        let report = pdfsig(&tampered);
        assert!(!report.contains("Signature is Valid"), "{report}");
    }

    #[test]
    fn without_a_credential_the_document_is_left_as_rendered() {
        let pdf = rendered();
        let details = SignatureDetails {
            reason: "",
            location: "",
        };
        let same = sign_if_configured(pdf.clone(), None, &details, Utc::now()).unwrap();
        assert_eq!(pdf, same);
    }

    #[test]
    fn a_key_that_is_not_the_certificates_is_refused() {
        let folder = tempfolder();
        let bodies = [
            Body {
                signing_name: "agency-A".into(),
                name: "A".into(),
            },
            Body {
                signing_name: "agency-B".into(),
                name: "B".into(),
            },
        ];
        demo_authority::ensure(&folder, &bodies, "Tỉnh Quảng Ninh").unwrap();
        let a = std::fs::read_to_string(folder.join("agency-A.pem")).unwrap();
        let b = std::fs::read_to_string(folder.join("agency-B.pem")).unwrap();
        let key_of_b = &b[b.find("-----BEGIN PRIVATE KEY-----").unwrap()..];
        let certificates_of_a = &a[..a.find("-----BEGIN PRIVATE KEY-----").unwrap()];
        let mixed = format!("{certificates_of_a}{key_of_b}");
        let error = Signer::from_pem(&mixed).err().unwrap().to_string();
        assert!(error.contains("does not belong"), "{error}");
    }
}
