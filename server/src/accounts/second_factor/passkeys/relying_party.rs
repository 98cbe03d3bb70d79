//! The portal as a WebAuthn relying party: its id is the host of the
//! public address (`MOTCUA_PUBLIC_URL`), and answers are accepted only when
//! the browser signed them for that origin.

use url::{Host, Url};
use webauthn_rs::{Webauthn, WebauthnBuilder};

/// The relying party for `public_url`, or `None` when passkeys cannot work
/// there: browsers accept only domain names as relying parties, never IP
/// addresses, and only over HTTPS (or on `localhost`). A loopback address
/// (a developer's machine, the tests) stands for `localhost` on the same
/// port: open the portal at `http://localhost:PORT` to use them there.
pub fn for_public_url(public_url: &str) -> Option<Webauthn> {
    let origin = origin_for_public_url(public_url)?;
    let rp_id = origin.domain()?;
    WebauthnBuilder::new(rp_id, &origin)
        .ok()?
        .rp_name("Một Cửa")
        .build()
        .ok()
}

/// The origin passkey answers must be signed for, when there is one.
pub fn origin_for_public_url(public_url: &str) -> Option<Url> {
    let mut url = Url::parse(public_url).ok()?;
    let loopback = match url.host() {
        Some(Host::Ipv4(address)) => address.is_loopback(),
        Some(Host::Ipv6(address)) => address.is_loopback(),
        _ => false,
    };
    if loopback {
        url.set_host(Some("localhost")).ok()?;
    }
    let domain = url.domain()?;
    if url.scheme() != "https" && domain != "localhost" {
        return None;
    }
    Url::parse(&url.origin().ascii_serialization()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_domain_is_its_own_relying_party() {
        assert!(for_public_url("https://dichvucong.quangninh.gov.vn").is_some());
    }

    #[test]
    fn a_loopback_address_stands_for_localhost_and_other_addresses_have_none() {
        assert!(for_public_url("http://127.0.0.1:3000").is_some());
        assert_eq!(
            origin_for_public_url("http://127.0.0.1:3000")
                .unwrap()
                .as_str(),
            "http://localhost:3000/"
        );
        assert!(
            for_public_url("http://10.0.0.5:3000").is_none(),
            "browsers refuse IP addresses as relying parties"
        );
        assert!(
            for_public_url("http://dichvucong.example").is_none(),
            "plain HTTP is allowed on localhost only"
        );
    }
}
