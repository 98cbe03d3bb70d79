//! The result of a procedure, generated from a simple template for the
//! seeded procedures: what was decided, for whom, on which answers, with a
//! QR code to the dossier. The specialist proposes it; once the leader
//! approves and reception returns it, it is the applicant's to download and
//! sits in their document wallet.

use super::layout::{Align, Band, Column, Document, DocumentError, Style};
use super::letterhead::{heading, Issuer};
use super::signature_block;
use chrono::NaiveDate;

/// Printed above the title of a result not yet approved.
pub const DRAFT_MARK: &str = "DỰ THẢO";
/// Where a draft's number will go.
const DRAFT_NUMBER_BLANK: &str = "      ";

pub struct ResultDocument<'a> {
    /// The deciding agency, under its governing authority.
    pub issuer: Issuer<'a>,
    /// "05/KQ-UBND" from the agency's register; `None` for the draft the
    /// leader approves (dự thảo: no number, no signature).
    pub number: Option<&'a str>,
    pub place: &'a str,
    pub issued_on: NaiveDate,
    pub code: &'a str,
    pub procedure_name: &'a str,
    pub applicant_name: &'a str,
    /// Label and answer, in the form's order.
    pub answers: &'a [(String, String)],
    pub tracking_url: &'a str,
    /// Signed with the agency's certificate: says so under the signer.
    pub signed: bool,
}

pub fn render(result: &ResultDocument<'_>) -> Result<Vec<u8>, DocumentError> {
    let mut doc = Document::new("Kết quả giải quyết thủ tục hành chính", result.issued_on);
    // A draft shows the blank its number will fill ("Số:      /KQ"), as
    // drafts of administrative documents do.
    let number = result
        .number
        .map(str::to_string)
        .unwrap_or_else(|| format!("{DRAFT_NUMBER_BLANK}/KQ"));
    heading(
        &mut doc,
        &result.issuer,
        Some(&number),
        result.place,
        result.issued_on,
    );
    if result.number.is_none() {
        doc.text(DRAFT_MARK, Style::BODY.bold().centered());
    }
    doc.text("KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", Style::TITLE);
    doc.text(
        &result.procedure_name.to_uppercase(),
        Style::BODY.bold().centered(),
    );
    doc.gap(2.0);
    doc.text(
        &format!(
            "{} giải quyết hồ sơ {} của Ông/Bà {} với nội dung sau:",
            result.issuer.name, result.code, result.applicant_name
        ),
        Style::BODY,
    );
    let rows: Vec<Vec<&str>> = result
        .answers
        .iter()
        .map(|(label, answer)| vec![label.as_str(), answer.as_str()])
        .collect();
    doc.table(
        &[
            Column {
                header: "Nội dung",
                width: 0.4,
                align: Align::Left,
            },
            Column {
                header: "Thông tin",
                width: 0.6,
                align: Align::Left,
            },
        ],
        &rows,
        0,
    );
    doc.text(
        "Văn bản điện tử có giá trị như bản giấy. Kiểm tra tính xác thực bằng cách quét mã QR:",
        Style::NOTE,
    );
    doc.gap(1.0);
    doc.qr_code(result.tracking_url, 28.0)?;
    if result.signed {
        doc.gap(4.0);
        doc.stacks(&[signature_block::block(
            Band::RIGHT_HALF,
            "LÃNH ĐẠO CƠ QUAN",
            signature_block::ELECTRONICALLY,
            result.issuer.name,
        )]);
    }
    doc.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_renders_with_its_answers() {
        let answers = vec![
            (
                "Họ, chữ đệm, tên".to_string(),
                "Nguyễn Minh Khang".to_string(),
            ),
            (
                "Nơi cư trú".to_string(),
                "Số 5, phố Lê Thánh Tông, Phường Hồng Gai, Tỉnh Quảng Ninh".to_string(),
            ),
        ];
        let pdf = render(&ResultDocument {
            issuer: Issuer {
                governing: None,
                name: "Ủy ban nhân dân phường Hồng Gai",
            },
            number: Some("05/KQ-UBND"),
            place: "Quảng Ninh",
            issued_on: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
            code: "000.01.40.H34-261122-0001",
            procedure_name: "Đăng ký khai sinh",
            applicant_name: "Vũ Thị Công Dân",
            answers: &answers,
            tracking_url: "http://127.0.0.1:3000/tra-cuu?ma=000.01.40.H34-261122-0001",
            signed: false,
        })
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
