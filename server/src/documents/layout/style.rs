//! How a block of text looks: face weight, size, alignment and spacing.

use super::{BODY_SIZE, NOTE_SIZE};

/// Which of the embedded faces: regular, bold, or italic (the place and
/// date of an administrative document are set in italics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
    Italic,
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
    pub const fn italic(self) -> Style {
        Style {
            weight: Weight::Italic,
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
    pub(super) fn leading(&self) -> f32 {
        self.size * self.spacing
    }
}
