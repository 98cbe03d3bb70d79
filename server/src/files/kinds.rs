//! Which files may be uploaded: the type is decided by the file's first
//! bytes, and must agree with what the browser declared.

use app::i18n::Lang;

/// An accepted kind of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
}

impl FileKind {
    pub const ALL: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }

    /// The name people know the kind by.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Jpeg => "JPEG",
            FileKind::Png => "PNG",
        }
    }

    fn from_mime(mime: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|kind| kind.mime() == mime)
    }

    fn from_extension(name: &str) -> Option<FileKind> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => Some(FileKind::Pdf),
            "jpg" | "jpeg" => Some(FileKind::Jpeg),
            "png" => Some(FileKind::Png),
            _ => None,
        }
    }
}

/// Why a file was refused, in words for the citizen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KindError {
    /// The bytes are not a PDF, JPEG or PNG at all.
    NotAllowed,
    /// The bytes are one allowed kind, the name or declared type another.
    Mismatch {
        actual: FileKind,
        declared: FileKind,
    },
}

impl KindError {
    pub fn message(&self, lang: Lang, file_name: &str) -> String {
        match (self, lang) {
            (KindError::NotAllowed, Lang::Vi) => format!(
                "Tệp “{file_name}” không phải PDF, JPEG hoặc PNG. Vui lòng chụp hoặc quét giấy tờ thành một trong các định dạng này."
            ),
            (KindError::NotAllowed, Lang::En) => format!(
                "“{file_name}” is not a PDF, JPEG or PNG file. Please scan or photograph the document into one of these formats."
            ),
            (KindError::Mismatch { actual, declared }, Lang::Vi) => format!(
                "Tệp “{file_name}” thực chất là {}, không phải {} như tên tệp cho biết. Vui lòng đặt lại tên tệp cho đúng hoặc chọn đúng tệp.",
                actual.name(),
                declared.name()
            ),
            (KindError::Mismatch { actual, declared }, Lang::En) => format!(
                "“{file_name}” is really a {} file, not a {} as its name says. Please rename it correctly or choose the right file.",
                actual.name(),
                declared.name()
            ),
        }
    }
}

/// The kind of a file from its first bytes, checked against its name and
/// declared type (either may be missing, neither may disagree).
pub fn check(
    first_bytes: &[u8],
    file_name: &str,
    declared_mime: Option<&str>,
) -> Result<FileKind, KindError> {
    let actual = infer::get(first_bytes)
        .and_then(|kind| FileKind::from_mime(kind.mime_type()))
        .ok_or(KindError::NotAllowed)?;
    let claims = [
        FileKind::from_extension(file_name),
        declared_mime.and_then(FileKind::from_mime),
    ];
    if let Some(declared) = claims
        .into_iter()
        .flatten()
        .find(|claimed| *claimed != actual)
    {
        return Err(KindError::Mismatch { actual, declared });
    }
    Ok(actual)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0";

    #[test]
    fn the_bytes_decide() {
        assert_eq!(
            check(PDF, "giay-chung-sinh.pdf", Some("application/pdf")),
            Ok(FileKind::Pdf)
        );
        assert_eq!(check(PNG, "anh.PNG", Some("image/png")), Ok(FileKind::Png));
        assert_eq!(check(JPEG, "scan.jpg", None), Ok(FileKind::Jpeg));
    }

    #[test]
    fn a_pdf_renamed_png_is_refused_with_the_reason() {
        let error = check(PDF, "giay-chung-sinh.png", Some("image/png")).unwrap_err();
        assert_eq!(
            error,
            KindError::Mismatch {
                actual: FileKind::Pdf,
                declared: FileKind::Png
            }
        );
        assert!(error
            .message(Lang::Vi, "giay-chung-sinh.png")
            .contains("thực chất là PDF"));
    }

    #[test]
    fn other_files_are_refused() {
        assert_eq!(
            check(b"<html><script>", "trang.pdf", Some("application/pdf")),
            Err(KindError::NotAllowed)
        );
        assert_eq!(
            check(b"MZ\x90\0", "virus.exe", None),
            Err(KindError::NotAllowed)
        );
        assert_eq!(check(b"", "rong.pdf", None), Err(KindError::NotAllowed));
    }
}
