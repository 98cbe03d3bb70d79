//! Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp.

use crate::documents::layout::{Align, Band, Cell, Column, Style};

use super::pieces::{
    finish, national_header, new_document, notes, signature_space, SIGNATURE_NOTE,
};
use super::FormTemplate;

/// Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (for a person applying for themself).
pub fn criminal_record_request_form() -> Vec<u8> {
    let mut doc = new_document(FormTemplate::CriminalRecordCertificate);
    doc.text("Mẫu số 03/2013/TT-LLTP", Style::BODY.right().spacing(1.2));
    national_header(&mut doc);
    doc.text(
        FormTemplate::CriminalRecordCertificate.title(),
        Style::TITLE.spacing(1.3),
    );
    doc.text(
        "(Dùng cho cá nhân có yêu cầu cấp Phiếu lý lịch tư pháp)",
        Style::BODY.centered().spacing(1.3),
    );
    doc.gap(2.0);

    doc.field("1. Họ và tên: (1) ");
    doc.field("2. Tên gọi khác (nếu có): ");
    doc.fields(&[
        ("3. Giới tính: ", 0.35),
        ("4. Ngày, tháng, năm sinh: ", 0.65),
    ]);
    doc.field("5. Nơi sinh: (2) ");
    doc.fields(&[("6. Quốc tịch: ", 0.5), ("7. Dân tộc: ", 0.5)]);
    doc.field("8. Nơi thường trú: (3) ");
    doc.field("9. Nơi tạm trú: (3) ");
    doc.fields(&[
        ("10. Giấy CMND/Hộ chiếu/Thẻ căn cước: (4) ", 0.72),
        ("Số: ", 0.28),
    ]);
    doc.field("Cấp ngày ..... tháng ..... năm ........ Tại: ");
    doc.field("11. Họ và tên cha: ");
    doc.field("12. Họ và tên mẹ: ");
    doc.field("13. Họ và tên vợ/chồng: ");
    doc.field("14. Số điện thoại/e-mail: ");

    doc.gap(2.0);
    doc.text("QUÁ TRÌNH CƯ TRÚ CỦA BẢN THÂN", Style::HEADING);
    doc.text(
        "(Kể từ khi đủ 14 tuổi)",
        Style::BODY.centered().spacing(1.3),
    );
    doc.gap(1.0);
    let blank_rows: Vec<Vec<&str>> = vec![Vec::new(); 5];
    doc.table(
        &[
            Column {
                header: "Từ ngày, tháng, năm đến ngày, tháng, năm",
                width: 0.3,
                align: Align::Left,
            },
            Column {
                header: "Nơi cư trú (thường trú/tạm trú)",
                width: 0.35,
                align: Align::Left,
            },
            Column {
                header: "Nghề nghiệp, nơi làm việc (5)",
                width: 0.35,
                align: Align::Left,
            },
        ],
        &blank_rows,
        2,
    );
    doc.gap(3.0);

    doc.field_lines("Tình trạng án tích: (6) ", 1);
    doc.row(&[
        Cell::new(
            Band::new(0.0, 0.6),
            Style::BODY,
            "Yêu cầu cấp Phiếu lý lịch tư pháp:",
        ),
        Cell::new(Band::new(0.6, 0.8), Style::BODY, "Số 1 □"),
        Cell::new(Band::new(0.8, 1.0), Style::BODY, "Số 2 □"),
    ]);
    doc.row(&[
        Cell::new(
            Band::new(0.0, 0.6),
            Style::BODY,
            "Yêu cầu xác nhận về việc cấm đảm nhiệm chức vụ, thành lập, quản lý doanh \
             nghiệp, hợp tác xã: (7)",
        ),
        Cell::new(Band::new(0.6, 0.8), Style::BODY, "Có □"),
        Cell::new(Band::new(0.8, 1.0), Style::BODY, "Không □"),
    ]);
    doc.field_lines("Mục đích sử dụng Phiếu lý lịch tư pháp: (8) ", 1);
    doc.field("Số lượng Phiếu lý lịch tư pháp yêu cầu cấp: ");
    doc.gap(1.0);
    doc.text(
        "Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm về \
         lời khai của mình.",
        Style::BODY.justified().indent(10.0),
    );

    doc.gap(2.0);
    doc.row(&[Cell::new(
        Band::new(0.4, 1.0),
        Style::BODY.centered(),
        "............, ngày ..... tháng ..... năm .........",
    )]);
    doc.row(&[Cell::new(Band::RIGHT_HALF, Style::HEADING, "Người khai")]);
    doc.row(&[Cell::new(
        Band::RIGHT_HALF,
        SIGNATURE_NOTE,
        "(Ký, ghi rõ họ tên)",
    )]);
    signature_space(&mut doc, &[Band::RIGHT_HALF]);

    notes(
        &mut doc,
        &[
            "(1) Viết bằng chữ in hoa, đủ dấu.",
            "(2) Ghi rõ xã/phường/đặc khu, tỉnh/thành phố nơi sinh.",
            "(3) Ghi rõ số nhà, đường phố, thôn/tổ dân phố, xã/phường/đặc khu, \
             tỉnh/thành phố; có cả nơi thường trú và nơi tạm trú thì ghi cả hai.",
            "(4) Ghi rõ loại giấy tờ: Giấy chứng minh nhân dân, Hộ chiếu, thẻ Căn cước công \
             dân hoặc thẻ Căn cước.",
            "(5) Ghi nghề nghiệp và nơi làm việc trong từng thời gian cư trú (ví dụ: học \
             sinh, sinh viên, công chức, lao động tự do…).",
            "(6) Ghi rõ đã bị kết án hay chưa; nếu đã bị kết án thì ghi rõ tội danh, hình \
             phạt, bản án và việc đã được xóa án tích hay chưa.",
            "(7) Chỉ đánh dấu khi cần xác nhận thông tin về việc cấm đảm nhiệm chức vụ, \
             thành lập, quản lý doanh nghiệp, hợp tác xã theo quyết định tuyên bố phá sản.",
            "(8) Ghi rõ mục đích sử dụng, ví dụ: bổ sung hồ sơ xin việc, xuất khẩu lao động, \
             xin thị thực…",
        ],
    );
    finish(doc)
}
