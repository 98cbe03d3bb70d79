//! Configuration, read once from the environment at start-up.

mod payments;

pub use payments::{GatewayChoice, PaymentSettings, SandboxConfig, VnpayConfig};
pub use secrecy::{ExposeSecret, SecretString};

use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the portal can be told from outside.
#[derive(Debug, Clone)]
pub struct Config {
    /// `MOTCUA_SECRET_KEY`: seals secrets kept at rest (officials'
    /// second-factor secrets); required in production.
    pub secret_key: SecretKey,
    /// `MOTCUA_BIND` (or `LEPTOS_SITE_ADDR`, which cargo-leptos sets): where to listen.
    pub bind_addr: SocketAddr,
    /// `DATABASE_URL`: an existing PostgreSQL database. When unset, the portal
    /// runs its own cluster under `data_dir`.
    pub database_url: Option<DatabaseUrl>,
    /// `MOTCUA_DATA_DIR`: where the portal keeps its own files (default `data`).
    pub data_dir: PathBuf,
    /// `MOTCUA_PUBLIC_URL`: the address citizens use, for links in mail and PDFs.
    pub public_base_url: String,
    /// `MOTCUA_DEMO=1`: load the demo province, procedures and accounts.
    pub demo: bool,
    /// `MOTCUA_DEMO_HISTORY=N`: with the demo, once, N generated dossiers of
    /// this year so the statistics have a history to show (default none).
    pub demo_history: u32,
    /// `MOTCUA_DEMO_REPORTS=N`: with the demo, once, N generated field
    /// reports in every state, for the board and the operations view
    /// (default none).
    pub demo_reports: u32,
    /// `MOTCUA_ENV=production` forbids demo data and development conveniences.
    pub production: bool,
    /// `MOTCUA_LOG_FORMAT=json` for machine-read logs; text otherwise.
    pub log_format: LogFormat,
    /// `LEPTOS_SITE_ROOT`: the folder cargo-leptos builds the site into.
    pub site_root: String,
    /// `MOTCUA_SMTP_URL`: where mail goes, e.g.
    /// `smtps://user:password@mail.example.vn` or `smtp://host:587?tls=required`.
    /// Unset: in demo mode a local catcher receives it; otherwise it waits in the queue.
    /// It carries the SMTP password, so it is never printed.
    pub smtp_url: Option<SecretString>,
    /// `MOTCUA_MAIL_FROM`: the sender of the portal's mail.
    pub mail_from: String,
    /// `MOTCUA_PLACE`: the place written before the date on every slip and
    /// register ("Quảng Ninh, ngày …"), the province running the portal.
    pub place: String,
    /// `MOTCUA_TRUSTED_PROXY=1`: a reverse proxy in front appends the client's
    /// address to `X-Forwarded-For`; without it, that header is ignored.
    pub trusted_proxy: bool,
    /// `MOTCUA_MAX_FILE_MB` (default 10): the largest file a citizen may upload.
    pub max_file_bytes: u64,
    /// `MOTCUA_MAX_DOSSIER_MB` (default 50): all files of one dossier together.
    pub max_dossier_bytes: u64,
    /// `MOTCUA_S3_BUCKET` (with `MOTCUA_S3_ENDPOINT`, `MOTCUA_S3_REGION` and
    /// the usual `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`): keep files in an
    /// S3-compatible store instead of `data_dir/files`.
    pub s3: Option<S3Store>,
    /// `MOTCUA_CLAMD`: `tcp://host:port` or `unix:/path/clamd.ctl`. When set,
    /// every upload is scanned, and refused if clamd cannot be reached.
    pub clamd: Option<ClamdAddress>,
    /// The payment gateway and its settings (`config/payments.rs`).
    pub payments: PaymentSettings,
    /// `MOTCUA_DUE_SOON_DAYS` (default 1): how many working days before its
    /// appointment a dossier counts as due soon (inbox marks, morning digest).
    pub due_soon_days: u32,
    /// `MOTCUA_PAGE_CACHE_SECONDS` (default 30; 0 turns it off): how long an
    /// instance keeps a public page for anonymous visitors (`page_cache`).
    pub page_cache_seconds: u64,
    /// `MOTCUA_SIGNING_DIR`: the folder of the issuing bodies' certificates
    /// and keys (`documents/signing`). Unset: in demo mode `data_dir/signing`,
    /// filled by the demo's certificate authority; otherwise nothing is
    /// signed and no document says "(Ký điện tử)".
    pub signing_dir: Option<PathBuf>,
    /// `MOTCUA_EMBEDDINGS_URL` (an OpenAI-compatible API root such as
    /// `http://127.0.0.1:8000/v1`, with `MOTCUA_EMBEDDINGS_MODEL`, an
    /// optional `MOTCUA_EMBEDDINGS_KEY` and `MOTCUA_EMBEDDINGS_TIMEOUT_MS`,
    /// default 3000, for a question): the assistant also retrieves by
    /// meaning (`app::assistant::semantic`). Unset: by words alone.
    pub embeddings: Option<EmbeddingsEndpoint>,
    /// `MOTCUA_CHAT_URL` (an OpenAI-compatible API root, with
    /// `MOTCUA_CHAT_MODEL`, an optional `MOTCUA_CHAT_KEY` and
    /// `MOTCUA_CHAT_TIMEOUT_MS`, default 8000): the assistant may phrase its
    /// answers (`app::assistant::phrasing`), shown only when checked.
    pub chat: Option<ChatEndpoint>,
}

/// An OpenAI-compatible chat endpoint.
#[derive(Clone, Debug)]
pub struct ChatEndpoint {
    pub url: String,
    pub model: String,
    pub key: Option<SecretString>,
    pub timeout_ms: u64,
}

/// An OpenAI-compatible embeddings endpoint.
#[derive(Clone, Debug)]
pub struct EmbeddingsEndpoint {
    pub url: String,
    pub model: String,
    pub key: Option<SecretString>,
    pub timeout_ms: u64,
}

impl Config {
    /// Whether citizens reach the portal over HTTPS (cookies are then `Secure`).
    pub fn served_over_https(&self) -> bool {
        self.public_base_url.starts_with("https://")
    }
}

/// Where files go when they are not kept on the local disk.
#[derive(Clone, Debug)]
pub struct S3Store {
    pub bucket: String,
    /// An S3-compatible endpoint (`http://127.0.0.1:9000`); unset: AWS.
    pub endpoint: Option<String>,
    pub region: String,
    /// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY`. The key id names the
    /// key (useful in a log); the secret is never printed.
    pub access_key_id: Option<String>,
    pub secret_access_key: Option<SecretString>,
}

/// How to reach clamd.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClamdAddress {
    Tcp(String),
    Unix(PathBuf),
}

impl ClamdAddress {
    fn parse(text: &str) -> Option<ClamdAddress> {
        let text = text.trim();
        if let Some(address) = text.strip_prefix("tcp://") {
            return (!address.is_empty()).then(|| ClamdAddress::Tcp(address.to_string()));
        }
        let path = text
            .strip_prefix("unix://")
            .or(text.strip_prefix("unix:"))?;
        (!path.is_empty()).then(|| ClamdAddress::Unix(PathBuf::from(path)))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("{name} is not a valid socket address (like 127.0.0.1:3000): {value:?}")]
    BadAddress { name: &'static str, value: String },
    #[error("{name} must be one of {allowed}, not {value:?}")]
    BadChoice {
        name: &'static str,
        allowed: &'static str,
        value: String,
    },
    #[error("demo data cannot be loaded in production (unset MOTCUA_DEMO or MOTCUA_ENV)")]
    DemoInProduction,
    #[error("the sandbox payment gateway is not for production: set MOTCUA_PAYMENT_GATEWAY=vnpay")]
    SandboxInProduction,
    #[error(
        "MOTCUA_PAYMENT_GATEWAY=vnpay needs MOTCUA_VNPAY_TMN_CODE and MOTCUA_VNPAY_HASH_SECRET"
    )]
    VnpayIncomplete,
    #[error("MOTCUA_SECRET_KEY must be set in production: 32 random bytes in base64 (openssl rand -base64 32)")]
    SecretKeyMissing,
    #[error("MOTCUA_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)")]
    SecretKeyMalformed,
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads configuration through `lookup`, so tests need not touch the process environment.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let get = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());

        let (bind_name, bind_value) = match get("MOTCUA_BIND") {
            Some(value) => ("MOTCUA_BIND", value),
            None => (
                "LEPTOS_SITE_ADDR",
                get("LEPTOS_SITE_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into()),
            ),
        };
        let bind_addr = bind_value
            .trim()
            .parse()
            .map_err(|_| ConfigError::BadAddress {
                name: bind_name,
                value: bind_value.clone(),
            })?;

        let production = match get("MOTCUA_ENV").as_deref().map(str::trim) {
            None | Some("development") => false,
            Some("production") => true,
            Some(other) => {
                return Err(ConfigError::BadChoice {
                    name: "MOTCUA_ENV",
                    allowed: "development, production",
                    value: other.into(),
                })
            }
        };
        let demo = parse_flag("MOTCUA_DEMO", get("MOTCUA_DEMO"))?;
        if demo && production {
            return Err(ConfigError::DemoInProduction);
        }
        let log_format = match get("MOTCUA_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::BadChoice {
                    name: "MOTCUA_LOG_FORMAT",
                    allowed: "text, json",
                    value: other.into(),
                })
            }
        };

        let data_dir = PathBuf::from(get("MOTCUA_DATA_DIR").unwrap_or_else(|| "data".into()));
        let secret_key = secret_key(get("MOTCUA_SECRET_KEY"), production)?;
        Ok(Config {
            secret_key,
            signing_dir: get("MOTCUA_SIGNING_DIR")
                .map(PathBuf::from)
                .or_else(|| demo.then(|| data_dir.join("signing"))),
            bind_addr,
            database_url: get("DATABASE_URL").map(DatabaseUrl),
            data_dir,
            public_base_url: get("MOTCUA_PUBLIC_URL")
                .map(|url| url.trim_end_matches('/').to_string())
                .unwrap_or_else(|| format!("http://{bind_addr}")),
            demo,
            demo_history: parse_count("MOTCUA_DEMO_HISTORY", get("MOTCUA_DEMO_HISTORY"), 0)?
                .min(u64::from(u32::MAX)) as u32,
            demo_reports: parse_count("MOTCUA_DEMO_REPORTS", get("MOTCUA_DEMO_REPORTS"), 0)?
                .min(10_000) as u32,
            production,
            log_format,
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            smtp_url: get("MOTCUA_SMTP_URL").map(SecretString::from),
            mail_from: get("MOTCUA_MAIL_FROM")
                .unwrap_or_else(|| "Cổng dịch vụ công Một Cửa <no-reply@motcua.example>".into()),
            place: get("MOTCUA_PLACE").unwrap_or_else(|| "Quảng Ninh".into()),
            trusted_proxy: parse_flag("MOTCUA_TRUSTED_PROXY", get("MOTCUA_TRUSTED_PROXY"))?,
            max_file_bytes: megabytes("MOTCUA_MAX_FILE_MB", get("MOTCUA_MAX_FILE_MB"), 10)?,
            max_dossier_bytes: megabytes(
                "MOTCUA_MAX_DOSSIER_MB",
                get("MOTCUA_MAX_DOSSIER_MB"),
                50,
            )?,
            s3: get("MOTCUA_S3_BUCKET").map(|bucket| S3Store {
                bucket: bucket.trim().to_string(),
                endpoint: get("MOTCUA_S3_ENDPOINT").map(|url| url.trim().to_string()),
                region: get("MOTCUA_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                access_key_id: get("AWS_ACCESS_KEY_ID"),
                secret_access_key: get("AWS_SECRET_ACCESS_KEY").map(SecretString::from),
            }),
            clamd: match get("MOTCUA_CLAMD") {
                None => None,
                Some(text) => Some(ClamdAddress::parse(&text).ok_or(ConfigError::BadChoice {
                    name: "MOTCUA_CLAMD",
                    allowed: "tcp://host:port or unix:/path/to/clamd.ctl",
                    value: text,
                })?),
            },
            payments: payments::read(&get, production)?,
            due_soon_days: parse_count("MOTCUA_DUE_SOON_DAYS", get("MOTCUA_DUE_SOON_DAYS"), 1)?
                .min(365) as u32,
            page_cache_seconds: parse_count(
                "MOTCUA_PAGE_CACHE_SECONDS",
                get("MOTCUA_PAGE_CACHE_SECONDS"),
                30,
            )?,
            embeddings: match get("MOTCUA_EMBEDDINGS_URL") {
                None => None,
                Some(url) => Some(EmbeddingsEndpoint {
                    url: url.trim().to_string(),
                    model: get("MOTCUA_EMBEDDINGS_MODEL")
                        .unwrap_or_else(|| "multilingual-e5-small".into()),
                    key: get("MOTCUA_EMBEDDINGS_KEY").map(SecretString::from),
                    timeout_ms: parse_count(
                        "MOTCUA_EMBEDDINGS_TIMEOUT_MS",
                        get("MOTCUA_EMBEDDINGS_TIMEOUT_MS"),
                        3000,
                    )?,
                }),
            },
            chat: match get("MOTCUA_CHAT_URL") {
                None => None,
                Some(url) => Some(ChatEndpoint {
                    url: url.trim().to_string(),
                    model: get("MOTCUA_CHAT_MODEL").unwrap_or_else(|| "default".into()),
                    key: get("MOTCUA_CHAT_KEY").map(SecretString::from),
                    timeout_ms: parse_count(
                        "MOTCUA_CHAT_TIMEOUT_MS",
                        get("MOTCUA_CHAT_TIMEOUT_MS"),
                        8000,
                    )?,
                }),
            },
        })
    }
}

/// A whole number setting (milliseconds, deliveries, minutes).
fn parse_count(
    name: &'static str,
    value: Option<String>,
    default: u64,
) -> Result<u64, ConfigError> {
    match value {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse::<u64>()
            .map_err(|_| ConfigError::BadChoice {
                name,
                allowed: "a whole number",
                value: text,
            }),
    }
}

/// The key that seals secrets at rest (second-factor secrets): every
/// instance must have the same one. Outside production a fixed development
/// key stands in, so the demo runs without one; it protects nothing.
fn secret_key(value: Option<String>, production: bool) -> Result<SecretKey, ConfigError> {
    use base64::Engine;
    match value {
        None if production => Err(ConfigError::SecretKeyMissing),
        None => {
            use sha2::Digest;
            Ok(SecretKey(
                sha2::Sha256::digest(b"Mot Cua development key: not a secret").into(),
            ))
        }
        Some(text) => base64::engine::general_purpose::STANDARD
            .decode(text.trim())
            .ok()
            .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
            .map(SecretKey)
            .ok_or(ConfigError::SecretKeyMalformed),
    }
}

/// 32 bytes, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(pub [u8; 32]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(..)")
    }
}

fn megabytes(name: &'static str, value: Option<String>, default: u64) -> Result<u64, ConfigError> {
    match value {
        None => Ok(default * 1024 * 1024),
        Some(text) => text
            .trim()
            .parse::<u64>()
            .ok()
            .filter(|mb| *mb > 0)
            .map(|mb| mb * 1024 * 1024)
            .ok_or(ConfigError::BadChoice {
                name,
                allowed: "a whole number of megabytes",
                value: text,
            }),
    }
}

fn parse_flag(name: &'static str, value: Option<String>) -> Result<bool, ConfigError> {
    match value
        .as_deref()
        .map(|value| value.trim().to_ascii_lowercase())
        .as_deref()
    {
        None | Some("0" | "false" | "no") => Ok(false),
        Some("1" | "true" | "yes") => Ok(true),
        Some(other) => Err(ConfigError::BadChoice {
            name,
            allowed: "1, 0, true, false",
            value: other.into(),
        }),
    }
}

/// A PostgreSQL connection string; its password never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(pub String);

impl DatabaseUrl {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // postgres://user:secret@host/db → postgres://user:***@host/db
        let redacted = match (self.0.find("://"), self.0.rfind('@')) {
            (Some(scheme_end), Some(at)) if at > scheme_end => {
                let credentials = &self.0[scheme_end + 3..at];
                match credentials.split_once(':') {
                    Some((user, _)) => {
                        format!("{}{user}:***{}", &self.0[..scheme_end + 3], &self.0[at..])
                    }
                    None => self.0.clone(),
                }
            }
            _ => self.0.clone(),
        };
        f.debug_tuple("DatabaseUrl").field(&redacted).finish()
    }
}

#[cfg(test)]
mod tests;
