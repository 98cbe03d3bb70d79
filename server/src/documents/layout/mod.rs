//! A small page-layout builder for A4 administrative documents, on top of
//! printpdf's low-level drawing operations.
//!
//! The page follows the presentation rules for Vietnamese administrative
//! documents (Nghị định 30/2020/NĐ-CP, Phụ lục I): A4 portrait, margins of
//! 20 mm top and bottom, 30 mm left (the binding side) and 15 mm right, a
//! serif face at 13 pt for the body. The face is Liberation Serif (SIL OFL
//! 1.1, see `server/assets/fonts/`), metric-compatible with Times New Roman,
//! which is what the official Word templates use; it is embedded (subset) in
//! every file, so Vietnamese renders without the reader having the font, and
//! every glyph carries its Unicode text, so the words can be searched and
//! copied back out.
//!
//! Layout is line-based: the builder keeps a cursor that moves down the page;
//! every call adds one or more rows of text and a new page starts by itself
//! when the next row no longer fits above the bottom margin. Lines are wrapped
//! at spaces by measuring the glyph advances of the embedded faces (the same
//! widths the PDF's `/W` arrays carry, so what is measured is what is drawn).
//!
//! ```no_run
//! use server::documents::layout::{Document, Style};
//!
//! let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
//! let mut doc = Document::new("Giấy biên nhận", date);
//! doc.text("GIẤY BIÊN NHẬN", Style::TITLE);
//! doc.field("Họ, chữ đệm, tên người nộp: ");
//! let pdf: Vec<u8> = doc.finish().unwrap();
//! ```

mod faces;
mod finish;
mod qr;
mod style;
mod tables;
#[cfg(test)]
mod tests;
mod text;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use printpdf::{Line, LinePoint, Op, Point, Pt};

pub use faces::text_width_mm;
pub use style::{Align, Style, Weight};

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;

/// A4 portrait.
pub const PAGE_WIDTH_MM: f32 = 210.0;
pub const PAGE_HEIGHT_MM: f32 = 297.0;

/// Which way up the A4 sheet is. Documents are portrait; wide statistical
/// tables (Biểu 06) are landscape, as their official templates are. The
/// margins stay where they are on the sheet's edges: the binding side is
/// still the left one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    /// The page's width and height in millimetres.
    const fn size_mm(self) -> (f32, f32) {
        match self {
            Orientation::Portrait => (PAGE_WIDTH_MM, PAGE_HEIGHT_MM),
            Orientation::Landscape => (PAGE_HEIGHT_MM, PAGE_WIDTH_MM),
        }
    }

    /// Width of the text area in millimetres.
    const fn text_width_mm(self) -> f32 {
        self.size_mm().0 - MARGINS.left - MARGINS.right
    }
}

/// Page margins in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Margins {
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

/// The margins of an administrative document: top and bottom 20 mm, left
/// 30 mm, right 15 mm (Nghị định 30/2020/NĐ-CP allows 20–25, 20–25, 30–35
/// and 15–20 mm; these are the smallest, which leaves the most room for
/// handwriting on a form).
pub const MARGINS: Margins = Margins {
    top: 20.0,
    bottom: 20.0,
    left: 30.0,
    right: 15.0,
};

/// Body text size in points.
pub const BODY_SIZE: f32 = 13.0;

/// Size of footnotes and explanatory notes in points.
pub const NOTE_SIZE: f32 = 11.0;

/// Width of the text area in millimetres (165 mm).
pub const TEXT_WIDTH_MM: f32 = PAGE_WIDTH_MM - MARGINS.left - MARGINS.right;

/// Thickness of rules and table borders, in points.
const RULE_THICKNESS: f32 = 0.5;

/// A horizontal slice of the text area, as fractions of its width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub from: f32,
    pub to: f32,
}

impl Band {
    pub const FULL: Band = Band { from: 0.0, to: 1.0 };
    pub const LEFT_HALF: Band = Band { from: 0.0, to: 0.5 };
    pub const RIGHT_HALF: Band = Band { from: 0.5, to: 1.0 };

    pub const fn new(from: f32, to: f32) -> Band {
        Band { from, to }
    }

    /// Left and right edges in points from the page's left edge, on a
    /// page of `orientation`.
    fn edges(&self, orientation: Orientation) -> (f32, f32) {
        let left = MARGINS.left * PT_PER_MM;
        let width = orientation.text_width_mm() * PT_PER_MM;
        (left + width * self.from, left + width * self.to)
    }
}

/// One block of a [`Document::row`]: text laid out in a band of the line.
#[derive(Clone, Copy, Debug)]
pub struct Cell<'a> {
    pub band: Band,
    pub style: Style,
    pub text: &'a str,
    /// Fill the rest of the last line with dots (a blank to write in).
    pub fill: bool,
}

impl<'a> Cell<'a> {
    pub fn new(band: Band, style: Style, text: &'a str) -> Cell<'a> {
        Cell {
            band,
            style,
            text,
            fill: false,
        }
    }

    /// A label followed by dots up to the end of the band.
    pub fn field(band: Band, label: &'a str) -> Cell<'a> {
        Cell {
            band,
            style: Style::BODY,
            text: label,
            fill: true,
        }
    }
}

/// One column of [`Document::stacks`]: lines in their own styles, down a
/// band, and the length of the rule under them in millimetres, if any.
#[derive(Clone, Debug)]
pub struct Stack<'a> {
    pub band: Band,
    pub lines: Vec<(Style, &'a str)>,
    pub rule: Option<f32>,
}

/// Columns of a [`Document::grouped_table`] under one heading: `span`
/// columns under `title`, or one column whose own header stands over both
/// header lines (`title: None`).
#[derive(Clone, Copy, Debug)]
pub struct HeaderGroup<'a> {
    pub title: Option<&'a str>,
    pub span: usize,
}

/// A column of a [`Document::table`].
#[derive(Clone, Copy, Debug)]
pub struct Column<'a> {
    pub header: &'a str,
    /// Share of the text width, as a fraction; the shares should add up to 1.
    pub width: f32,
    pub align: Align,
}

/// Why a document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The text uses characters the embedded faces cannot draw.
    #[error("the embedded fonts have no glyph for {0:?}")]
    MissingGlyphs(Vec<char>),
    /// printpdf reported an error while writing the file.
    #[error("could not write the PDF: {0}")]
    Pdf(String),
    /// The text is too long for a QR code.
    #[error("the text does not fit in a QR code")]
    QrCode,
}

/// A document under construction. Add content top to bottom, then [`finish`](Self::finish).
pub struct Document {
    title: String,
    date: NaiveDate,
    orientation: Orientation,
    /// Finished pages' operations.
    pages: Vec<Vec<Op>>,
    /// The current page's operations.
    ops: Vec<Op>,
    /// Top of the next line, in points from the bottom of the page.
    y: f32,
    /// Characters the faces cannot draw.
    missing: BTreeSet<char>,
}

impl Document {
    /// A new document with one empty page. `title` goes into the PDF's
    /// properties; `date` becomes its creation date (nothing depends on the
    /// clock, so the same content always gives the same bytes).
    pub fn new(title: &str, date: NaiveDate) -> Document {
        Document::oriented(title, date, Orientation::Portrait)
    }

    /// The same on pages turned `orientation`.
    pub fn oriented(title: &str, date: NaiveDate, orientation: Orientation) -> Document {
        Document {
            title: title.to_string(),
            date,
            orientation,
            pages: Vec::new(),
            ops: Vec::new(),
            y: top(orientation),
            missing: BTreeSet::new(),
        }
    }

    /// Vertical space, in millimetres (never carried over to a new page).
    pub fn gap(&mut self, mm: f32) {
        self.y = (self.y - mm * PT_PER_MM).max(bottom());
    }

    /// Starts a new page (unless the current one is still empty).
    pub fn page_break(&mut self) {
        if !self.ops.is_empty() {
            self.pages.push(std::mem::take(&mut self.ops));
        }
        self.y = top(self.orientation);
    }

    /// Starts a new page if `height` points do not fit above the bottom margin.
    fn make_room(&mut self, height: f32) {
        if self.y - height < bottom() - 0.01 {
            self.page_break();
        }
    }

    /// Strokes a polyline (points in page coordinates).
    fn stroke(&mut self, points: &[(f32, f32)]) {
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(RULE_THICKNESS),
        });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: Point { x: Pt(x), y: Pt(y) },
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
    }
}

/// Top of the text area, in points from the bottom of the page.
fn top(orientation: Orientation) -> f32 {
    (orientation.size_mm().1 - MARGINS.top) * PT_PER_MM
}

/// Bottom of the text area, in points from the bottom of the page.
fn bottom() -> f32 {
    MARGINS.bottom * PT_PER_MM
}
