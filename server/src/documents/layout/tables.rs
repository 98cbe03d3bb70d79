//! Ruled tables: a plain header row, or a two-level grouped header.

use super::{bottom, Band, Cell, Column, Document, HeaderGroup, Style, BODY_SIZE, PT_PER_MM};

/// Horizontal padding inside a table cell, in millimetres.
const CELL_PADDING_X_MM: f32 = 1.5;
/// Vertical padding inside a table cell, in millimetres.
const CELL_PADDING_Y_MM: f32 = 0.8;

impl Document {
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
