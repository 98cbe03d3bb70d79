//! The browser bundle is served as the build compressed it, never
//! compressed per request; its content-named copies are kept by browsers
//! for good, and pages link to those copies.

use crate::support;

use axum::body::Body;
use axum::http::{header, Request};
use support::spawn_app_with;

fn site(name: &str) -> std::path::PathBuf {
    let site = std::env::temp_dir().join(format!("motcua-site-{name}-{}", std::process::id()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    site
}

fn asked(uri: &str, encodings: &str) -> Request<Body> {
    Request::get(uri)
        .header(header::ACCEPT_ENCODING, encodings)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn the_bundle_is_served_from_its_compressed_copies_and_plain_names_are_checked_before_use() {
    let site = site("plain");
    let pkg = site.join("pkg");
    let script = "console.log('một cửa');".repeat(200);
    std::fs::write(pkg.join("motcua.js"), &script).unwrap();
    // Copies whose bytes differ from anything compressed on the fly.
    let gzip_copy = b"\x1f\x8b precompressed copy".to_vec();
    let brotli_copy = b"brotli copy".to_vec();
    std::fs::write(pkg.join("motcua.js.gz"), &gzip_copy).unwrap();
    std::fs::write(pkg.join("motcua.js.br"), &brotli_copy).unwrap();
    std::fs::write(pkg.join("motcua.wasm"), vec![0u8; 4096]).unwrap();
    let app = spawn_app_with(&[("LEPTOS_SITE_ROOT", site.to_string_lossy().into())]).await;

    let js = app.request(asked("/pkg/motcua.js", "gzip")).await;
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-encoding"), "gzip");
    assert_eq!(js.bytes, gzip_copy, "the build's copy, as it is");
    assert_eq!(
        js.header("cache-control"),
        "no-cache",
        "a plain name can change"
    );
    assert!(
        !js.header("last-modified").is_empty(),
        "so a check can answer 304"
    );

    let js = app.request(asked("/pkg/motcua.js", "gzip, br")).await;
    assert_eq!(js.header("content-encoding"), "br");
    assert_eq!(js.bytes, brotli_copy, "brotli when the browser takes it");

    let plain = app
        .request(Request::get("/pkg/motcua.js").body(Body::empty()).unwrap())
        .await;
    assert_eq!(
        plain.bytes,
        script.as_bytes(),
        "without compression, the file itself"
    );

    let wasm = app.request(asked("/pkg/motcua.wasm", "gzip")).await;
    assert_eq!(wasm.status, 200);
    assert_eq!(
        wasm.header("content-encoding"),
        "",
        "no copy: sent as it is, not compressed now"
    );
    assert_eq!(wasm.bytes.len(), 4096);
    std::fs::remove_dir_all(&site).ok();
}

#[tokio::test]
async fn content_named_copies_are_kept_for_good_and_pages_link_them_without_preloading() {
    let site = site("hashed");
    let pkg = site.join("pkg");
    for name in [
        "motcua.0123456789abcdef.js",
        "motcua.fedcba9876543210.wasm",
        "motcua.00112233aabbccdd.css",
    ] {
        std::fs::write(pkg.join(name), "x").unwrap();
    }
    std::fs::write(
        pkg.join("bundle.json"),
        r#"{"js":"motcua.0123456789abcdef.js","wasm":"motcua.fedcba9876543210.wasm","css":"motcua.00112233aabbccdd.css"}"#,
    )
    .unwrap();
    let app = spawn_app_with(&[("LEPTOS_SITE_ROOT", site.to_string_lossy().into())]).await;

    let wasm = app
        .request(asked("/pkg/motcua.fedcba9876543210.wasm", "gzip"))
        .await;
    assert_eq!(wasm.status, 200);
    assert_eq!(
        wasm.header("cache-control"),
        "public, max-age=31536000, immutable"
    );
    let missing = app
        .request(asked("/pkg/motcua.aaaaaaaaaaaaaaaa.wasm", "gzip"))
        .await;
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("cache-control"),
        "no-cache",
        "a miss is not kept for a year"
    );

    let home = app
        .request(Request::get("/").body(Body::empty()).unwrap())
        .await;
    assert_eq!(home.status, 200);
    let html = String::from_utf8(home.bytes.clone()).unwrap();
    assert!(
        html.contains(r#"href="/pkg/motcua.00112233aabbccdd.css""#),
        "the stylesheet by its content name"
    );
    assert!(
        html.contains("/pkg/motcua.0123456789abcdef.js")
            && html.contains("/pkg/motcua.fedcba9876543210.wasm"),
        "the script loads the bundle by its content names"
    );
    assert!(
        !html.contains("modulepreload") && !html.contains(r#"rel="preload""#),
        "nothing is fetched before a script asks (so nothing with JavaScript off)"
    );
    assert!(
        !html.contains("<leptos-island"),
        "the home page has no interactive part: the bundle is not loaded"
    );
    std::fs::remove_dir_all(&site).ok();
}
