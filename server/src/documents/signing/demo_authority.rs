//! The demo's certificate authority. At the first demo start it creates a
//! root ("Một Cửa demo CA — không dùng thật") and, for every issuing body
//! without a credential, a P-256 key and a certificate naming the body, in
//! the signing folder. A reader verifies the signatures and reports the
//! root as untrusted, as it should for a demo.
//!
//! Files appear whole or not at all (written aside, then linked into
//! place), so instances starting together on one data folder keep whichever
//! was written first.

use anyhow::Context;
use der::EncodePem;
use p256::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use rand::RngCore;
use std::path::Path;
use std::str::FromStr;
use std::time::Duration;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;
use x509_cert::Certificate;

/// The authority's files, in a subfolder the loader does not read.
const AUTHORITY: &str = "authority";
const TEN_YEARS: Duration = Duration::from_secs(10 * 366 * 24 * 3600);

/// A body that signs: its signing name (`agency-…`, `unit-…`) and the name
/// its certificate carries.
pub struct Body {
    pub signing_name: String,
    pub name: String,
}

/// Gives every body in `bodies` a credential in `folder`, creating the demo
/// authority first if there is none. Existing files are kept.
pub fn ensure(folder: &Path, bodies: &[Body], province: &str) -> anyhow::Result<()> {
    let authority_folder = folder.join(AUTHORITY);
    std::fs::create_dir_all(&authority_folder)
        .with_context(|| format!("cannot create {}", authority_folder.display()))?;
    let (root, root_key) = authority(&authority_folder, province)?;
    for body in bodies {
        let path = folder.join(format!("{}.pem", body.signing_name));
        if path.exists() {
            continue;
        }
        let key = p256::ecdsa::SigningKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let certificate = issue(&root, &root_key, &key, &body.name, province)?;
        let pem = format!(
            "{}{}{}",
            certificate.to_pem(LineEnding::LF)?,
            root.to_pem(LineEnding::LF)?,
            key.to_pkcs8_pem(LineEnding::LF)?.as_str()
        );
        write_once(&path, pem.as_bytes())?;
    }
    Ok(())
}

/// The root certificate and key, created on first use.
fn authority(
    folder: &Path,
    province: &str,
) -> anyhow::Result<(Certificate, p256::ecdsa::SigningKey)> {
    let path = folder.join("demo-ca.pem");
    if !path.exists() {
        let key = p256::ecdsa::SigningKey::random(&mut p256::elliptic_curve::rand_core::OsRng);
        let subject = name("Một Cửa demo CA — không dùng thật", province)?;
        let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key())?;
        let root = CertificateBuilder::new(
            Profile::Root,
            serial_number(),
            Validity::from_now(TEN_YEARS)?,
            subject,
            spki,
            &key,
        )?
        .build::<p256::ecdsa::DerSignature>()?;
        let pem = format!(
            "{}{}",
            root.to_pem(LineEnding::LF)?,
            key.to_pkcs8_pem(LineEnding::LF)?.as_str()
        );
        write_once(&path, pem.as_bytes())?;
    }
    let signer = super::Signer::from_pem(&std::fs::read_to_string(&path)?)
        .context("the demo authority's file")?;
    let key = p256::ecdsa::SigningKey::from_pkcs8_pem(
        pem_block(&std::fs::read_to_string(&path)?, "PRIVATE KEY")
            .context("the demo authority has no key")?,
    )?;
    Ok((signer.chain[0].clone(), key))
}

fn issue(
    root: &Certificate,
    root_key: &p256::ecdsa::SigningKey,
    key: &p256::ecdsa::SigningKey,
    body: &str,
    province: &str,
) -> anyhow::Result<Certificate> {
    let profile = Profile::Leaf {
        issuer: root.tbs_certificate.subject.clone(),
        enable_key_agreement: false,
        enable_key_encipherment: false,
    };
    let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key())?;
    Ok(CertificateBuilder::new(
        profile,
        serial_number(),
        Validity::from_now(TEN_YEARS)?,
        name(body, province)?,
        spki,
        root_key,
    )?
    .build::<p256::ecdsa::DerSignature>()?)
}

/// "CN=<name>,O=<province>,C=VN", with RFC 4514's escapes.
fn name(common_name: &str, province: &str) -> anyhow::Result<Name> {
    let escape = |text: &str| {
        text.chars()
            .flat_map(|c| match c {
                ',' | '+' | '"' | '\\' | '<' | '>' | ';' | '=' => vec!['\\', c],
                c => vec![c],
            })
            .collect::<String>()
    };
    Ok(Name::from_str(&format!(
        "CN={},O={},C=VN",
        escape(common_name),
        escape(province)
    ))?)
}

/// 16 random bytes, positive (RFC 5280 §4.1.2.2).
fn serial_number() -> SerialNumber {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01;
    SerialNumber::new(&bytes).expect("16 bytes make a serial number")
}

fn pem_block<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)?;
    let stop = text[start..].find(&end)? + start + end.len();
    Some(&text[start..stop])
}

/// Writes `bytes` to `path` unless it exists, never leaving half a file.
fn write_once(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let aside = path.with_extension(format!(
        "{}-{}.part",
        std::process::id(),
        rand::random::<u64>()
    ));
    // Private keys: readable by the portal's user only.
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&aside)?
        .write_all(bytes)?;
    let linked = std::fs::hard_link(&aside, path);
    std::fs::remove_file(&aside)?;
    match linked {
        Err(error) if error.kind() != std::io::ErrorKind::AlreadyExists => Err(error.into()),
        _ => Ok(()),
    }
}
