//! A report's photos: read within the per-file limit, checked by their
//! bytes (JPEG or PNG; HEIC converted to JPEG first, `heic.rs`) and for
//! viruses as every upload is, the GPS
//! position read from the EXIF data as a suggestion for the place, and then
//! every piece of metadata removed — EXIF, XMP, comments, text chunks —
//! before anything is stored. The pixels are kept byte for byte (no
//! re-encoding), so nothing is lost but what could identify the reporter
//! or their phone.

use super::heic;
use crate::files::kinds::{FileKind, KindError};
use crate::files::upload::{scan, screen, Refused};
use crate::state::AppState;
use app::field_reports::rules::{in_vietnam, Point};
use app::i18n::Lang;
use bytes::Bytes;
use img_parts::jpeg::Jpeg;
use img_parts::png::Png;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, PutPayload};
use sha2::{Digest, Sha256};
use sqlx::PgConnection;

/// A photo ready to keep: metadata gone.
pub(crate) struct CleanPhoto {
    pub name: String,
    pub kind: FileKind,
    pub bytes: Vec<u8>,
    /// Where the camera says it was taken, if it says so (inside Vietnam).
    pub taken_at: Option<Point>,
}

/// Why a photo was not taken, for the reporter.
pub(crate) enum PhotoRefused {
    TooLarge {
        max: u64,
    },
    /// Not a JPEG, PNG or HEIC by its bytes.
    NotAPhoto(String),
    /// Refused as any upload is (a name that belies the bytes…).
    Upload(Refused),
    Unreadable(String),
    Infected(String),
    NotScanned,
    TooMany(usize),
}

impl PhotoRefused {
    pub fn message(&self, lang: Lang) -> String {
        let mb = |bytes: u64| bytes / (1024 * 1024);
        match (self, lang) {
            (PhotoRefused::TooLarge { max }, Lang::Vi) => format!("Ảnh quá lớn: mỗi ảnh tối đa {} MB.", mb(*max)),
            (PhotoRefused::TooLarge { max }, Lang::En) => format!("A photo is too large: at most {} MB each.", mb(*max)),
            (PhotoRefused::NotAPhoto(name), Lang::Vi) => format!("“{name}” không phải ảnh JPEG, PNG hoặc HEIC. Hãy chọn một ảnh chụp."),
            (PhotoRefused::NotAPhoto(name), Lang::En) => format!("“{name}” is not a JPEG, PNG or HEIC photo. Choose a photo."),
            (PhotoRefused::Unreadable(name), Lang::Vi) => format!("Không đọc được ảnh “{name}”: tệp bị hỏng hoặc không trọn vẹn."),
            (PhotoRefused::Unreadable(name), Lang::En) => format!("“{name}” could not be read: the file is damaged or incomplete."),
            (PhotoRefused::Infected(name), Lang::Vi) => format!("Ảnh “{name}” chứa mã độc nên không được nhận."),
            (PhotoRefused::Infected(name), Lang::En) => format!("“{name}” contains malware and was not accepted."),
            (PhotoRefused::NotScanned, Lang::Vi) => "Chưa kiểm tra được virus cho ảnh nên chưa nhận. Vui lòng thử lại sau ít phút.".into(),
            (PhotoRefused::NotScanned, Lang::En) => "The photos could not be checked for viruses, so they were not accepted. Please try again in a few minutes.".into(),
            (PhotoRefused::TooMany(max), Lang::Vi) => format!("Gửi tối đa {max} ảnh."),
            (PhotoRefused::TooMany(max), Lang::En) => format!("Send at most {max} photos."),
            (PhotoRefused::Upload(refused), lang) => refused.message(lang),
        }
    }
}

/// Checks one photo read in full as every upload is checked
/// (`files::upload::screen`: its bytes, its name, viruses), then takes its
/// metadata off.
pub(crate) async fn clean(
    state: &AppState,
    name: String,
    declared: Option<String>,
    content: Vec<u8>,
) -> Result<CleanPhoto, PhotoRefused> {
    // Where the camera says it was: HEIF keeps EXIF as a JPEG does.
    let taken_at = gps_position(&content);
    let (name, declared, content) = if heic::is_heic(&content) {
        // Scanned as it came, before libheif reads it.
        scan(state, &content, &name).await.map_err(refusal)?;
        let jpeg = heic::to_jpeg(&content).await.map_err(|error| {
            tracing::warn!(%error, "a HEIC photo could not be converted");
            PhotoRefused::Unreadable(name.clone())
        })?;
        (heic::jpeg_name(&name), Some("image/jpeg".to_string()), jpeg)
    } else {
        (name, declared, content)
    };
    let kind = match screen(state, &content, &name, declared.as_deref()).await {
        Ok(FileKind::Pdf) => return Err(PhotoRefused::NotAPhoto(name)),
        Ok(kind) => kind,
        Err(Refused::Kind(KindError::NotAllowed, _)) => return Err(PhotoRefused::NotAPhoto(name)),
        Err(refused) => return Err(refusal(refused)),
    };
    let bytes =
        strip_metadata(kind, content).ok_or_else(|| PhotoRefused::Unreadable(name.clone()))?;
    Ok(CleanPhoto {
        name,
        kind,
        bytes,
        taken_at,
    })
}

/// Why the upload's screening refused a photo, for the reporter.
fn refusal(refused: Refused) -> PhotoRefused {
    match refused {
        Refused::Infected { name, .. } => PhotoRefused::Infected(name),
        Refused::NotScanned => PhotoRefused::NotScanned,
        refused => PhotoRefused::Upload(refused),
    }
}

/// The GPS position in a photo's EXIF data, when it has one inside
/// Vietnam (a phone's default 0,0 is no position).
pub fn gps_position(content: &[u8]) -> Option<Point> {
    let exif = exif::Reader::new()
        .read_from_container(&mut std::io::Cursor::new(content))
        .ok()?;
    let degrees = |value_tag: exif::Tag, reference_tag: exif::Tag| -> Option<f64> {
        let field = exif.get_field(value_tag, exif::In::PRIMARY)?;
        let exif::Value::Rational(parts) = &field.value else {
            return None;
        };
        let [d, m, s] = parts.get(..3)? else {
            return None;
        };
        let value = d.to_f64() + m.to_f64() / 60.0 + s.to_f64() / 3600.0;
        let reference = exif
            .get_field(reference_tag, exif::In::PRIMARY)
            .map(|field| field.display_value().to_string())
            .unwrap_or_default();
        Some(
            if reference.starts_with('S') || reference.starts_with('W') {
                -value
            } else {
                value
            },
        )
    };
    let latitude = degrees(exif::Tag::GPSLatitude, exif::Tag::GPSLatitudeRef)?;
    let longitude = degrees(exif::Tag::GPSLongitude, exif::Tag::GPSLongitudeRef)?;
    in_vietnam(latitude, longitude).then_some(Point {
        latitude,
        longitude,
    })
}

/// The image without metadata: a JPEG keeps only the segments needed to
/// show it (frame, tables, scan; JFIF and the colour profile), a PNG only
/// its critical chunks and those that change how it looks. `None`: not a
/// readable image of that kind.
pub fn strip_metadata(kind: FileKind, content: Vec<u8>) -> Option<Vec<u8>> {
    let bytes = Bytes::from(content);
    match kind {
        FileKind::Jpeg => {
            let mut jpeg = Jpeg::from_bytes(bytes).ok()?;
            jpeg.segments_mut().retain(|segment| {
                let marker = segment.marker();
                let contents = segment.contents();
                match marker {
                    // APP0 (JFIF), APP2 only for an ICC profile, APP14
                    // (Adobe colour transform: without it some JPEGs show
                    // wrong colours).
                    0xE0 => contents.starts_with(b"JFIF\0"),
                    0xE2 => contents.starts_with(b"ICC_PROFILE\0"),
                    0xEE => contents.starts_with(b"Adobe"),
                    // Every other APPn (EXIF, XMP, maker data) and comments.
                    0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
                    _ => true,
                }
            });
            Some(jpeg.encoder().bytes().to_vec())
        }
        FileKind::Png => {
            let mut png = Png::from_bytes(bytes).ok()?;
            png.chunks_mut().retain(|chunk| {
                matches!(
                    &chunk.kind(),
                    b"IHDR"
                        | b"PLTE"
                        | b"IDAT"
                        | b"IEND"
                        | b"tRNS"
                        | b"gAMA"
                        | b"cHRM"
                        | b"sRGB"
                        | b"iCCP"
                        | b"sBIT"
                        | b"pHYs"
                        | b"bKGD"
                )
            });
            Some(png.encoder().bytes().to_vec())
        }
        FileKind::Pdf => None,
    }
}

/// Puts a clean photo in the store and records it for `report_id` at
/// `stage`, owned by `owner` (the reporter, or the official who took or
/// filed it). Returns the stored key, to take back out if the transaction
/// fails.
async fn keep(
    state: &AppState,
    conn: &mut PgConnection,
    photo: &CleanPhoto,
    owner: i64,
    report_id: i64,
    stage: &str,
    position: i32,
) -> anyhow::Result<String> {
    let key = crate::files::new_storage_key();
    state
        .files
        .put(
            &StorePath::from(key.as_str()),
            PutPayload::from(photo.bytes.clone()),
        )
        .await?;
    let sha256 = Sha256::digest(&photo.bytes).to_vec();
    let file_id = sqlx::query_scalar!(
        "INSERT INTO stored_files (owner_id, storage_key, original_name, content_type, size_bytes, sha256, kind)
         VALUES ($1, $2, $3, $4, $5, $6, 'report_photo') RETURNING id",
        owner,
        key,
        app::text::normalize(&photo.name),
        photo.kind.mime(),
        photo.bytes.len() as i64,
        sha256,
    )
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO field_report_photos (report_id, file_id, stage, position) VALUES ($1, $2, $3, $4)",
        report_id,
        file_id,
        stage,
        position
    )
    .execute(&mut *conn)
    .await?;
    Ok(key)
}

/// Keeps `photos` for `report_id` at `stage` in `tx` and commits it; if
/// anything fails, the photos already put in the store are taken back out
/// (nothing is left there that no report holds).
pub(crate) async fn keep_all_and_commit(
    state: &AppState,
    mut tx: sqlx::Transaction<'_, sqlx::Postgres>,
    photos: &[CleanPhoto],
    owner: i64,
    report_id: i64,
    stage: &str,
) -> anyhow::Result<()> {
    let mut keys = Vec::new();
    let kept: anyhow::Result<()> = async {
        for (position, photo) in photos.iter().enumerate() {
            keys.push(
                keep(
                    state,
                    &mut tx,
                    photo,
                    owner,
                    report_id,
                    stage,
                    position as i32,
                )
                .await?,
            );
        }
        tx.commit().await?;
        Ok(())
    }
    .await;
    if kept.is_err() {
        for key in &keys {
            let _ = state.files.delete(&StorePath::from(key.as_str())).await;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 1×1 greyscale baseline JPEG with a comment segment ("helo").
    fn tiny_jpeg() -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xD8];
        bytes.extend([0xFF, 0xFE, 0x00, 0x06]);
        bytes.extend(b"helo");
        // Quantisation table: 64 ones.
        bytes.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
        bytes.extend([1u8; 64]);
        // One 1×1 component.
        bytes.extend([
            0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
        ]);
        // A DC table with one code.
        bytes.extend([0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01]);
        bytes.extend([0u8; 15]);
        bytes.push(0x00);
        bytes.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
        bytes.extend([0x00, 0xFF, 0xD9]);
        bytes
    }

    #[test]
    fn a_jpeg_loses_its_comments_and_keeps_its_frame() {
        let original = tiny_jpeg();
        let clean = strip_metadata(FileKind::Jpeg, original.clone()).expect("a JPEG");
        assert!(clean.starts_with(&[0xFF, 0xD8]));
        assert!(
            !clean.windows(4).any(|w| w == b"helo"),
            "the comment is gone"
        );
        assert!(
            clean.windows(2).any(|w| w == [0xFF, 0xC0]),
            "the frame stays"
        );
        assert_eq!(clean.len(), original.len() - 8);
    }

    #[test]
    fn something_else_is_not_a_jpeg() {
        assert!(strip_metadata(FileKind::Jpeg, b"not an image".to_vec()).is_none());
    }
}
