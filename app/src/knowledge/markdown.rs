//! An article's answer, from markdown to HTML, on the server.
//!
//! Editors write paragraphs, lists, emphasis, headings and links; raw HTML
//! is shown as the text it is (never markup), and a link goes only to the
//! web or to a page of the portal, so an article can carry no script.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag};

/// The answer as safe HTML.
pub fn to_html(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_destination(dest_url),
                title,
                id,
            }),
            // An image would load from anywhere; the text stays.
            Event::Start(Tag::Image { dest_url, .. }) => Event::Text(dest_url),
            Event::End(pulldown_cmark::TagEnd::Image) => Event::Text("".into()),
            other => other,
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// The answer without markup, for a passage quoted in the assistant.
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !out.ends_with(' ') => {
                out.push(' ');
            }
            _ => {}
        }
    }
    crate::text::normalize(&out)
}

fn safe_destination(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let allowed = lower.starts_with("https://")
        || lower.starts_with("http://")
        || lower.starts_with("mailto:")
        || (lower.starts_with('/') && !lower.starts_with("//"));
    if allowed {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_and_html_does_not() {
        let html = to_html(
            "**Miễn** lệ phí.\n\n- Tờ khai\n- Giấy chứng sinh\n\n<script>alert(1)</script>",
        );
        assert!(html.contains("<strong>Miễn</strong>"));
        assert!(html.contains("<li>Tờ khai</li>"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn links_go_only_to_the_web_or_the_portal() {
        assert!(to_html("[x](javascript:alert(1))").contains("href=\"#\""));
        assert!(to_html("[x](//evil.example)").contains("href=\"#\""));
        assert!(to_html("[x](/thu-tuc/1.001193)").contains("href=\"/thu-tuc/1.001193\""));
        assert!(to_html("[x](https://dichvucong.gov.vn)").contains("https://dichvucong.gov.vn"));
        assert!(!to_html("![x](https://evil.example/t.png)").contains("<img"));
    }

    #[test]
    fn text_keeps_the_words_only() {
        assert_eq!(
            to_text("**Miễn** lệ phí.\n\n- Tờ khai"),
            "Miễn lệ phí. Tờ khai"
        );
    }
}
