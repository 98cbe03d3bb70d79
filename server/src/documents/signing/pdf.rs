//! Adds a signature to a rendered PDF (ISO 32000-1 §12.8): an invisible
//! signature field on the first page, listed in the catalogue's AcroForm,
//! whose value is a signature dictionary. Its `/Contents` holds the CMS
//! signature over every byte of the file except `/Contents` itself, as
//! `/ByteRange` states.
//!
//! The file is written once with room reserved for both, then the byte
//! range is filled in, hashed and signed, and the signature written into the
//! room kept for it.

use super::{cades, SignatureDetails, Signer};
use anyhow::{anyhow, bail, Context};
use chrono::{DateTime, Utc};
use lopdf::{dictionary, Document, Object, StringFormat};
use sha2::{Digest, Sha256};

/// Room for the CMS signature: a chain of three RSA-4096 certificates fits.
const SIGNATURE_ROOM: usize = 16 * 1024;
/// The byte range as first written; every number has room for a file of up
/// to 9.9 GB when it is written over.
const BYTE_RANGE_PLACEHOLDER: [i64; 4] = [0, 1_111_111_111, 2_222_222_222, 3_333_333_333];

/// `pdf` signed by `signer`, the signature claiming time `at`.
pub fn sign(
    pdf: &[u8],
    signer: &Signer,
    details: &SignatureDetails<'_>,
    at: DateTime<Utc>,
) -> anyhow::Result<Vec<u8>> {
    let mut document = Document::load_mem(pdf).context("reading the PDF to sign")?;
    let first_page = *document
        .get_pages()
        .get(&1)
        .ok_or_else(|| anyhow!("the PDF has no page"))?;
    let signature = document.add_object(dictionary! {
        "Type" => "Sig",
        "Filter" => "Adobe.PPKLite",
        "SubFilter" => "ETSI.CAdES.detached",
        "ByteRange" => BYTE_RANGE_PLACEHOLDER.iter().map(|n| Object::Integer(*n)).collect::<Vec<_>>(),
        "Contents" => Object::String(vec![0; SIGNATURE_ROOM], StringFormat::Hexadecimal),
        "M" => Object::string_literal(pdf_date(at)),
        "Name" => text_string(&signer.common_name()),
        "Reason" => text_string(details.reason),
        "Location" => text_string(details.location),
    });
    // Invisible (a zero rectangle), printed and locked (flags 4 + 128).
    let field = document.add_object(dictionary! {
        "Type" => "Annot",
        "Subtype" => "Widget",
        "FT" => "Sig",
        "T" => text_string("Chữ ký số"),
        "V" => signature,
        "P" => first_page,
        "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
        "F" => 132,
    });
    add_annotation(&mut document, first_page, field)?;
    document.catalog_mut()?.set(
        "AcroForm",
        dictionary! {
            "Fields" => vec![field.into()],
            // Signatures exist; the file is changed only by appending.
            "SigFlags" => 3,
        },
    );
    let mut bytes = Vec::with_capacity(pdf.len() + 2 * SIGNATURE_ROOM + 1024);
    document.save_to(&mut bytes)?;

    let hex_room = format!("<{}>", "0".repeat(2 * SIGNATURE_ROOM));
    let contents_at = find(&bytes, hex_room.as_bytes())
        .ok_or_else(|| anyhow!("the signature's room is not in the written PDF"))?;
    let contents_end = contents_at + hex_room.len();
    let byte_range = [0, contents_at, contents_end, bytes.len() - contents_end];
    let placeholder = BYTE_RANGE_PLACEHOLDER.map(|n| n.to_string()).join(" ");
    let range_at = find(&bytes, placeholder.as_bytes())
        .ok_or_else(|| anyhow!("the byte range is not in the written PDF"))?;
    let range_text = format!(
        "{:<width$}",
        byte_range.map(|n| n.to_string()).join(" "),
        width = placeholder.len()
    );
    bytes[range_at..range_at + placeholder.len()].copy_from_slice(range_text.as_bytes());

    let mut hasher = Sha256::new();
    hasher.update(&bytes[..contents_at]);
    hasher.update(&bytes[contents_end..]);
    let cms = cades::signed_data(signer, &hasher.finalize())?;
    if cms.len() > SIGNATURE_ROOM {
        bail!(
            "the signature ({} bytes) is larger than its room",
            cms.len()
        );
    }
    let cms_hex = hex::encode_upper(&cms);
    bytes[contents_at + 1..contents_at + 1 + cms_hex.len()].copy_from_slice(cms_hex.as_bytes());
    Ok(bytes)
}

/// Adds `field` to the page's annotations, inline or referenced.
fn add_annotation(
    document: &mut Document,
    page: lopdf::ObjectId,
    field: lopdf::ObjectId,
) -> anyhow::Result<()> {
    let annotations = document
        .get_object(page)?
        .as_dict()?
        .get(b"Annots")
        .ok()
        .cloned();
    match annotations {
        Some(Object::Reference(id)) => document
            .get_object_mut(id)?
            .as_array_mut()?
            .push(field.into()),
        Some(Object::Array(mut list)) => {
            list.push(field.into());
            document
                .get_object_mut(page)?
                .as_dict_mut()?
                .set("Annots", list);
        }
        _ => document
            .get_object_mut(page)?
            .as_dict_mut()?
            .set("Annots", vec![Object::from(field)]),
    }
    Ok(())
}

/// A PDF text string: UTF-16BE with its byte order mark, so Vietnamese reads
/// back in any reader.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// "D:20261204214800+07'00'": the time in Vietnam, with its offset.
fn pdf_date(at: DateTime<Utc>) -> String {
    let local = app::deadlines::vietnam_local(at);
    format!("D:{}+07'00'", local.format("%Y%m%d%H%M%S"))
}

/// Where `needle` first starts in `haystack`. Only places that start with
/// the needle's first byte are compared: the signature's room is a long run
/// of one byte, which a sliding window would compare over and over.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    (0..haystack.len().checked_sub(needle.len())? + 1)
        .find(|&at| haystack[at] == first && haystack[at..at + needle.len()] == *needle)
}
