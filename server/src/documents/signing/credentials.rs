//! The signing folder: one PEM file per issuing body, named by the body
//! (`agency-<agency code>.pem`, `unit-<one-stop unit key>.pem`), holding the
//! body's certificate, the certificates of its chain, and its private key
//! (PKCS#8, SEC1 or PKCS#1; ECDSA P-256 or RSA). A PKCS#12 file from a
//! certificate authority becomes one with
//! `openssl pkcs12 -in agency.p12 -nodes -out agency-<code>.pem`.
//!
//! Files are read once, when the instance starts: they are configuration,
//! like a TLS certificate, and every instance reads its own copy.

use anyhow::{bail, Context};
use der::{DecodePem, Encode};
use p256::pkcs8::DecodePrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey;
use sha2::Sha256;
use spki::{AlgorithmIdentifierOwned, EncodePublicKey};
use std::collections::HashMap;
use std::path::Path;
use x509_cert::Certificate;

/// One body's certificate chain and key.
pub struct Signer {
    /// The body's own certificate first, then its issuers.
    pub chain: Vec<Certificate>,
    key: Key,
}

enum Key {
    EcdsaP256(p256::ecdsa::SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>),
}

/// ecdsa-with-SHA256 (RFC 5758).
const ECDSA_WITH_SHA256: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
/// sha256WithRSAEncryption (RFC 4055).
const SHA256_WITH_RSA: der::oid::ObjectIdentifier =
    der::oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");

impl Signer {
    /// The body's certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.chain[0]
    }

    /// The certificate's common name: what a reader shows as the signer.
    pub fn common_name(&self) -> String {
        common_name(self.certificate()).unwrap_or_default()
    }

    /// The signature of `message` (hashed with SHA-256) and its algorithm.
    pub fn sign(&self, message: &[u8]) -> anyhow::Result<(AlgorithmIdentifierOwned, Vec<u8>)> {
        use p256::ecdsa::signature::Signer as _;
        Ok(match &self.key {
            Key::EcdsaP256(key) => {
                // RFC 6979: the same document signs to the same bytes.
                let signature: p256::ecdsa::Signature = key.try_sign(message)?;
                let algorithm = AlgorithmIdentifierOwned {
                    oid: ECDSA_WITH_SHA256,
                    parameters: None,
                };
                (algorithm, signature.to_der().as_bytes().to_vec())
            }
            Key::Rsa(key) => {
                let signature = key.try_sign(message)?;
                let algorithm = AlgorithmIdentifierOwned {
                    oid: SHA256_WITH_RSA,
                    parameters: Some(der::asn1::Null.into()),
                };
                (algorithm, Box::<[u8]>::from(signature).into_vec())
            }
        })
    }

    /// Reads one PEM file: certificates in chain order, and one key that
    /// belongs to the first certificate.
    pub fn from_pem(text: &str) -> anyhow::Result<Signer> {
        let mut chain = Vec::new();
        let mut key = None;
        for (label, block) in pem_blocks(text) {
            match label {
                "CERTIFICATE" => chain.push(Certificate::from_pem(block)?),
                "PRIVATE KEY" => key = Some(pkcs8_key(block)?),
                "EC PRIVATE KEY" => {
                    let secret = p256::SecretKey::from_sec1_pem(block)
                        .context("the EC key is not a P-256 key")?;
                    key = Some(Key::EcdsaP256(secret.into()));
                }
                "RSA PRIVATE KEY" => {
                    let secret = rsa::RsaPrivateKey::from_pkcs1_pem(block)?;
                    key = Some(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(secret))));
                }
                "ENCRYPTED PRIVATE KEY" => {
                    bail!("the private key is encrypted: export it without a passphrase (openssl pkcs8 -nocrypt)")
                }
                _ => {}
            }
        }
        let Some(key) = key else {
            bail!("no private key");
        };
        if chain.is_empty() {
            bail!("no certificate");
        }
        let public = match &key {
            Key::EcdsaP256(key) => key.verifying_key().to_public_key_der()?,
            Key::Rsa(key) => key.as_ref().as_ref().to_public_key().to_public_key_der()?,
        };
        let certified = chain[0].tbs_certificate.subject_public_key_info.to_der()?;
        if public.as_bytes() != certified.as_slice() {
            bail!("the private key does not belong to the first certificate");
        }
        Ok(Signer { chain, key })
    }
}

fn pkcs8_key(block: &str) -> anyhow::Result<Key> {
    if let Ok(key) = p256::ecdsa::SigningKey::from_pkcs8_pem(block) {
        return Ok(Key::EcdsaP256(key));
    }
    let key = rsa::RsaPrivateKey::from_pkcs8_pem(block)
        .context("the key is neither ECDSA P-256 nor RSA")?;
    Ok(Key::Rsa(Box::new(rsa::pkcs1v15::SigningKey::new(key))))
}

/// Each `-----BEGIN X-----` … `-----END X-----` block with its label X.
fn pem_blocks(text: &str) -> Vec<(&str, &str)> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let from = &rest[start..];
        let label_end = from[11..].find("-----").map(|at| at + 11);
        let Some(label_end) = label_end else { break };
        let label = &from[11..label_end];
        let end_marker = format!("-----END {label}-----");
        let Some(end) = from.find(&end_marker) else {
            break;
        };
        let block_end = end + end_marker.len();
        blocks.push((label, &from[..block_end]));
        rest = &from[block_end..];
    }
    blocks
}

/// The CN of `certificate`'s subject.
pub fn common_name(certificate: &Certificate) -> Option<String> {
    const CN: der::oid::ObjectIdentifier = der::oid::ObjectIdentifier::new_unwrap("2.5.4.3");
    certificate
        .tbs_certificate
        .subject
        .0
        .iter()
        .flat_map(|rdn| rdn.0.iter())
        .find(|attribute| attribute.oid == CN)
        .and_then(|attribute| {
            let value = &attribute.value;
            der::asn1::Utf8StringRef::try_from(value)
                .map(|text| text.as_str().to_string())
                .or_else(|_| {
                    der::asn1::PrintableStringRef::try_from(value)
                        .map(|text| text.as_str().to_string())
                })
                .ok()
        })
}

/// Every body's signer, by the body's signing name.
#[derive(Default)]
pub struct Signers {
    by_name: HashMap<String, Signer>,
}

impl Signers {
    /// No signing: documents say nothing of an electronic signature.
    pub fn none() -> Signers {
        Signers::default()
    }

    /// Every `*.pem` directly in `folder`. A file that cannot be used stops
    /// the start: an operator who configured a certificate expects it used.
    pub fn load(folder: &Path) -> anyhow::Result<Signers> {
        let mut by_name = HashMap::new();
        let entries = std::fs::read_dir(folder)
            .with_context(|| format!("cannot read the signing folder {}", folder.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("pem") {
                continue;
            }
            let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let text = std::fs::read_to_string(&path)?;
            let signer = Signer::from_pem(&text)
                .with_context(|| format!("signing credential {}", path.display()))?;
            by_name.insert(name.to_string(), signer);
        }
        Ok(Signers { by_name })
    }

    /// The signer of the body named `name` (`agency-…`, `unit-…`).
    pub fn get(&self, name: &str) -> Option<&Signer> {
        self.by_name.get(name)
    }

    pub fn len(&self) -> usize {
        self.by_name.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_name.is_empty()
    }
}

/// A certificate's DER (for hashing and embedding).
pub fn der_of(certificate: &Certificate) -> anyhow::Result<Vec<u8>> {
    Ok(certificate.to_der()?)
}
