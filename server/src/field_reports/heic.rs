//! HEIC photos (iPhones take them by default) are converted to JPEG before
//! they are kept, so every browser shows them: by `heif-convert` from
//! libheif (Debian's `libheif-examples`, which setup installs), run on a
//! copy in a private temporary folder, with a time limit. The HEIC is
//! scanned for viruses as it came, before libheif reads it; the JPEG is
//! then screened and stripped like any photo.

use std::path::PathBuf;
use std::time::Duration;

/// A 12-megapixel photo converts in about a second; anything far slower
/// is not a photo we want to wait for.
const LIMIT: Duration = Duration::from_secs(30);

/// Whether the bytes are an HEIF image (HEIC, the iPhone's format).
pub(crate) fn is_heic(bytes: &[u8]) -> bool {
    infer::image::is_heif(bytes)
}

/// `photo.HEIC` → `photo.jpg`.
pub(crate) fn jpeg_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem).trim();
    format!("{}.jpg", if stem.is_empty() { "anh" } else { stem })
}

/// Removes the folder however the conversion ended.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The photo as a JPEG (quality 90), or why it could not be converted.
pub(crate) async fn to_jpeg(heic: &[u8]) -> anyhow::Result<Vec<u8>> {
    let folder = std::env::temp_dir().join(format!("motcua-heic-{:016x}", rand::random::<u64>()));
    tokio::fs::create_dir(&folder).await?;
    let scratch = Scratch(folder);
    let (input, output) = (scratch.0.join("in.heic"), scratch.0.join("out.jpg"));
    tokio::fs::write(&input, heic).await?;
    let run = tokio::process::Command::new("heif-convert")
        .arg("-q")
        .arg("90")
        .arg(&input)
        .arg(&output)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .kill_on_drop(true)
        .output();
    let done = tokio::time::timeout(LIMIT, run)
        .await
        .map_err(|_| anyhow::anyhow!("heif-convert took longer than {LIMIT:?}"))??;
    if !done.status.success() {
        anyhow::bail!(
            "heif-convert failed: {}",
            String::from_utf8_lossy(&done.stderr).trim()
        );
    }
    Ok(tokio::fs::read(&output).await?)
}

#[cfg(test)]
mod tests {
    use super::jpeg_name;

    #[test]
    fn a_converted_photo_keeps_its_name_as_a_jpeg() {
        assert_eq!(jpeg_name("IMG_0042.HEIC"), "IMG_0042.jpg");
        assert_eq!(jpeg_name("anh"), "anh.jpg");
        assert_eq!(jpeg_name(".heic"), "anh.jpg");
    }
}
