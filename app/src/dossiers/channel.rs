//! How a dossier came in (hình thức nộp): Biểu 06 counts new dossiers by it.

use serde::{Deserialize, Serialize};

/// Stored in `dossiers.channel` as its [`Channel::as_str`] name, and read
/// and bound as a `Channel` in every query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(
    feature = "ssr",
    derive(sqlx::Type, utoipa::ToSchema),
    sqlx(type_name = "text", rename_all = "snake_case")
)]
pub enum Channel {
    /// Filed by the applicant on the portal.
    Online,
    /// Filed at the one-stop counter, entered by a reception officer.
    Counter,
    /// Sent by post (bưu chính công ích).
    Post,
}

impl Channel {
    pub const ALL: [Channel; 3] = [Channel::Online, Channel::Counter, Channel::Post];

    /// The value stored in `dossiers.channel` and written in the inbox's
    /// `?kenh=`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Counter => "counter",
            Channel::Post => "post",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|channel| channel.as_str() == text)
    }
}
