//! Rendering the finished document to deterministic PDF bytes.

use printpdf::{
    Mm, OffsetDateTime, Op, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity,
    PdfSaveOptions,
};

use super::faces::faces;
use super::{Document, DocumentError};

impl Document {
    /// Renders the document to PDF bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, DocumentError> {
        if !self.missing.is_empty() {
            return Err(DocumentError::MissingGlyphs(
                self.missing.into_iter().collect(),
            ));
        }
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.pages.push(std::mem::take(&mut self.ops));
        }
        let faces = faces();
        let mut doc = PdfDocument::new(&self.title);
        let timestamp = self
            .date
            .and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc()
            .timestamp();
        let date = OffsetDateTime::from_unix_timestamp(timestamp)
            .map_err(|e| DocumentError::Pdf(e.to_string()))?;
        let info = &mut doc.metadata.info;
        info.creation_date = date;
        info.modification_date = date;
        info.metadata_date = date;
        info.creator = "Một Cửa".to_string();
        info.producer = "Một Cửa".to_string();
        // Only the faces the pages use: an unused one would be embedded
        // for nothing.
        let used = |face: &super::faces::Face| {
            self.pages.iter().flatten().any(|op| {
                matches!(op, Op::SetFont { font: PdfFontHandle::External(id), .. } if *id == face.id)
            })
        };
        for face in [&faces.regular, &faces.bold, &faces.italic] {
            if !used(face) {
                continue;
            }
            doc.resources
                .fonts
                .map
                .insert(face.id.clone(), PdfFont::new(face.font.clone()));
        }
        let pages = self
            .pages
            .into_iter()
            .map(|ops| {
                let (width, height) = self.orientation.size_mm();
                PdfPage::new(Mm(width), Mm(height), ops)
            })
            .collect();
        doc.with_pages(pages);

        let options = PdfSaveOptions {
            optimize: true,
            subset_fonts: true,
            secure: true,
            image_optimization: None,
        };
        let mut warnings = Vec::new();
        let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
        let errors: Vec<String> = warnings
            .iter()
            .filter(|w| w.severity == PdfParseErrorSeverity::Error)
            .map(|w| w.msg.clone())
            .collect();
        if !errors.is_empty() {
            return Err(DocumentError::Pdf(errors.join("; ")));
        }
        pdf.compress();

        // printpdf always writes these document-information entries; ours are
        // empty, and an empty `GTS_PDFXVersion` makes readers believe the file
        // claims PDF/X conformance.
        let info = pdf
            .trailer
            .get(b"Info")
            .and_then(|info| info.as_reference());
        if let Some(info) = info
            .ok()
            .and_then(|id| pdf.get_object_mut(id).ok())
            .and_then(|info| info.as_dict_mut().ok())
        {
            for key in [
                "GTS_PDFXVersion",
                "Author",
                "Subject",
                "Keywords",
                "Identifier",
            ] {
                info.remove(key.as_bytes());
            }
        }

        // printpdf fills the trailer's /ID with a process-global pseudo-random
        // sequence. Replace it with a hash of the file written with a blank ID,
        // so identical content gives identical bytes.
        let mut save = |id: &[u8]| -> Result<Vec<u8>, DocumentError> {
            if let Ok(parts) = pdf.trailer.get_mut(b"ID").and_then(|id| id.as_array_mut()) {
                for part in parts.iter_mut() {
                    if let Ok(bytes) = part.as_str_mut() {
                        *bytes = id.to_vec();
                    }
                }
            }
            let mut bytes = Vec::new();
            pdf.save_to(&mut bytes)
                .map_err(|e| DocumentError::Pdf(e.to_string()))?;
            Ok(bytes)
        };
        let draft = save(&[b'0'; 32])?;
        save(content_id(&draft).as_bytes())
    }
}

/// A 32-character hex digest of `bytes` (two FNV-1a hashes), for the file ID.
fn content_id(bytes: &[u8]) -> String {
    let fnv = |basis: u64| {
        bytes.iter().fold(basis, |hash, &b| {
            (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}
