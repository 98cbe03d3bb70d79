use super::{Notice, NoticeTone};
use leptos::prelude::*;

/// The one-time message a redirect left ("Đã đăng xuất"), announced politely
/// to screen readers.
#[component]
pub fn NoticeBanner(notice: Option<Notice>) -> impl IntoView {
    notice.map(|notice| {
        let class = match notice.tone {
            NoticeTone::Success => "notice notice--success",
            NoticeTone::Info => "notice notice--info",
            NoticeTone::Error => "notice notice--error",
        };
        let role = if notice.tone == NoticeTone::Error {
            "alert"
        } else {
            "status"
        };
        view! { <div class=class role=role><p>{notice.text}</p></div> }
    })
}
