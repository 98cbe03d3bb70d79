//! Wrapped text, dotted blanks and rows of side-by-side blocks.

use printpdf::{Op, PdfFontHandle, Pt, TextItem, TextMatrix};

use super::faces::faces;
use super::{Align, Band, Cell, Document, Stack, Style, BODY_SIZE, PT_PER_MM};

/// Space between two blanks sharing a line, in millimetres.
const FIELD_GAP_MM: f32 = 1.5;
/// A dotted blank shorter than this (in dots) moves to a line of its own.
const MIN_FILL_DOTS: usize = 8;

/// How far a rule moves the cursor down, in points.
const RULE_ROOM: f32 = 5.0;

/// The character used for blanks, repeated: "........".
const DOT: char = '.';

/// One line produced by wrapping.
pub(super) struct LaidLine {
    pub(super) text: String,
    /// Offset from the band's left edge (first-line indent), in points.
    pub(super) indent: f32,
    /// Whether more lines of the same paragraph follow (justification applies).
    pub(super) continues: bool,
}

impl Document {
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

    /// Blocks of lines side by side, each drawn from the same top down its
    /// own band with an optional short rule right under its last line (the
    /// two columns of a document's heading). The cursor ends under the
    /// tallest.
    pub fn stacks(&mut self, stacks: &[Stack<'_>]) {
        let laid: Vec<Vec<(Style, Vec<LaidLine>)>> = stacks
            .iter()
            .map(|stack| {
                stack
                    .lines
                    .iter()
                    .map(|&(style, text)| {
                        (style, self.lay_out(&Cell::new(stack.band, style, text)))
                    })
                    .collect()
            })
            .collect();
        let height = |lines: &Vec<(Style, Vec<LaidLine>)>| -> f32 {
            lines
                .iter()
                .map(|(style, lines)| style.leading() * lines.len() as f32)
                .sum()
        };
        let tallest = laid.iter().map(height).fold(0.0, f32::max);
        self.make_room(tallest + RULE_ROOM);
        let top = self.y;
        let mut lowest = top;
        for (stack, blocks) in stacks.iter().zip(&laid) {
            self.y = top;
            for (style, lines) in blocks {
                for line in lines {
                    self.draw_line(line, stack.band, *style, self.y);
                    self.y -= style.leading();
                }
            }
            if let Some(width) = stack.rule {
                self.rule(stack.band, width);
            }
            lowest = lowest.min(self.y);
        }
        self.y = lowest;
    }

    /// A short horizontal rule centered in `band`, just under the previous
    /// line (the line under the national motto), `width` millimetres long.
    pub fn rule(&mut self, band: Band, width: f32) {
        let (left, right) = band.edges(self.orientation);
        let center = (left + right) / 2.0;
        let half = width * PT_PER_MM / 2.0;
        let y = self.y - 1.5;
        self.stroke(&[(center - half, y), (center + half, y)]);
        self.y -= RULE_ROOM;
    }

    /// Wraps a cell's text to its band.
    pub(super) fn lay_out(&mut self, cell: &Cell<'_>) -> Vec<LaidLine> {
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
    pub(super) fn draw_line(&mut self, line: &LaidLine, band: Band, style: Style, slot_top: f32) {
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
