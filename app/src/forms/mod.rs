//! HTML forms that work without JavaScript: the server answers every post
//! with a redirect (post/redirect/get); when something is wrong, it keeps what
//! was typed and the messages in the session, and the page shows them again
//! ([`FormFeedback`]). With JavaScript the same forms post the same way —
//! scripts add instant checks, never a second path.

mod feedback;
mod fields;
pub mod focus;
mod notice;

pub use feedback::{FieldError, FormFeedback, Notice, NoticeTone, PageFeedback};
pub use fields::{
    field_id, CheckboxField, ErrorSummary, FieldGroup, HiddenField, SubmitButton, TextField,
};
pub use notice::NoticeBanner;
