//! The head of every administrative document the portal issues (Decree
//! 30/2020, appendix I, part II): top left the governing authority in
//! capitals, under it the issuing body in bold capitals with a short rule
//! beneath; top right the national name and motto, the motto ruled its own
//! length; then the number ("Số: 07/TNHS-TTPVHCC") under the issuer and the
//! place and date in italics under the motto.

use super::layout::{text_width_mm, Band, Cell, Document, Stack, Style};
use super::moments::day;
use chrono::NaiveDate;

/// Who issues a document, as its heading names it.
#[derive(Clone, Copy, Debug)]
pub struct Issuer<'a> {
    /// The governing authority's line ("UBND TỈNH QUẢNG NINH"), if any.
    pub governing: Option<&'a str>,
    /// The issuing unit or agency.
    pub name: &'a str,
}

const LEFT: Band = Band::new(0.0, 0.42);
const RIGHT: Band = Band::new(0.42, 1.0);
/// The national name and the issuer's lines, at 12 pt (12–13 allowed).
const NAME_SIZE: f32 = 12.0;
const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// The heading; `number` is the document's number and symbol as its
/// register gave them, or `None` for a document that has none (a register,
/// a control slip, an acknowledgement).
pub fn heading(
    doc: &mut Document,
    issuer: &Issuer<'_>,
    number: Option<&str>,
    place: &str,
    on: NaiveDate,
) {
    let governing = issuer.governing.map(str::to_uppercase);
    let name = issuer.name.to_uppercase();
    let name_style = Style::HEADING.size(NAME_SIZE);
    let mut left = Vec::new();
    if let Some(governing) = &governing {
        left.push((name_style.regular(), governing.as_str()));
    }
    left.push((name_style, name.as_str()));
    // The rule under the issuer: a third of its (last) line, at least a
    // short stroke when the name wraps.
    let last_line = name.rsplit('\n').next().unwrap_or(&name);
    let rule = (text_width_mm(last_line, name_style) / 3.0).clamp(15.0, 30.0);
    doc.stacks(&[
        Stack {
            band: LEFT,
            lines: left,
            rule: Some(rule),
        },
        Stack {
            band: RIGHT,
            lines: vec![
                (name_style, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                (Style::HEADING, MOTTO),
            ],
            rule: Some(text_width_mm(MOTTO, Style::HEADING)),
        },
    ]);
    doc.gap(1.0);
    let number = number.map(|number| format!("Số: {number}"));
    let date = format!("{place}, {}", day(on));
    doc.row(&[
        Cell::new(
            LEFT,
            Style::BODY.centered(),
            number.as_deref().unwrap_or_default(),
        ),
        Cell::new(RIGHT, Style::BODY.centered().italic(), &date),
    ]);
    doc.gap(4.0);
}

/// The heading of a report drawn up by an agency itself (Biểu 06): the
/// agency alone as issuer.
pub fn letterhead(doc: &mut Document, agency_name: &str, number: &str, place: &str, on: NaiveDate) {
    let issuer = Issuer {
        governing: None,
        name: agency_name,
    };
    heading(doc, &issuer, Some(number), place, on);
}
