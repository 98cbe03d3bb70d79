//! The identity a citizen gives when registering: personal identification
//! number (CCCD), mobile phone number, email address and full name.
//!
//! Each type is built only by its `parse` function (or by deserialising, which
//! runs the same `parse` through `TryFrom<String>`), so a value of the type is
//! always valid and normalised. Each error enum's `message(lang)` is the
//! sentence shown next to the form field.

mod citizen_id;
mod email_address;
mod person_name;
mod phone_number;

pub use citizen_id::*;
pub use email_address::*;
pub use person_name::*;
pub use phone_number::*;

/// A character as shown inside a message: “x”, or its code point when it is
/// invisible.
fn quoted(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        format!("“{c}”")
    }
}

fn quoted_list(characters: &str) -> String {
    characters
        .chars()
        .map(quoted)
        .collect::<Vec<_>>()
        .join(", ")
}
