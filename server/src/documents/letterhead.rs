//! The head of every administrative document the portal issues: the
//! agency's name top left, the national name and motto top right, then the
//! number and the place and date (Decree 30/2020 layout).

use super::layout::{text_width_mm, Band, Cell, Document, Style};
use chrono::NaiveDate;

pub fn letterhead(doc: &mut Document, agency_name: &str, number: &str, place: &str, on: NaiveDate) {
    const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    let agency = agency_name.to_uppercase();
    doc.row(&[
        Cell::new(Band::new(0.0, 0.42), Style::HEADING, &agency),
        Cell::new(
            Band::new(0.42, 1.0),
            Style::HEADING,
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ),
    ]);
    doc.rule(Band::new(0.42, 1.0), text_width_mm(MOTTO, Style::HEADING));
    doc.gap(2.0);
    let number = format!("Số: {number}");
    let date = format!(
        "{place}, ngày {} tháng {} năm {}",
        on.format("%d"),
        on.format("%m"),
        on.format("%Y")
    );
    doc.row(&[
        Cell::new(Band::new(0.0, 0.42), Style::BODY.centered(), &number),
        Cell::new(
            Band::new(0.42, 1.0),
            Style::BODY.centered().regular(),
            &date,
        ),
    ]);
    doc.gap(4.0);
}
