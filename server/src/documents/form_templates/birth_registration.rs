//! Tờ khai đăng ký khai sinh.

use crate::documents::layout::{Band, Cell, Style};

use super::pieces::{
    finish, national_header, new_document, notes, place_and_date, signature_space,
    IDENTITY_DOCUMENT_NOTE, RESIDENCE_NOTE, SIGNATURE_NOTE,
};
use super::FormTemplate;

/// Tờ khai đăng ký khai sinh.
pub fn birth_registration_form() -> Vec<u8> {
    let mut doc = new_document(FormTemplate::BirthRegistration);
    national_header(&mut doc);
    doc.text(FormTemplate::BirthRegistration.title(), Style::TITLE);
    doc.gap(2.0);

    doc.field("Kính gửi: (1) ");
    doc.field("Họ, chữ đệm, tên người yêu cầu: ");
    doc.field("Nơi cư trú: (2) ");
    doc.field("Giấy tờ tùy thân: (3) ");
    doc.field("Quan hệ với người được khai sinh: ");
    doc.text(
        "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:",
        Style::BODY.bold(),
    );
    doc.field("Họ, chữ đệm, tên: ");
    doc.fields(&[("Ngày, tháng, năm sinh: ", 0.5), ("ghi bằng chữ: ", 0.5)]);
    doc.fields(&[
        ("Giới tính: ", 0.3),
        ("Dân tộc: ", 0.3),
        ("Quốc tịch: ", 0.4),
    ]);
    doc.field("Nơi sinh: (4) ");
    doc.field("Quê quán: ");
    doc.field("Số định danh cá nhân: ");
    doc.field("Họ, chữ đệm, tên người mẹ: ");
    doc.fields(&[
        ("Năm sinh: ", 0.3),
        ("Dân tộc: ", 0.3),
        ("Quốc tịch: ", 0.4),
    ]);
    doc.field("Nơi cư trú: (2) ");
    doc.field("Họ, chữ đệm, tên người cha: ");
    doc.fields(&[
        ("Năm sinh: ", 0.3),
        ("Dân tộc: ", 0.3),
        ("Quốc tịch: ", 0.4),
    ]);
    doc.field("Nơi cư trú: (2) ");
    doc.gap(1.0);
    doc.text(
        "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, \
         được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.\n\
         Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.",
        Style::BODY.justified().indent(10.0),
    );

    place_and_date(&mut doc);
    let left = Band::new(0.0, 0.5);
    doc.row(&[
        Cell::new(
            left,
            Style::BODY.spacing(1.3),
            "Đề nghị cấp bản sao: (5) Có □, Không □",
        ),
        Cell::new(Band::RIGHT_HALF, Style::HEADING, "Người yêu cầu"),
    ]);
    doc.row(&[
        Cell::new(left, Style::BODY.spacing(1.3), "Số lượng: ........ bản"),
        Cell::new(
            Band::RIGHT_HALF,
            SIGNATURE_NOTE,
            "(Ký, ghi rõ họ, chữ đệm, tên)",
        ),
    ]);
    signature_space(&mut doc, &[Band::RIGHT_HALF]);

    notes(
        &mut doc,
        &[
            "(1) Ghi rõ tên cơ quan đăng ký khai sinh.",
            RESIDENCE_NOTE,
            IDENTITY_DOCUMENT_NOTE,
            "(4) Sinh tại cơ sở khám bệnh, chữa bệnh thì ghi tên và địa chỉ cơ sở đó; sinh \
             ở nơi khác thì ghi tên đơn vị hành chính cấp xã, cấp tỉnh nơi sinh.",
            "(5) Đánh dấu X vào ô tương ứng nếu có yêu cầu cấp bản sao Trích lục khai sinh \
             và ghi rõ số lượng.",
        ],
    );
    finish(doc)
}
