//! QR codes drawn as vector squares.

use printpdf::{
    Color, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, Rgb, WindingOrder,
};

use super::{Band, Cell, Document, DocumentError, Style, MARGINS, PT_PER_MM};

impl Document {
    /// A QR code of `data` at the right margin with `text` wrapped in the
    /// room left of it; the next content goes below both.
    pub fn qr_code_beside(
        &mut self,
        data: &str,
        size_mm: f32,
        text: &str,
        style: Style,
    ) -> Result<(), DocumentError> {
        let size = size_mm * PT_PER_MM;
        if self.y - size < MARGINS.bottom * PT_PER_MM {
            self.page_break();
        }
        let top = self.y;
        self.qr_code(data, size_mm)?;
        let below_code = self.y;
        self.y = top;
        let room = 1.0 - (size_mm + 4.0) / self.orientation.text_width_mm();
        self.row(&[Cell::new(Band::new(0.0, room), style, text)]);
        self.y = self.y.min(below_code);
        Ok(())
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
}
