//! The downloadable form templates: the Vietnamese text survives the round
//! trip through the PDF (checked with poppler's `pdftotext`), and the files
//! committed under `public/mau-don/` are what the generator produces now.
//!
//! Needs no database. Needs `pdftotext` (Debian/Ubuntu: `poppler-utils`).

use std::path::{Path, PathBuf};
use std::process::Command;

use server::documents::form_templates::{FormTemplate, DIRECTORY};
use unicode_normalization::UnicodeNormalization;

/// Phrases each form must contain, as a reader would copy them out.
fn key_phrases(form: FormTemplate) -> &'static [&'static str] {
    match form {
        FormTemplate::BirthRegistration => &[
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
        FormTemplate::MarriageRegistration => &[
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
        FormTemplate::CriminalRecordCertificate => &[
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

fn public_file(form: FormTemplate) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../public")
        .join(DIRECTORY)
        .join(form.file_name())
}

#[test]
fn vietnamese_text_comes_back_out_of_every_form() {
    for form in FormTemplate::ALL {
        let text = extract_text(&form.render(), form.file_name());
        assert!(!text.contains('\u{FFFD}'), "{form:?}: unmapped glyphs");

        // Header and title each stand on a line of their own, exactly.
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for heading in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            form.title(),
        ] {
            assert!(
                lines.contains(&heading),
                "{form:?}: no line {heading:?} in\n{text}"
            );
        }

        // Sentences may wrap, so compare with whitespace collapsed.
        let flowing = collapse_whitespace(&text);
        for phrase in key_phrases(form) {
            let phrase = collapse_whitespace(&phrase.nfc().collect::<String>());
            assert!(
                flowing.contains(&phrase),
                "{form:?}: {phrase:?} not found in\n{text}"
            );
        }
    }
}

#[test]
fn rendering_is_deterministic_and_the_committed_files_are_current() {
    for form in FormTemplate::ALL {
        let pdf = form.render();
        assert_eq!(pdf, form.render(), "{form:?}: two renderings differ");
        let path = public_file(form);
        let committed = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(
            committed == pdf,
            "{} is stale: run `cargo run -p server --bin render_form_templates` and commit the result",
            path.display()
        );
    }
}

#[test]
fn seeded_template_links_point_at_files_that_exist() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed/procedures.json");
    let seed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seed).unwrap()).unwrap();
    let mut linked = Vec::new();
    for procedure in seed["procedures"].as_array().unwrap() {
        for template in procedure["templates"].as_array().into_iter().flatten() {
            let url = template["url"].as_str().unwrap();
            if !url.starts_with('/') {
                continue; // a link to another site
            }
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../public")
                .join(url.trim_start_matches('/'));
            assert!(file.is_file(), "{url} has no file in public/");
            linked.push(url.to_string());
        }
    }
    for form in FormTemplate::ALL {
        assert!(
            linked.contains(&form.url()),
            "no procedure links {}",
            form.url()
        );
    }
}
