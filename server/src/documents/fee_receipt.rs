//! Biên lai thu phí, lệ phí: the receipt for a settled payment, with the
//! amount in figures and in words.

use super::layout::{Align, Column, Document, DocumentError, Style};
use app::money::{in_words, Vnd};
use chrono::NaiveDate;

pub struct FeeReceipt<'a> {
    pub agency_name: &'a str,
    pub place: &'a str,
    pub issued_on: NaiveDate,
    pub receipt_number: &'a str,
    pub payer_name: &'a str,
    pub dossier_code: &'a str,
    pub procedure_name: &'a str,
    /// Description, quantity, amount.
    pub lines: &'a [(String, u32, Vnd)],
    /// The exemption applied, in words, and its discount.
    pub exemption: Option<(String, Vnd)>,
    pub total: Vnd,
    /// "Trực tuyến qua Ngân hàng thử nghiệm, mã giao dịch …", "Tiền mặt tại bộ phận một cửa".
    pub method: &'a str,
    /// `HH:MM dd/mm/yyyy`.
    pub paid_at: &'a str,
}

pub fn render(receipt: &FeeReceipt<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Biên lai thu phí, lệ phí", receipt.issued_on);
    super::letterhead::letterhead(
        &mut doc,
        receipt.agency_name,
        receipt.receipt_number,
        receipt.place,
        receipt.issued_on,
    );
    doc.text("BIÊN LAI THU PHÍ, LỆ PHÍ", Style::TITLE);
    doc.gap(2.0);
    doc.text(
        &format!("Số biên lai: {}", receipt.receipt_number),
        Style::BODY.bold(),
    );
    doc.text(&format!("Người nộp: {}", receipt.payer_name), Style::BODY);
    doc.text(&format!("Mã hồ sơ: {}", receipt.dossier_code), Style::BODY);
    doc.text(&format!("Thủ tục: {}", receipt.procedure_name), Style::BODY);
    let lines: Vec<[String; 3]> = receipt
        .lines
        .iter()
        .map(|(description, quantity, amount)| {
            [
                description.clone(),
                quantity.to_string(),
                amount.to_string(),
            ]
        })
        .chain(receipt.exemption.iter().map(|(name, discount)| {
            [
                format!("Miễn, giảm: {name}"),
                String::new(),
                format!("-{discount}"),
            ]
        }))
        .chain(std::iter::once([
            "Tổng cộng".to_string(),
            String::new(),
            receipt.total.to_string(),
        ]))
        .collect();
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map(|line| line.iter().map(String::as_str).collect())
        .collect();
    doc.table(
        &[
            Column {
                header: "Nội dung thu",
                width: 0.6,
                align: Align::Left,
            },
            Column {
                header: "Số lượng",
                width: 0.15,
                align: Align::Center,
            },
            Column {
                header: "Số tiền",
                width: 0.25,
                align: Align::Right,
            },
        ],
        &rows,
        0,
    );
    doc.gap(2.0);
    doc.text(
        &format!("Số tiền bằng chữ: {}.", in_words(receipt.total)),
        Style::BODY,
    );
    doc.text(
        &format!("Hình thức thanh toán: {}", receipt.method),
        Style::BODY,
    );
    doc.text(
        &format!("Thời gian thanh toán: {}", receipt.paid_at),
        Style::BODY,
    );
    doc.gap(4.0);
    doc.text(
        "Biên lai điện tử do Cổng dịch vụ công Một Cửa lập khi khoản thu đã được xác nhận.",
        Style::NOTE,
    );
    doc.finish()
}
