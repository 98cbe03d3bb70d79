//! What `/tai-khoan/xac-thuc-hai-buoc` shows: the factor's state, and while
//! an app is being set up, its QR code and typed key.

use super::passkeys::PasskeyEntry;
use super::PendingFactor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorView {
    /// Citizens have no second factor (yet): the page says so.
    pub official: bool,
    pub enrolled: bool,
    /// A confirmed authenticator app (passkeys may be the only factor).
    pub app: bool,
    pub passkeys: Vec<PasskeyEntry>,
    /// An app being set up: the QR code (SVG) and the same key to type.
    pub setup: Option<Setup>,
    pub recovery_codes_left: i64,
    /// What this session must do before the official's roles count.
    pub pending: Option<PendingFactor>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub qr_svg: String,
    pub typed_key: String,
}

#[server(endpoint = "accounts/second-factor")]
pub async fn load_second_factor_page() -> Result<SecondFactorView, AppError> {
    use super::{passkeys, sealing::SealingKey, store, totp};
    use crate::access::{require, Permission};
    let user = require(Permission::ManageOwnAccount)?;
    let pool = crate::database::pool()?;
    let key = use_context::<SealingKey>().ok_or(AppError::Internal)?;
    let factor = store::load(&pool, &key, user.id).await?;
    let app = factor.as_ref().is_some_and(|f| f.confirmed);
    // Only an app still being set up has a secret to show.
    let setup = factor.filter(|f| !f.confirmed).map(|factor| {
        // The app lists the account as "Một Cửa (email)".
        let link = totp::setup_link(&factor.secret, &user.email, "Một Cửa");
        Setup {
            qr_svg: qr_svg(&link),
            typed_key: totp::typed_secret(&factor.secret),
        }
    });
    Ok(SecondFactorView {
        official: user.is_official(),
        enrolled: user.second_factor.enrolled,
        app,
        passkeys: passkeys::store::list(&pool, user.id).await?,
        setup,
        recovery_codes_left: store::unused_recovery_codes(&pool, user.id).await?,
        pending: user.second_factor.pending,
    })
}

/// The link as a QR code an authenticator app scans: an inline SVG with a
/// quiet zone, scaled by CSS.
#[cfg(feature = "ssr")]
fn qr_svg(link: &str) -> String {
    use qrcode::render::svg;
    let Ok(code) = qrcode::QrCode::new(link.as_bytes()) else {
        return String::new();
    };
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    // Inline in HTML: without the XML declaration.
    image
        .find("<svg")
        .map(|start| image[start..].to_string())
        .unwrap_or_default()
}
