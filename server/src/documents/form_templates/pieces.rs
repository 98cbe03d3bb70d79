//! What the forms share: the national header, the place-and-date line,
//! room for signatures, the notes at the foot and the file's properties.

use chrono::NaiveDate;

use super::FormTemplate;
use crate::documents::layout::{text_width_mm, Band, Cell, Document, Style};

/// The date written into the files' properties. Change it together with the
/// forms, so a regenerated file says when its content last changed.
const REVISED: (i32, u32, u32) = (2026, 11, 22);

/// The "(Ký, ghi rõ họ, chữ đệm, tên)" line under a signature title.
pub(super) const SIGNATURE_NOTE: Style = Style::HEADING.regular();

/// Notes (2) and (3) read the same on the birth and the marriage forms.
pub(super) const RESIDENCE_NOTE: &str =
    "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi thường trú thì ghi \
     theo nơi đăng ký tạm trú; nếu không có cả hai thì ghi theo nơi đang sinh sống.";
pub(super) const IDENTITY_DOCUMENT_NOTE: &str =
    "(3) Ghi loại giấy tờ tùy thân (thẻ Căn cước, Căn cước công dân, Hộ \
     chiếu…), số, cơ quan cấp, ngày cấp; hoặc ghi số định danh cá nhân.";

pub(super) fn new_document(form: FormTemplate) -> Document {
    let (year, month, day) = REVISED;
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("REVISED is a real date");
    Document::new(&sentence_case(form.title()), date)
}

/// "TỜ KHAI ĐĂNG KÝ KHAI SINH" → "Tờ khai đăng ký khai sinh", for the file's title.
pub(super) fn sentence_case(title: &str) -> String {
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Quốc hiệu and tiêu ngữ, with the rule under the motto.
pub(super) fn national_header(doc: &mut Document) {
    const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    doc.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style::HEADING);
    doc.text(MOTTO, Style::HEADING);
    doc.rule(Band::FULL, text_width_mm(MOTTO, Style::HEADING));
    doc.gap(4.0);
}

/// "Làm tại: ..., ngày ... tháng ... năm ..." on the right, above the signatures.
pub(super) fn place_and_date(doc: &mut Document) {
    doc.gap(1.0);
    doc.row(&[Cell::new(
        Band::new(0.3, 1.0),
        Style::BODY.centered(),
        "Làm tại: ............, ngày ..... tháng ..... năm .........",
    )]);
}

/// Room to sign, then a dotted line for the name under each signature.
pub(super) fn signature_space(doc: &mut Document, bands: &[Band]) {
    doc.gap(14.0);
    let line = "..................................................";
    let cells: Vec<Cell<'_>> = bands
        .iter()
        .map(|band| Cell::new(*band, Style::BODY.centered().spacing(1.2), line))
        .collect();
    doc.row(&cells);
}

/// The numbered explanations at the foot of the form.
pub(super) fn notes(doc: &mut Document, notes: &[&str]) {
    doc.gap(3.0);
    doc.text("Chú thích:", Style::NOTE.bold());
    for note in notes {
        doc.text(note, Style::NOTE);
    }
}

pub(super) fn finish(doc: Document) -> Vec<u8> {
    doc.finish()
        .expect("the form templates use only characters the embedded fonts have")
}
