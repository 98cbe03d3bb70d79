//! A signature block as Vietnamese administrative documents print it: the
//! signer's title in bold capitals, how it is signed in italics, room for
//! the signature, and the signer's name in bold.

use super::layout::{Band, Stack, Style};

/// Signed by hand, on paper.
pub const BY_HAND: &str = "(Ký và ghi rõ họ tên)";
/// Signed with the issuer's certificate (`documents/signing`): only a
/// document that carries the signature says so.
pub const ELECTRONICALLY: &str = "(Ký điện tử)";

/// How a document's issuer signs it: electronically when it is signed.
pub fn how(signed: bool) -> &'static str {
    if signed {
        ELECTRONICALLY
    } else {
        BY_HAND
    }
}

/// The block of `title` over `name`, within `band`.
pub fn block<'a>(band: Band, title: &'a str, how: &'a str, name: &'a str) -> Stack<'a> {
    Stack {
        band,
        lines: vec![
            (Style::BODY.bold().centered(), title),
            (Style::BODY.italic().centered(), how),
            (Style::BODY, "\n"),
            (Style::BODY.bold().centered(), name),
        ],
        rule: None,
    }
}
