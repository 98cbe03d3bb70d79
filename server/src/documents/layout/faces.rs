//! The three embedded Liberation Serif faces and the glyph measurements the
//! layout wraps lines with.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont};

use super::{Style, Weight, PT_PER_MM};

const REGULAR_TTF: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf");
const ITALIC_TTF: &[u8] = include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf");

/// One embedded face with the metrics the layout needs.
pub(super) struct Face {
    pub(super) font: ParsedFont,
    /// Resource name in the PDF; its first six letters become the subset tag.
    pub(super) id: FontId,
    pub(super) units_per_em: f32,
    /// Ascender and descender as fractions of the em (descender positive).
    pub(super) ascent: f32,
    pub(super) descent: f32,
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
    pub(super) fn advance(&self, c: char) -> Option<i64> {
        let gid = self.font.lookup_glyph_index(c as u32)?;
        let advance = self.font.get_horizontal_advance(gid);
        Some((f32::from(advance) * 1000.0 / self.units_per_em) as i64)
    }

    /// Width of a string in points at `size`; a missing glyph counts as half an em.
    pub(super) fn width(&self, text: &str, size: f32) -> f32 {
        let thousandths: i64 = text.chars().map(|c| self.advance(c).unwrap_or(500)).sum();
        thousandths as f32 * size / 1000.0
    }
}

pub(super) struct Faces {
    pub(super) regular: Face,
    pub(super) bold: Face,
    pub(super) italic: Face,
}

impl Faces {
    pub(super) fn get(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
            Weight::Italic => &self.italic,
        }
    }
}

/// The three faces, parsed once per process.
pub(super) fn faces() -> &'static Faces {
    static FACES: OnceLock<Faces> = OnceLock::new();
    FACES.get_or_init(|| Faces {
        regular: Face::load(REGULAR_TTF, "LSERIF"),
        bold: Face::load(BOLD_TTF, "LSERBD"),
        italic: Face::load(ITALIC_TTF, "LSERIT"),
    })
}

/// Width of `text` in millimetres when set in `style`'s face and size.
pub fn text_width_mm(text: &str, style: Style) -> f32 {
    faces().get(style.weight).width(text, style.size) / PT_PER_MM
}
