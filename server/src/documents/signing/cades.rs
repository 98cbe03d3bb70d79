//! The CMS SignedData a PDF signature holds (RFC 5652), in the form PAdES
//! baseline B-B asks for (ETSI EN 319 142-1, "ETSI.CAdES.detached"): the
//! content is detached (the PDF's signed byte ranges), and the signed
//! attributes are the content type, the digest and the signing certificate
//! (ESS signing-certificate-v2, which binds the certificate to the
//! signature). PAdES forbids the CMS signing-time attribute: the claimed
//! time is the signature dictionary's `/M`.

use super::credentials::{der_of, Signer};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::content_info::{CmsVersion, ContentInfo};
use cms::signed_data::{
    CertificateSet, EncapsulatedContentInfo, SignedData, SignerIdentifier, SignerInfo, SignerInfos,
};
use der::asn1::{OctetString, SetOfVec};
use der::oid::ObjectIdentifier;
use der::{Any, Encode, Sequence};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const ID_SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
const ID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
const SIGNING_CERTIFICATE_V2: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47");

/// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, … }
/// (RFC 5035).
#[derive(Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// ESSCertIDv2 with the default hash algorithm (SHA-256), which DER omits.
#[derive(Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
}

/// The DER of a ContentInfo holding the SignedData over content whose
/// SHA-256 is `digest`, signed by `signer`.
pub fn signed_data(signer: &Signer, digest: &[u8]) -> anyhow::Result<Vec<u8>> {
    let certificate = signer.certificate();
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA256,
        parameters: None,
    };
    let certificate_hash = Sha256::digest(der_of(certificate)?).to_vec();
    let signed_attrs = SetOfVec::try_from(vec![
        attribute(CONTENT_TYPE, &ID_DATA)?,
        attribute(MESSAGE_DIGEST, &OctetString::new(digest.to_vec())?)?,
        attribute(
            SIGNING_CERTIFICATE_V2,
            &SigningCertificateV2 {
                certs: vec![EssCertIdV2 {
                    cert_hash: OctetString::new(certificate_hash)?,
                }],
            },
        )?,
    ])?;
    // What is signed is the DER of the attributes as a SET (RFC 5652 §5.4).
    let (signature_algorithm, signature) = signer.sign(&signed_attrs.to_der()?)?;
    let signer_info = SignerInfo {
        version: CmsVersion::V1,
        sid: SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: certificate.tbs_certificate.issuer.clone(),
            serial_number: certificate.tbs_certificate.serial_number.clone(),
        }),
        digest_alg: sha256.clone(),
        signed_attrs: Some(signed_attrs),
        signature_algorithm,
        signature: OctetString::new(signature)?,
        unsigned_attrs: None,
    };
    let certificates = signer
        .chain
        .iter()
        .map(|certificate| CertificateChoices::Certificate(certificate.clone()))
        .collect::<Vec<_>>();
    let signed_data = SignedData {
        version: CmsVersion::V1,
        digest_algorithms: SetOfVec::try_from(vec![sha256])?,
        encap_content_info: EncapsulatedContentInfo {
            econtent_type: ID_DATA,
            econtent: None,
        },
        certificates: Some(CertificateSet(SetOfVec::try_from(certificates)?)),
        crls: None,
        signer_infos: SignerInfos(SetOfVec::try_from(vec![signer_info])?),
    };
    Ok(ContentInfo {
        content_type: ID_SIGNED_DATA,
        content: Any::encode_from(&signed_data)?,
    }
    .to_der()?)
}

fn attribute<T: der::Tagged + der::EncodeValue>(
    oid: ObjectIdentifier,
    value: &T,
) -> anyhow::Result<Attribute> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![Any::encode_from(value)?])?,
    })
}
