//! What a redirected form post leaves for the page it lands on.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A refused form: what was typed (never passwords) and what is wrong with it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormFeedback {
    /// Which form this is for (`"sign_in"`, `"register"`…), so a page shows
    /// only its own form's feedback.
    pub form: String,
    pub values: BTreeMap<String, String>,
    pub errors: Vec<FieldError>,
}

/// A message for one field, in the language the user was using.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FormFeedback {
    pub fn new(form: &str) -> Self {
        FormFeedback {
            form: form.to_string(),
            ..Default::default()
        }
    }

    /// Keeps what was typed in `field`. Fields whose name mentions a password
    /// are never kept: they must not travel back or sit in a session.
    pub fn keep(&mut self, field: &str, value: &str) {
        if !field.contains("password") {
            self.values.insert(field.to_string(), value.to_string());
        }
    }

    pub fn error(&mut self, field: &str, message: impl Into<String>) {
        self.errors.push(FieldError {
            field: field.to_string(),
            message: message.into(),
        });
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    pub fn value(&self, field: &str) -> String {
        self.values.get(field).cloned().unwrap_or_default()
    }

    pub fn message_for(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.clone())
    }
}

/// A one-line message shown once at the top of the next page ("Đã lưu").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    pub tone: NoticeTone,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NoticeTone {
    Success,
    Info,
    Error,
}

/// Everything a redirected post left for the page now being shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageFeedback {
    pub form: Option<FormFeedback>,
    pub notice: Option<Notice>,
}

impl PageFeedback {
    /// The feedback of form `name`, or an empty one.
    pub fn form_for(&self, name: &str) -> FormFeedback {
        self.form
            .clone()
            .filter(|form| form.form == name)
            .unwrap_or_else(|| FormFeedback::new(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_kept() {
        let mut form = FormFeedback::new("register");
        form.keep("email", "an@example.vn");
        form.keep("password", "bí mật lắm");
        form.keep("current_password", "cũ");
        assert_eq!(form.value("email"), "an@example.vn");
        assert_eq!(form.value("password"), "");
        assert_eq!(form.values.len(), 1);
    }

    #[test]
    fn a_page_sees_only_its_own_form() {
        let mut form = FormFeedback::new("sign_in");
        form.error("identifier", "Sai");
        let page = PageFeedback {
            form: Some(form),
            notice: None,
        };
        assert!(page.form_for("sign_in").has_errors());
        assert!(!page.form_for("register").has_errors());
    }
}
