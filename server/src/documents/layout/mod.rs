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

use std::collections::BTreeSet;
use std::sync::OnceLock;

use chrono::NaiveDate;
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, OffsetDateTime, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFont, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Polygon,
    PolygonRing, Pt, Rgb, TextItem, TextMatrix, WindingOrder,
};

const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");

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

/// Horizontal padding inside a table cell, in millimetres.
const CELL_PADDING_X_MM: f32 = 1.5;
/// Vertical padding inside a table cell, in millimetres.
const CELL_PADDING_Y_MM: f32 = 0.8;
/// Thickness of rules and table borders, in points.
const RULE_THICKNESS: f32 = 0.5;
/// Space between two blanks sharing a line, in millimetres.
const FIELD_GAP_MM: f32 = 1.5;
/// A dotted blank shorter than this (in dots) moves to a line of its own.
const MIN_FILL_DOTS: usize = 8;

/// The character used for blanks, repeated: "........".
const DOT: char = '.';

/// Regular or bold (the two embedded faces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Horizontal alignment of the lines of a block within its band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Flush with both edges; the last line of a paragraph stays left-aligned.
    Justify,
}

/// How a block of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    pub align: Align,
    /// Distance between baselines as a multiple of the size.
    pub spacing: f32,
    /// Extra indent of the first line of each paragraph, in millimetres.
    pub first_line_indent: f32,
}

impl Style {
    /// 13 pt regular, left-aligned, with 1.5 line spacing (room to write by hand).
    pub const BODY: Style = Style {
        weight: Weight::Regular,
        size: BODY_SIZE,
        align: Align::Left,
        spacing: 1.5,
        first_line_indent: 0.0,
    };
    /// The national motto and other header lines: 13 pt bold, centered, tight.
    pub const HEADING: Style = Style {
        weight: Weight::Bold,
        size: BODY_SIZE,
        align: Align::Center,
        spacing: 1.25,
        first_line_indent: 0.0,
    };
    /// A document title: 14 pt bold capitals, centered.
    pub const TITLE: Style = Style {
        weight: Weight::Bold,
        size: 14.0,
        align: Align::Center,
        spacing: 1.5,
        first_line_indent: 0.0,
    };
    /// Footnotes and explanations: 11 pt, justified, single-spaced.
    pub const NOTE: Style = Style {
        weight: Weight::Regular,
        size: NOTE_SIZE,
        align: Align::Justify,
        spacing: 1.2,
        first_line_indent: 0.0,
    };

    pub const fn bold(self) -> Style {
        Style {
            weight: Weight::Bold,
            ..self
        }
    }
    pub const fn regular(self) -> Style {
        Style {
            weight: Weight::Regular,
            ..self
        }
    }
    pub const fn size(self, size: f32) -> Style {
        Style { size, ..self }
    }
    pub const fn align(self, align: Align) -> Style {
        Style { align, ..self }
    }
    pub const fn centered(self) -> Style {
        self.align(Align::Center)
    }
    pub const fn right(self) -> Style {
        self.align(Align::Right)
    }
    pub const fn justified(self) -> Style {
        self.align(Align::Justify)
    }
    pub const fn spacing(self, spacing: f32) -> Style {
        Style { spacing, ..self }
    }
    pub const fn indent(self, first_line_indent: f32) -> Style {
        Style {
            first_line_indent,
            ..self
        }
    }

    /// Distance between baselines in points.
    fn leading(&self) -> f32 {
        self.size * self.spacing
    }
}

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

/// One embedded face with the metrics the layout needs.
struct Face {
    font: ParsedFont,
    /// Resource name in the PDF; its first six letters become the subset tag.
    id: FontId,
    units_per_em: f32,
    /// Ascender and descender as fractions of the em (descender positive).
    ascent: f32,
    descent: f32,
}

impl Face {
    fn load(bytes: &[u8], id: &str) -> Face {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
            .expect("the bundled Liberation Serif font parses");
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em);
        let ascent = f32::from(font.pdf_font_metrics.ascender) / units_per_em;
        let descent = -f32::from(font.pdf_font_metrics.descender) / units_per_em;
        Face {
            font,
            id: FontId(id.to_string()),
            units_per_em,
            ascent,
            descent,
        }
    }

    /// Advance of one character in thousandths of an em, rounded the way
    /// printpdf writes the `/W` widths, or `None` without a glyph.
    fn advance(&self, c: char) -> Option<i64> {
        let gid = self.font.lookup_glyph_index(c as u32)?;
        let advance = self.font.get_horizontal_advance(gid);
        Some((f32::from(advance) * 1000.0 / self.units_per_em) as i64)
    }

    /// Width of a string in points at `size`; a missing glyph counts as half an em.
    fn width(&self, text: &str, size: f32) -> f32 {
        let thousandths: i64 = text.chars().map(|c| self.advance(c).unwrap_or(500)).sum();
        thousandths as f32 * size / 1000.0
    }
}

struct Faces {
    regular: Face,
    bold: Face,
}

impl Faces {
    fn get(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// The two faces, parsed once per process.
fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        regular: Face::load(REGULAR_TTF, "LSERIF"),
        bold: Face::load(BOLD_TTF, "LSERBD"),
    })
}

/// Width of `text` in millimetres when set in `style`'s face and size.
pub fn text_width_mm(text: &str, style: Style) -> f32 {
    faces().get(style.weight).width(text, style.size) / PT_PER_MM
}

/// One line produced by wrapping.
struct LaidLine {
    text: String,
    /// Offset from the band's left edge (first-line indent), in points.
    indent: f32,
    /// Whether more lines of the same paragraph follow (justification applies).
    continues: bool,
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

    /// A block of text over the full width, wrapped; `\n` starts a new paragraph.
    pub fn text(&mut self, text: &str, style: Style) {
        self.row(&[Cell::new(Band::FULL, style, text)]);
    }

    /// A label followed by dots to the right margin: `Họ, chữ đệm, tên: ........`.
    pub fn field(&mut self, label: &str) {
        self.row(&[Cell::field(Band::FULL, label)]);
    }

    /// A label followed by dots, then `extra_lines` more dotted lines.
    pub fn field_lines(&mut self, label: &str, extra_lines: usize) {
        self.field(label);
        for _ in 0..extra_lines {
            self.dotted_line();
        }
    }

    /// Several labelled blanks sharing one line, each taking the given share
    /// of the width: `Giới tính: ....... Dân tộc: ....... Quốc tịch: .......`.
    /// When a label does not leave room for its blank, the fields go on
    /// lines of their own instead.
    pub fn fields(&mut self, fields: &[(&str, f32)]) {
        let total: f32 = fields.iter().map(|(_, share)| share).sum();
        // A little space between one field's dots and the next label.
        let gap = FIELD_GAP_MM / self.orientation.text_width_mm();
        let mut from = 0.0;
        let mut cells = Vec::with_capacity(fields.len());
        for (i, (label, share)) in fields.iter().enumerate() {
            let to = from + share / total;
            let last = i + 1 == fields.len();
            let band = Band::new(from, if last { to } else { to - gap });
            let (left, right) = band.edges(self.orientation);
            let room = right - left - faces().regular.width(label, BODY_SIZE);
            let dot = faces().regular.width(".", BODY_SIZE);
            if room < dot * MIN_FILL_DOTS as f32 {
                for (label, _) in fields {
                    self.field(label);
                }
                return;
            }
            cells.push(Cell::field(band, label));
            from = to;
        }
        self.row(&cells);
    }

    /// A line of dots across the full width.
    pub fn dotted_line(&mut self) {
        self.row(&[Cell::field(Band::FULL, "")]);
    }

    /// Blocks side by side on the same lines, each wrapped within its band.
    /// The row is as tall as its tallest block and is never split across
    /// pages, except a single full-width block, which breaks line by line.
    pub fn row(&mut self, cells: &[Cell<'_>]) {
        let laid: Vec<Vec<LaidLine>> = cells.iter().map(|cell| self.lay_out(cell)).collect();
        if cells.len() == 1 {
            let cell = &cells[0];
            let leading = cell.style.leading();
            for line in &laid[0] {
                self.make_room(leading);
                let slot_top = self.y;
                self.draw_line(line, cell.band, cell.style, slot_top);
                self.y -= leading;
            }
            return;
        }
        let height = cells
            .iter()
            .zip(&laid)
            .map(|(cell, lines)| cell.style.leading() * lines.len() as f32)
            .fold(0.0, f32::max);
        self.make_room(height);
        let row_top = self.y;
        for (cell, lines) in cells.iter().zip(&laid) {
            let mut slot_top = row_top;
            for line in lines {
                self.draw_line(line, cell.band, cell.style, slot_top);
                slot_top -= cell.style.leading();
            }
        }
        self.y -= height;
    }

    /// A short horizontal rule centered in `band`, just under the previous
    /// line (the line under the national motto), `width` millimetres long.
    pub fn rule(&mut self, band: Band, width: f32) {
        let (left, right) = band.edges(self.orientation);
        let center = (left + right) / 2.0;
        let half = width * PT_PER_MM / 2.0;
        let y = self.y - 1.5;
        self.stroke(&[(center - half, y), (center + half, y)]);
        self.y -= 5.0;
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

    /// A ruled table over the full width: a bold, centered header row, then
    /// `rows` (each as many cells as there are columns; fewer are padded with
    /// blanks). Every row is at least `min_lines` body lines tall, which
    /// leaves room to write in blank rows. A row that does not fit starts a
    /// new page, where the header is repeated.
    pub fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<&str>], min_lines: usize) {
        self.table_sized(columns, rows, min_lines, BODY_SIZE);
    }

    /// The same table in `size`-point text: registers with many columns
    /// print smaller than the body, as their paper templates do.
    pub fn table_sized(
        &mut self,
        columns: &[Column<'_>],
        rows: &[Vec<&str>],
        min_lines: usize,
        size: f32,
    ) {
        let bands = column_bands(columns);
        let header_style = Style::BODY.size(size).bold().centered().spacing(1.25);
        let body_style = Style::BODY.size(size).spacing(1.3);
        let header: Vec<Cell<'_>> = columns
            .iter()
            .zip(&bands)
            .map(|(column, band)| Cell::new(*band, header_style, column.header))
            .collect();
        self.table_row(&header, 1);
        for row in rows {
            let cells: Vec<Cell<'_>> = columns
                .iter()
                .zip(&bands)
                .enumerate()
                .map(|(i, (column, band))| {
                    let text = row.get(i).copied().unwrap_or("");
                    Cell::new(*band, body_style.align(column.align), text)
                })
                .collect();
            if self.table_row_height(&cells, min_lines) > self.y - bottom() {
                self.page_break();
                self.table_row(&header, 1);
            }
            self.table_row(&cells, min_lines);
        }
    }

    /// A ruled table with a two-level header, as statistical templates have:
    /// `groups` cover the columns left to right; a group with a title puts
    /// it over its columns' own headers, a group of one column without a
    /// title lets that column's header stand over both header lines. The
    /// header is repeated on every page the rows run onto.
    pub fn grouped_table(
        &mut self,
        groups: &[HeaderGroup<'_>],
        columns: &[Column<'_>],
        rows: &[Vec<&str>],
        size: f32,
    ) {
        let bands = column_bands(columns);
        let header_style = Style::BODY.size(size).bold().centered().spacing(1.2);
        let body_style = Style::BODY.size(size).spacing(1.25);
        self.grouped_header(groups, columns, &bands, header_style);
        for row in rows {
            let cells: Vec<Cell<'_>> = columns
                .iter()
                .zip(&bands)
                .enumerate()
                .map(|(i, (column, band))| {
                    let text = row.get(i).copied().unwrap_or("");
                    Cell::new(*band, body_style.align(column.align), text)
                })
                .collect();
            if self.table_row_height(&cells, 0) > self.y - bottom() {
                self.page_break();
                self.grouped_header(groups, columns, &bands, header_style);
            }
            self.table_row(&cells, 0);
        }
    }

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
        for face in [&faces.regular, &faces.bold] {
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

    // ---- internals ---------------------------------------------------------

    /// Starts a new page if `height` points do not fit above the bottom margin.
    fn make_room(&mut self, height: f32) {
        if self.y - height < bottom() - 0.01 {
            self.page_break();
        }
    }

    /// Wraps a cell's text to its band.
    fn lay_out(&mut self, cell: &Cell<'_>) -> Vec<LaidLine> {
        let face = faces().get(cell.style.weight);
        let size = cell.style.size;
        let (left, right) = cell.band.edges(self.orientation);
        let width = right - left;
        let indent = cell.style.first_line_indent * PT_PER_MM;
        let mut lines = Vec::new();
        for paragraph in cell.text.split('\n') {
            let start = lines.len();
            // The paragraph's first line carries the indent; later ones get the whole width.
            let available = move |lines: &Vec<LaidLine>| {
                if lines.len() == start {
                    width - indent
                } else {
                    width
                }
            };
            let end_line = move |lines: &mut Vec<LaidLine>, text: String, continues: bool| {
                let indent = if lines.len() == start { indent } else { 0.0 };
                lines.push(LaidLine {
                    text,
                    indent,
                    continues,
                });
            };
            let mut current = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if current.is_empty() {
                    word.to_string()
                } else {
                    format!("{current} {word}")
                };
                if face.width(&candidate, size) <= available(&lines) {
                    current = candidate;
                    continue;
                }
                if !current.is_empty() {
                    end_line(&mut lines, std::mem::take(&mut current), true);
                }
                // A word longer than the whole line is broken between characters.
                for c in word.chars() {
                    current.push(c);
                    if face.width(&current, size) > available(&lines) && current.chars().count() > 1
                    {
                        current.pop();
                        end_line(&mut lines, std::mem::take(&mut current), true);
                        current.push(c);
                    }
                }
            }
            end_line(&mut lines, current, false);
            debug_assert!(lines.len() > start);
        }
        if cell.fill {
            let dot = face.width(".", size);
            let last = lines.last_mut().expect("at least one line");
            let room = width - last.indent - face.width(&last.text, size);
            let dots = (room / dot).floor().max(0.0) as usize;
            if last.text.is_empty() || dots >= MIN_FILL_DOTS {
                last.text.extend(std::iter::repeat_n(DOT, dots));
            } else {
                lines.push(LaidLine {
                    text: std::iter::repeat_n(DOT, (width / dot).floor() as usize).collect(),
                    indent: 0.0,
                    continues: false,
                });
            }
        }
        for line in &lines {
            self.missing.extend(
                line.text
                    .chars()
                    .filter(|&c| face.font.lookup_glyph_index(c as u32).is_none()),
            );
        }
        lines
    }

    /// Draws one laid-out line in the line slot whose top is `slot_top`.
    fn draw_line(&mut self, line: &LaidLine, band: Band, style: Style, slot_top: f32) {
        if line.text.is_empty() {
            return;
        }
        let face = faces().get(style.weight);
        let size = style.size;
        let (left, right) = band.edges(self.orientation);
        let text_width = face.width(&line.text, size);
        let x = match style.align {
            Align::Left | Align::Justify => left + line.indent,
            Align::Center => left + (right - left - text_width) / 2.0,
            Align::Right => right - text_width,
        };
        // The glyph box (ascender to descender) centered in the slot.
        let baseline = slot_top - style.leading() / 2.0 - (face.ascent - face.descent) / 2.0 * size;

        let items = if style.align == Align::Justify && line.continues {
            justified(&line.text, right - x - text_width, size)
        } else {
            vec![TextItem::Text(line.text.clone())]
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(face.id.clone()),
                size: Pt(size),
            },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(baseline)),
            },
            Op::ShowText { items },
            Op::EndTextSection,
        ]);
    }

    /// A QR code of `data`, `size_mm` square, at the right margin of the
    /// current line; the next content goes below it. Drawn as filled vector
    /// squares, so it prints sharp at any size.
    pub fn qr_code(&mut self, data: &str, size_mm: f32) -> Result<(), DocumentError> {
        let code = qrcode::QrCode::new(data.as_bytes()).map_err(|_| DocumentError::QrCode)?;
        let modules = code.width();
        let colors = code.to_colors();
        let size = size_mm * PT_PER_MM;
        if self.y - size < MARGINS.bottom * PT_PER_MM {
            self.page_break();
        }
        let module = size / modules as f32;
        let right = (self.orientation.size_mm().0 - MARGINS.right) * PT_PER_MM;
        let left = right - size;
        let top = self.y;
        let point = |x: f32, y: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        let rings = colors
            .iter()
            .enumerate()
            .filter(|(_, color)| **color == qrcode::Color::Dark)
            .map(|(index, _)| {
                let (column, row) = ((index % modules) as f32, (index / modules) as f32);
                let x = left + column * module;
                let y = top - (row + 1.0) * module;
                PolygonRing {
                    points: vec![
                        point(x, y),
                        point(x + module, y),
                        point(x + module, y + module),
                        point(x, y + module),
                    ],
                }
            })
            .collect();
        self.ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb {
                r: 0.0,
                g: 0.0,
                b: 0.0,
                icc_profile: None,
            }),
        });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings,
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        self.y -= size;
        Ok(())
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

    fn table_row_height(&mut self, cells: &[Cell<'_>], min_lines: usize) -> f32 {
        let padding = CELL_PADDING_Y_MM * PT_PER_MM;
        cells
            .iter()
            .map(|cell| {
                let lines = self.lay_out(&self.padded(cell)).len().max(min_lines);
                cell.style.leading() * lines as f32
            })
            .fold(0.0, f32::max)
            + 2.0 * padding
    }

    /// The two header lines of a [`Document::grouped_table`], ruled.
    fn grouped_header(
        &mut self,
        groups: &[HeaderGroup<'_>],
        columns: &[Column<'_>],
        bands: &[Band],
        style: Style,
    ) {
        let padding = CELL_PADDING_Y_MM * PT_PER_MM;
        // Which columns sit under a titled group, and each group's band.
        let mut spans = Vec::with_capacity(groups.len());
        let mut first = 0;
        for group in groups {
            let last = (first + group.span).min(columns.len()).max(first + 1) - 1;
            spans.push((
                group,
                first,
                last,
                Band::new(bands[first].from, bands[last].to),
            ));
            first = last + 1;
        }
        let height = |doc: &mut Document, band: Band, text: &str| {
            let cell = doc.padded(&Cell::new(band, style, text));
            doc.lay_out(&cell).len() as f32 * style.leading() + 2.0 * padding
        };
        let mut upper: f32 = 0.0;
        let mut lower: f32 = 0.0;
        let mut standing: f32 = 0.0;
        for &(group, first, last, band) in &spans {
            match group.title {
                Some(title) => {
                    upper = upper.max(height(self, band, title));
                    for column in first..=last {
                        lower = lower.max(height(self, bands[column], columns[column].header));
                    }
                }
                None => standing = standing.max(height(self, band, columns[first].header)),
            }
        }
        lower = lower.max(standing - upper);
        self.make_room(upper + lower + style.leading() * 2.0);
        let top = self.y;
        let middle = top - upper;
        let bottom = middle - lower;
        let (left, right) = Band::FULL.edges(self.orientation);
        self.stroke(&[(left, top), (right, top)]);
        self.stroke(&[(left, bottom), (right, bottom)]);
        self.stroke(&[(left, top), (left, bottom)]);
        for &(group, first, last, band) in &spans {
            let (group_left, group_right) = band.edges(self.orientation);
            self.stroke(&[(group_right, top), (group_right, bottom)]);
            let write = |doc: &mut Document, band: Band, text: &str, slot_top: f32| {
                let cell = doc.padded(&Cell::new(band, style, text));
                let mut slot_top = slot_top - padding;
                for line in doc.lay_out(&cell) {
                    doc.draw_line(&line, cell.band, style, slot_top);
                    slot_top -= style.leading();
                }
            };
            match group.title {
                Some(title) => {
                    write(self, band, title, top);
                    self.stroke(&[(group_left, middle), (group_right, middle)]);
                    for column in first..=last {
                        let (_, x) = bands[column].edges(self.orientation);
                        self.stroke(&[(x, middle), (x, bottom)]);
                        write(self, bands[column], columns[column].header, middle);
                    }
                }
                None => write(self, band, columns[first].header, top),
            }
        }
        self.y = bottom;
    }

    /// The cell's band shrunk by the horizontal cell padding.
    fn padded<'a>(&self, cell: &Cell<'a>) -> Cell<'a> {
        let inset = CELL_PADDING_X_MM / self.orientation.text_width_mm();
        Cell {
            band: Band::new(cell.band.from + inset, cell.band.to - inset),
            ..*cell
        }
    }

    /// Draws one table row with its borders at the cursor.
    fn table_row(&mut self, cells: &[Cell<'_>], min_lines: usize) {
        let height = self.table_row_height(cells, min_lines);
        self.make_room(height);
        let top = self.y;
        let bottom = top - height;
        let padding = CELL_PADDING_Y_MM * PT_PER_MM;
        for cell in cells {
            let cell = self.padded(cell);
            let mut slot_top = top - padding;
            for line in self.lay_out(&cell) {
                self.draw_line(&line, cell.band, cell.style, slot_top);
                slot_top -= cell.style.leading();
            }
        }
        let (left, right) = Band::FULL.edges(self.orientation);
        self.stroke(&[(left, top), (right, top)]);
        self.stroke(&[(left, bottom), (right, bottom)]);
        self.stroke(&[(left, top), (left, bottom)]);
        for cell in cells {
            let (_, x) = cell.band.edges(self.orientation);
            self.stroke(&[(x, top), (x, bottom)]);
        }
        self.y = bottom;
    }
}

/// Text items for a justified line: the words with their spaces, and the
/// `extra` points of slack spread over the gaps as TJ offsets (PDF word
/// spacing does not apply to two-byte glyph codes, so it cannot be used).
fn justified(text: &str, extra: f32, size: f32) -> Vec<TextItem> {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() < 2 || extra <= 0.0 {
        return vec![TextItem::Text(text.to_string())];
    }
    let per_gap = extra / (words.len() - 1) as f32;
    // TJ numbers are thousandths of an em; negative moves right.
    let offset = -(per_gap * 1000.0 / size);
    let mut items = Vec::with_capacity(words.len() * 2);
    for (i, word) in words.iter().enumerate() {
        if i + 1 < words.len() {
            items.push(TextItem::Text(format!("{word} ")));
            items.push(TextItem::Offset(offset));
        } else {
            items.push(TextItem::Text(word.to_string()));
        }
    }
    items
}

/// The band of each column: its share of the sum of the widths.
fn column_bands(columns: &[Column<'_>]) -> Vec<Band> {
    let total: f32 = columns.iter().map(|c| c.width).sum();
    let mut bands = Vec::with_capacity(columns.len());
    let mut from = 0.0;
    for column in columns {
        let to = from + column.width / total;
        bands.push(Band::new(from, to));
        from = to;
    }
    bands
}

/// Top of the text area, in points from the bottom of the page.
fn top(orientation: Orientation) -> f32 {
    (orientation.size_mm().1 - MARGINS.top) * PT_PER_MM
}

/// Bottom of the text area, in points from the bottom of the page.
fn bottom() -> f32 {
    MARGINS.bottom * PT_PER_MM
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    #[test]
    fn vietnamese_letters_have_glyphs_in_both_faces() {
        let text = "ẮẰẲẴẶĂẤẦẨẪẬÂÁÀÃẢẠĐẾỀỂỄỆÊÉÈẺẼẸÍÌỈĨỊỐỒỔỖỘÔỚỜỞỠỢƠÓÒÕỎỌỨỪỬỮỰƯÚÙỦŨỤÝỲỶỸỴ\
                    ắằẳẵặăấầẩẫậâáàãảạđếềểễệêéèẻẽẹíìỉĩịốồổỗộôớờởỡợơóòõỏọứừửữựưúùủũụýỳỷỹỵ□";
        for face in [&faces().regular, &faces().bold] {
            let missing: Vec<char> = text
                .chars()
                .filter(|&c| face.advance(c).is_none())
                .collect();
            assert!(missing.is_empty(), "no glyph for {missing:?}");
        }
    }

    #[test]
    fn long_text_wraps_within_the_margins_and_breaks_pages() {
        let mut doc = Document::new("x", date());
        let sentence = "Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật. ";
        doc.text(&sentence.repeat(200), Style::BODY.justified());
        assert!(doc.pages.len() >= 2, "expected several pages");
        let text_width = TEXT_WIDTH_MM * PT_PER_MM;
        let text = sentence.repeat(3);
        let cell = Cell::new(Band::FULL, Style::BODY, &text);
        for line in doc.lay_out(&cell) {
            assert!(faces().regular.width(&line.text, BODY_SIZE) <= text_width);
        }
    }

    #[test]
    fn dotted_fields_end_at_the_right_margin() {
        let mut doc = Document::new("x", date());
        let cell = Cell::field(Band::FULL, "Họ, chữ đệm, tên: ");
        let lines = doc.lay_out(&cell);
        assert_eq!(lines.len(), 1);
        let width = faces().regular.width(&lines[0].text, BODY_SIZE);
        let text_width = TEXT_WIDTH_MM * PT_PER_MM;
        let dot = faces().regular.width(".", BODY_SIZE);
        assert!(width <= text_width && width > text_width - dot);
    }

    #[test]
    fn unknown_characters_are_reported() {
        let mut doc = Document::new("x", date());
        doc.text("漢字", Style::BODY);
        assert!(matches!(doc.finish(), Err(DocumentError::MissingGlyphs(c)) if c == ['字', '漢']));
    }

    #[test]
    fn output_is_deterministic() {
        let render = || {
            let mut doc = Document::new("Thử", date());
            doc.text("Cộng hòa xã hội chủ nghĩa Việt Nam", Style::HEADING);
            doc.field("Họ và tên: ");
            doc.finish().unwrap()
        };
        let first = render();
        assert!(first.starts_with(b"%PDF-"));
        assert_eq!(first, render());
    }
}
