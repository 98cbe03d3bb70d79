//! The two headers of a scripted upload (`crate::enhance::uploads`).
//!
//! XMLHttpRequest follows redirects by itself, and following ours would
//! spend the one-time notice meant for the page. So the request says it is
//! scripted (`X-Motcua-Upload`), the server answers with where to go
//! (`X-Motcua-Location`) instead of redirecting, and the script goes there.

/// The request header that marks a scripted upload.
pub const SCRIPTED_UPLOAD_HEADER: &str = "x-motcua-upload";
/// The response header that carries where the page goes next.
pub const NEXT_LOCATION_HEADER: &str = "x-motcua-location";
