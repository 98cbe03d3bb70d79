//! The browser bundle is served as the build compressed it, never
//! compressed per request, and browsers check it before each use.

use crate::support;

use axum::body::Body;
use axum::http::{header, Request};
use support::spawn_app_with;

#[tokio::test]
async fn the_bundle_is_served_from_its_gzip_copy_and_checked_before_use() {
    let site = std::env::temp_dir().join(format!("motcua-site-{}", std::process::id()));
    let pkg = site.join("pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    let script = "console.log('một cửa');".repeat(200);
    std::fs::write(pkg.join("motcua.js"), &script).unwrap();
    // A gzip copy whose bytes differ from anything compressed on the fly.
    let copy = b"\x1f\x8b precompressed copy".to_vec();
    std::fs::write(pkg.join("motcua.js.gz"), &copy).unwrap();
    std::fs::write(pkg.join("motcua.wasm"), vec![0u8; 4096]).unwrap();
    let app = spawn_app_with(&[("LEPTOS_SITE_ROOT", site.to_string_lossy().into())]).await;

    let asked = |uri: &str| {
        Request::get(uri)
            .header(header::ACCEPT_ENCODING, "gzip")
            .body(Body::empty())
            .unwrap()
    };
    let js = app.request(asked("/pkg/motcua.js")).await;
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-encoding"), "gzip");
    assert_eq!(js.bytes, copy, "the build's copy, as it is");
    assert_eq!(js.header("cache-control"), "no-cache");
    assert!(
        !js.header("last-modified").is_empty(),
        "so a check can answer 304"
    );

    let plain = app
        .request(Request::get("/pkg/motcua.js").body(Body::empty()).unwrap())
        .await;
    assert_eq!(
        plain.bytes,
        script.as_bytes(),
        "without gzip, the file itself"
    );

    let wasm = app.request(asked("/pkg/motcua.wasm")).await;
    assert_eq!(wasm.status, 200);
    assert_eq!(
        wasm.header("content-encoding"),
        "",
        "no copy: sent as it is, not compressed now"
    );
    assert_eq!(wasm.bytes.len(), 4096);
    std::fs::remove_dir_all(&site).ok();
}
