//! Tờ khai đăng ký kết hôn.

use crate::documents::layout::{Align, Band, Cell, Column, Style};

use super::pieces::{
    finish, national_header, new_document, notes, place_and_date, signature_space,
    IDENTITY_DOCUMENT_NOTE, RESIDENCE_NOTE, SIGNATURE_NOTE,
};
use super::FormTemplate;

/// Tờ khai đăng ký kết hôn: the two parties side by side, as on the official form.
pub fn marriage_registration_form() -> Vec<u8> {
    let mut doc = new_document(FormTemplate::MarriageRegistration);
    national_header(&mut doc);
    doc.text(FormTemplate::MarriageRegistration.title(), Style::TITLE);
    doc.gap(2.0);

    doc.field("Kính gửi: (1) ");
    doc.gap(2.0);
    let rows: Vec<Vec<&str>> = [
        "Họ, chữ đệm, tên",
        "Ngày, tháng, năm sinh",
        "Dân tộc",
        "Quốc tịch",
        "Nơi cư trú (2)",
        "Giấy tờ tùy thân (3)",
        "Kết hôn lần thứ mấy",
    ]
    .into_iter()
    .map(|label| vec![label])
    .collect();
    doc.table(
        &[
            Column {
                header: "Thông tin",
                width: 0.28,
                align: Align::Left,
            },
            Column {
                header: "Bên nữ",
                width: 0.36,
                align: Align::Left,
            },
            Column {
                header: "Bên nam",
                width: 0.36,
                align: Align::Left,
            },
        ],
        &rows,
        2,
    );
    doc.gap(3.0);
    doc.text(
        "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của \
         chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình \
         Việt Nam.\n\
         Chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.\n\
         Đề nghị Quý cơ quan đăng ký.",
        Style::BODY.justified().indent(10.0),
    );

    place_and_date(&mut doc);
    doc.row(&[
        Cell::new(Band::LEFT_HALF, Style::HEADING, "Bên nữ"),
        Cell::new(Band::RIGHT_HALF, Style::HEADING, "Bên nam"),
    ]);
    doc.row(&[
        Cell::new(
            Band::LEFT_HALF,
            SIGNATURE_NOTE,
            "(Ký, ghi rõ họ, chữ đệm, tên)",
        ),
        Cell::new(
            Band::RIGHT_HALF,
            SIGNATURE_NOTE,
            "(Ký, ghi rõ họ, chữ đệm, tên)",
        ),
    ]);
    signature_space(&mut doc, &[Band::LEFT_HALF, Band::RIGHT_HALF]);
    doc.text(
        "Đề nghị cấp bản sao: (4) Có □, Không □. Số lượng: ........ bản",
        Style::BODY,
    );

    notes(
        &mut doc,
        &[
            "(1) Ghi rõ tên cơ quan đăng ký kết hôn.",
            RESIDENCE_NOTE,
            IDENTITY_DOCUMENT_NOTE,
            "(4) Đánh dấu X vào ô tương ứng nếu có yêu cầu cấp bản sao Trích lục kết hôn \
             và ghi rõ số lượng.",
        ],
    );
    finish(doc)
}
