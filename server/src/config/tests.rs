//! Reading the configuration from the environment.

use super::*;
use std::collections::HashMap;

fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let env: HashMap<String, String> = pairs
        .iter()
        .map(|(key, value)| (key.to_string(), value.to_string()))
        .collect();
    Config::from_lookup(|name| env.get(name).cloned())
}

#[test]
fn defaults_serve_locally_without_demo_data() {
    let config = config(&[]).unwrap();
    assert_eq!(config.bind_addr.to_string(), "127.0.0.1:3000");
    assert_eq!(config.public_base_url, "http://127.0.0.1:3000");
    assert_eq!(config.data_dir, PathBuf::from("data"));
    assert!(!config.demo && !config.production);
    assert_eq!(config.log_format, LogFormat::Text);
    assert!(config.database_url.is_none());
}

#[test]
fn the_sandbox_gateway_is_refused_in_production_and_vnpay_needs_its_keys() {
    let error = config(&[("MOTCUA_ENV", "production"), ("MOTCUA_SECRET_KEY", KEY)]).unwrap_err();
    assert_eq!(error, ConfigError::SandboxInProduction);
    let error = config(&[("MOTCUA_PAYMENT_GATEWAY", "vnpay")]).unwrap_err();
    assert_eq!(error, ConfigError::VnpayIncomplete);
    let read = config(&[
        ("MOTCUA_ENV", "production"),
        ("MOTCUA_SECRET_KEY", KEY),
        ("MOTCUA_PAYMENT_GATEWAY", "vnpay"),
        ("MOTCUA_VNPAY_TMN_CODE", "MOTCUA01"),
        ("MOTCUA_VNPAY_HASH_SECRET", "very-secret"),
    ])
    .unwrap();
    assert!(!format!("{read:?}").contains("very-secret"));
    assert!(matches!(read.payments.gateway, GatewayChoice::Vnpay(_)));
    assert_eq!(read.payments.expiry_minutes, 15);
}

/// 32 bytes in base64, as `openssl rand -base64 32` prints them.
const KEY: &str = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";

#[test]
fn production_needs_a_secret_key_of_32_bytes_which_is_never_printed() {
    let error = config(&[("MOTCUA_ENV", "production")]).unwrap_err();
    assert_eq!(error, ConfigError::SecretKeyMissing);
    let error = config(&[("MOTCUA_SECRET_KEY", "c2hvcnQ=")]).unwrap_err();
    assert_eq!(error, ConfigError::SecretKeyMalformed, "5 bytes");
    let read = config(&[("MOTCUA_SECRET_KEY", KEY)]).unwrap();
    assert_eq!(read.secret_key.0[..4], [0xab, 0xcd, 0xef, 0x12]);
    assert!(
        !format!("{read:?}").contains("171"),
        "no key bytes in debug output"
    );
    assert_ne!(
        config(&[]).unwrap().secret_key,
        read.secret_key,
        "the development key is another"
    );
}

#[test]
fn demo_data_is_refused_in_production() {
    let error = config(&[("MOTCUA_DEMO", "1"), ("MOTCUA_ENV", "production")]).unwrap_err();
    assert_eq!(error, ConfigError::DemoInProduction);
}

#[test]
fn bad_values_are_named_in_the_error() {
    let error = config(&[("MOTCUA_BIND", "localhost")]).unwrap_err();
    assert!(error.to_string().contains("MOTCUA_BIND"), "{error}");
    let error = config(&[("MOTCUA_LOG_FORMAT", "xml")]).unwrap_err();
    assert!(error.to_string().contains("text, json"), "{error}");
}

#[test]
fn database_passwords_are_redacted_in_debug_output() {
    let url = DatabaseUrl("postgres://motcua:s3cret@db.example:5432/motcua".into());
    let shown = format!("{url:?}");
    assert!(!shown.contains("s3cret"), "{shown}");
    assert!(
        shown.contains("postgres://motcua:***@db.example:5432/motcua"),
        "{shown}"
    );
}

#[test]
fn clamd_and_s3_are_read_when_set() {
    let read = config(&[
        ("MOTCUA_CLAMD", "unix:/run/clamav/clamd.ctl"),
        ("MOTCUA_S3_BUCKET", "motcua-files"),
        ("MOTCUA_S3_ENDPOINT", "http://127.0.0.1:9000"),
    ])
    .unwrap();
    assert_eq!(
        read.clamd,
        Some(ClamdAddress::Unix(PathBuf::from("/run/clamav/clamd.ctl")))
    );
    let s3 = read.s3.unwrap();
    assert_eq!(s3.bucket, "motcua-files");
    assert_eq!(s3.endpoint.as_deref(), Some("http://127.0.0.1:9000"));
    assert_eq!(s3.region, "us-east-1");
    assert_eq!(
        config(&[("MOTCUA_CLAMD", "tcp://127.0.0.1:3310")])
            .unwrap()
            .clamd,
        Some(ClamdAddress::Tcp("127.0.0.1:3310".into()))
    );
    assert!(
        config(&[("MOTCUA_CLAMD", "127.0.0.1:3310")]).is_err(),
        "a scheme is needed"
    );
    assert!(config(&[]).unwrap().clamd.is_none());
}

#[test]
fn secrets_never_reach_debug_output() {
    let read = config(&[
        (
            "MOTCUA_SMTP_URL",
            "smtps://mailer:smtp-pass-123@mail.example.vn",
        ),
        ("MOTCUA_S3_BUCKET", "motcua-files"),
        ("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"),
        ("AWS_SECRET_ACCESS_KEY", "s3-secret-456"),
        ("MOTCUA_SANDBOX_GATEWAY_SECRET", "sandbox-secret-789"),
    ])
    .unwrap();
    let shown = format!("{read:?}");
    for secret in ["smtp-pass-123", "s3-secret-456", "sandbox-secret-789"] {
        assert!(!shown.contains(secret), "{secret} shown in {shown}");
    }
    assert!(shown.contains("AKIAEXAMPLE"), "the key id names the key");
    assert_eq!(
        read.smtp_url.as_ref().map(|url| url.expose_secret()),
        Some("smtps://mailer:smtp-pass-123@mail.example.vn")
    );
}

#[test]
fn the_due_soon_window_is_read_with_the_rest() {
    assert_eq!(config(&[]).unwrap().due_soon_days, 1);
    assert_eq!(
        config(&[("MOTCUA_DUE_SOON_DAYS", "3")])
            .unwrap()
            .due_soon_days,
        3
    );
    let error = config(&[("MOTCUA_DUE_SOON_DAYS", "soon")]).unwrap_err();
    assert!(
        error.to_string().contains("MOTCUA_DUE_SOON_DAYS"),
        "{error}"
    );
}
