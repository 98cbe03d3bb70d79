//! The bundle's file names. The build (`scripts/finish-bundle`) copies each
//! file to a name carrying a hash of its content and lists those names in
//! `pkg/bundle.json`; the server reads that list at start. A new build means
//! new names, so browsers may keep the files for a year without asking again.

use serde::{Deserialize, Serialize};

/// Where the page finds the bundle's script, WebAssembly and stylesheet,
/// as names inside `/pkg/`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BundleFiles {
    pub js: String,
    pub wasm: String,
    pub css: String,
}

impl Default for BundleFiles {
    /// The names cargo-leptos writes, for a build that was not finished
    /// (tests that never load the bundle, a bare `cargo leptos build`).
    fn default() -> Self {
        BundleFiles {
            js: "motcua.js".into(),
            wasm: "motcua.wasm".into(),
            css: "motcua.css".into(),
        }
    }
}

impl BundleFiles {
    /// Reads `pkg/bundle.json` under the site root; the unhashed names when
    /// the build wrote none.
    #[cfg(feature = "ssr")]
    pub fn read(site_root: &std::path::Path) -> Self {
        let manifest = site_root.join("pkg").join("bundle.json");
        std::fs::read(&manifest)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub fn js_href(&self) -> String {
        format!("/pkg/{}", self.js)
    }

    pub fn wasm_href(&self) -> String {
        format!("/pkg/{}", self.wasm)
    }

    pub fn css_href(&self) -> String {
        format!("/pkg/{}", self.css)
    }

    /// Whether a file name under `/pkg/` is one of the content-named copies,
    /// which never change and may be cached for good.
    pub fn is_content_named(name: &str) -> bool {
        // motcua.<16 hex digits>.<ext>[.gz|.br]
        let mut parts = name.split('.');
        matches!(
            (parts.next(), parts.next(), parts.next()),
            (Some(_), Some(hash), Some(_)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_named_copies_are_told_from_plain_names() {
        assert!(BundleFiles::is_content_named(
            "motcua.0123456789abcdef.wasm"
        ));
        assert!(BundleFiles::is_content_named(
            "motcua.0123456789abcdef.js.br"
        ));
        assert!(!BundleFiles::is_content_named("motcua.wasm"));
        assert!(!BundleFiles::is_content_named("motcua.js.gz"));
        assert!(!BundleFiles::is_content_named(
            "motcua.0123456789abcdeg.css"
        ));
    }
}
