//! Blank application forms (tờ khai) citizens can download, print and fill
//! in by hand.
//!
//! The forms follow the official templates closely (field order and wording);
//! they are a convenience copy, not the legal text: the procedure pages cite
//! the circular each one comes from. The PDFs are generated once and served as
//! static files from `public/mau-don/`; `cargo run -p server --bin
//! render_form_templates` regenerates them after a change here.

use chrono::NaiveDate;

use super::layout::{text_width_mm, Align, Band, Cell, Column, Document, Style};

/// The date written into the files' properties. Change it together with the
/// forms, so a regenerated file says when its content last changed.
const REVISED: (i32, u32, u32) = (2026, 11, 22);

/// The "(Ký, ghi rõ họ, chữ đệm, tên)" line under a signature title.
const SIGNATURE_NOTE: Style = Style::HEADING.regular();

/// Where the files live under `public/` and under the site root.
pub const DIRECTORY: &str = "mau-don";

/// The downloadable forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormTemplate {
    /// Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP, amended by 04/2024/TT-BTP).
    BirthRegistration,
    /// Tờ khai đăng ký kết hôn (same circulars).
    MarriageRegistration,
    /// Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP).
    CriminalRecordCertificate,
}

impl FormTemplate {
    pub const ALL: [FormTemplate; 3] = [
        FormTemplate::BirthRegistration,
        FormTemplate::MarriageRegistration,
        FormTemplate::CriminalRecordCertificate,
    ];

    /// File name under [`DIRECTORY`].
    pub fn file_name(self) -> &'static str {
        match self {
            FormTemplate::BirthRegistration => "to-khai-dang-ky-khai-sinh.pdf",
            FormTemplate::MarriageRegistration => "to-khai-dang-ky-ket-hon.pdf",
            FormTemplate::CriminalRecordCertificate => "to-khai-cap-phieu-ly-lich-tu-phap.pdf",
        }
    }

    /// Path of the file on the site: `/mau-don/<file>`.
    pub fn url(self) -> String {
        format!("/{DIRECTORY}/{}", self.file_name())
    }

    /// The title printed on the form.
    pub fn title(self) -> &'static str {
        match self {
            FormTemplate::BirthRegistration => "TỜ KHAI ĐĂNG KÝ KHAI SINH",
            FormTemplate::MarriageRegistration => "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
            FormTemplate::CriminalRecordCertificate => "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
        }
    }

    /// The form as PDF bytes.
    pub fn render(self) -> Vec<u8> {
        match self {
            FormTemplate::BirthRegistration => birth_registration_form(),
            FormTemplate::MarriageRegistration => marriage_registration_form(),
            FormTemplate::CriminalRecordCertificate => criminal_record_request_form(),
        }
    }
}

/// Notes (2) and (3) read the same on the birth and the marriage forms.
const RESIDENCE_NOTE: &str =
    "(2) Ghi theo nơi đăng ký thường trú; nếu không có nơi thường trú thì ghi \
     theo nơi đăng ký tạm trú; nếu không có cả hai thì ghi theo nơi đang sinh sống.";
const IDENTITY_DOCUMENT_NOTE: &str =
    "(3) Ghi loại giấy tờ tùy thân (thẻ Căn cước, Căn cước công dân, Hộ \
     chiếu…), số, cơ quan cấp, ngày cấp; hoặc ghi số định danh cá nhân.";

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

// ---- shared pieces ----------------------------------------------------------

fn new_document(form: FormTemplate) -> Document {
    let (year, month, day) = REVISED;
    let date = NaiveDate::from_ymd_opt(year, month, day).expect("REVISED is a real date");
    Document::new(&sentence_case(form.title()), date)
}

/// "TỜ KHAI ĐĂNG KÝ KHAI SINH" → "Tờ khai đăng ký khai sinh", for the file's title.
fn sentence_case(title: &str) -> String {
    let lower = title.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Quốc hiệu and tiêu ngữ, with the rule under the motto.
fn national_header(doc: &mut Document) {
    const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
    doc.text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Style::HEADING);
    doc.text(MOTTO, Style::HEADING);
    doc.rule(Band::FULL, text_width_mm(MOTTO, Style::HEADING));
    doc.gap(4.0);
}

/// "Làm tại: ..., ngày ... tháng ... năm ..." on the right, above the signatures.
fn place_and_date(doc: &mut Document) {
    doc.gap(1.0);
    doc.row(&[Cell::new(
        Band::new(0.3, 1.0),
        Style::BODY.centered(),
        "Làm tại: ............, ngày ..... tháng ..... năm .........",
    )]);
}

/// Room to sign, then a dotted line for the name under each signature.
fn signature_space(doc: &mut Document, bands: &[Band]) {
    doc.gap(14.0);
    let line = "..................................................";
    let cells: Vec<Cell<'_>> = bands
        .iter()
        .map(|band| Cell::new(*band, Style::BODY.centered().spacing(1.2), line))
        .collect();
    doc.row(&cells);
}

/// The numbered explanations at the foot of the form.
fn notes(doc: &mut Document, notes: &[&str]) {
    doc.gap(3.0);
    doc.text("Chú thích:", Style::NOTE.bold());
    for note in notes {
        doc.text(note, Style::NOTE);
    }
}

fn finish(doc: Document) -> Vec<u8> {
    doc.finish()
        .expect("the form templates use only characters the embedded fonts have")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_renders() {
        for form in FormTemplate::ALL {
            let pdf = form.render();
            assert!(pdf.starts_with(b"%PDF-"), "{form:?}");
            assert!(form.url().starts_with("/mau-don/"));
        }
    }

    #[test]
    fn titles_become_sentence_case() {
        assert_eq!(
            sentence_case("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
            "Tờ khai đăng ký khai sinh"
        );
    }
}
