//! The demo's blank forms (`server/seed/templates/`, offered by documents
//! of `seed/procedures.json`): the Vietnamese text of the forms of
//! Circular 04/2020/TT-BTP and form 03/2013/TT-LLTP survives in the
//! PDF (checked with poppler's `pdftotext`).
//!
//! Needs no database. Needs `pdftotext` (Debian/Ubuntu: `poppler-utils`).

use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_normalization::UnicodeNormalization;

/// Phrases each form must contain, as a reader would copy them out.
fn key_phrases(file: &str) -> &'static [&'static str] {
    match file {
        "to-khai-dang-ky-khai-sinh.pdf" => &[
            "Kính gửi:",
            "Họ, chữ đệm, tên người yêu cầu:",
            "Nơi cư trú:",
            "Giấy tờ tùy thân:",
            "Quan hệ với người được khai sinh:",
            "Ngày, tháng, năm sinh:",
            "Giới tính:",
            "Dân tộc:",
            "Quốc tịch:",
            "Nơi sinh:",
            "Quê quán:",
            "Số định danh cá nhân:",
            "Họ, chữ đệm, tên người mẹ:",
            "Họ, chữ đệm, tên người cha:",
            "Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật, \
             được sự thỏa thuận nhất trí của các bên liên quan theo quy định pháp luật.",
            "Tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.",
            "Làm tại:",
            "ngày ..... tháng ..... năm",
            "Người yêu cầu",
            "(Ký, ghi rõ họ, chữ đệm, tên)",
        ],
        "to-khai-dang-ky-ket-hon.pdf" => &[
            "Kính gửi:",
            "Thông tin",
            "Bên nữ",
            "Bên nam",
            "Họ, chữ đệm, tên",
            "Ngày, tháng, năm sinh",
            "Nơi cư trú",
            "Giấy tờ tùy thân",
            "Kết hôn lần thứ mấy",
            "Chúng tôi cam đoan những lời khai trên đây là đúng sự thật, việc kết hôn của \
             chúng tôi là tự nguyện, không vi phạm quy định của Luật Hôn nhân và gia đình \
             Việt Nam.",
            "Chúng tôi chịu hoàn toàn trách nhiệm trước pháp luật về nội dung cam đoan của mình.",
            "(Ký, ghi rõ họ, chữ đệm, tên)",
        ],
        "to-khai-cap-phieu-ly-lich-tu-phap.pdf" => &[
            "Mẫu số 03/2013/TT-LLTP",
            "Họ và tên:",
            "Giới tính:",
            "Nơi thường trú:",
            "Nơi tạm trú:",
            "Giấy CMND/Hộ chiếu/Thẻ căn cước:",
            "Họ và tên cha:",
            "Họ và tên mẹ:",
            "Họ và tên vợ/chồng:",
            "QUÁ TRÌNH CƯ TRÚ CỦA BẢN THÂN",
            "(Kể từ khi đủ 14 tuổi)",
            "Tình trạng án tích:",
            "Yêu cầu cấp Phiếu lý lịch tư pháp:",
            "Số 1 □",
            "Số 2 □",
            "Mục đích sử dụng Phiếu lý lịch tư pháp:",
            "Số lượng Phiếu lý lịch tư pháp yêu cầu cấp:",
            "Tôi xin cam đoan những lời khai trên là đúng sự thật và chịu trách nhiệm về \
             lời khai của mình.",
            "Người khai",
        ],
        other => panic!("{other}: a seeded blank form without the phrases to check it by"),
    }
}

/// Each form's title, on a line of its own.
fn title(file: &str) -> &'static str {
    match file {
        "to-khai-dang-ky-khai-sinh.pdf" => "TỜ KHAI ĐĂNG KÝ KHAI SINH",
        "to-khai-dang-ky-ket-hon.pdf" => "TỜ KHAI ĐĂNG KÝ KẾT HÔN",
        _ => "TỜ KHAI YÊU CẦU CẤP PHIẾU LÝ LỊCH TƯ PHÁP",
    }
}

/// `pdftotext -layout` of a PDF, NFC-normalised.
fn extract_text(pdf: &[u8], name: &str) -> String {
    let path = std::env::temp_dir().join(format!("motcua-{}-{name}", std::process::id()));
    std::fs::write(&path, pdf).expect("write the PDF to a temporary file");
    let output = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output();
    let _ = std::fs::remove_file(&path);
    let output = output.expect("pdftotext must be installed (apt-get install poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("pdftotext writes UTF-8")
        .nfc()
        .collect()
}

/// Runs of whitespace (line breaks of wrapped text, layout padding) as one space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seed_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seed")
}

/// The blank forms the seed catalogue offers (`document.template`).
fn seeded_templates() -> Vec<String> {
    let seed = seed_folder().join("procedures.json");
    let seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seed).unwrap()).unwrap();
    seed["procedures"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|procedure| procedure["documents"].as_array().unwrap().iter())
        .filter_map(|document| document["template"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn vietnamese_text_comes_back_out_of_every_seeded_form() {
    let files = seeded_templates();
    assert_eq!(
        files.len(),
        3,
        "the demo offers three blank forms: {files:?}"
    );
    for file in files {
        let pdf = std::fs::read(seed_folder().join("templates").join(&file)).unwrap();
        let text = extract_text(&pdf, &file);
        assert!(!text.contains('\u{FFFD}'), "{file}: unmapped glyphs");

        // Header and title each stand on a line of their own, exactly.
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for heading in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            title(&file),
        ] {
            assert!(
                lines.contains(&heading),
                "{file}: no line {heading:?} in\n{text}"
            );
        }

        // Sentences may wrap, so compare with whitespace collapsed.
        let flowing = collapse_whitespace(&text);
        for phrase in key_phrases(&file) {
            let phrase = collapse_whitespace(&phrase.nfc().collect::<String>());
            assert!(
                flowing.contains(&phrase),
                "{file}: {phrase:?} not found in\n{text}"
            );
        }
    }
}
