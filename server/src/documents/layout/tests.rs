use super::faces::faces;
use super::*;

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

#[test]
fn vietnamese_letters_have_glyphs_in_every_face() {
    let text = "ẮẰẲẴẶĂẤẦẨẪẬÂÁÀÃẢẠĐẾỀỂỄỆÊÉÈẺẼẸÍÌỈĨỊỐỒỔỖỘÔỚỜỞỠỢƠÓÒÕỎỌỨỪỬỮỰƯÚÙỦŨỤÝỲỶỸỴ\
                ắằẳẵặăấầẩẫậâáàãảạđếềểễệêéèẻẽẹíìỉĩịốồổỗộôớờởỡợơóòõỏọứừửữựưúùủũụýỳỷỹỵ□";
    for face in [&faces().regular, &faces().bold, &faces().italic] {
        let missing: Vec<char> = text
            .chars()
            .filter(|&c| face.advance(c).is_none())
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}

#[test]
fn long_text_wraps_within_the_margins_and_breaks_pages() {
    let mut doc = Document::new("x", date());
    let sentence = "Tôi cam đoan nội dung đề nghị trên đây là đúng sự thật. ";
    doc.text(&sentence.repeat(200), Style::BODY.justified());
    assert!(doc.pages.len() >= 2, "expected several pages");
    let text_width = TEXT_WIDTH_MM * PT_PER_MM;
    let text = sentence.repeat(3);
    let cell = Cell::new(Band::FULL, Style::BODY, &text);
    for line in doc.lay_out(&cell) {
        assert!(faces().regular.width(&line.text, BODY_SIZE) <= text_width);
    }
}

#[test]
fn dotted_fields_end_at_the_right_margin() {
    let mut doc = Document::new("x", date());
    let cell = Cell::field(Band::FULL, "Họ, chữ đệm, tên: ");
    let lines = doc.lay_out(&cell);
    assert_eq!(lines.len(), 1);
    let width = faces().regular.width(&lines[0].text, BODY_SIZE);
    let text_width = TEXT_WIDTH_MM * PT_PER_MM;
    let dot = faces().regular.width(".", BODY_SIZE);
    assert!(width <= text_width && width > text_width - dot);
}

#[test]
fn unknown_characters_are_reported() {
    let mut doc = Document::new("x", date());
    doc.text("漢字", Style::BODY);
    assert!(matches!(doc.finish(), Err(DocumentError::MissingGlyphs(c)) if c == ['字', '漢']));
}

#[test]
fn output_is_deterministic() {
    let render = || {
        let mut doc = Document::new("Thử", date());
        doc.text("Cộng hòa xã hội chủ nghĩa Việt Nam", Style::HEADING);
        doc.field("Họ và tên: ");
        doc.finish().unwrap()
    };
    let first = render();
    assert!(first.starts_with(b"%PDF-"));
    assert_eq!(first, render());
}
