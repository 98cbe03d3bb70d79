//! Photos as phones take them: a small JPEG, and the same carrying EXIF
//! data with a camera make and a GPS position; and an iPhone's HEIC with
//! that EXIF data, made by libheif's own encoder.

use exif::{Field, In, Rational, Tag, Value};
use img_parts::jpeg::Jpeg;
use img_parts::ImageEXIF;

/// A 1×1 greyscale baseline JPEG.
pub fn jpeg() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xD8];
    bytes.extend([0xFF, 0xDB, 0x00, 0x43, 0x00]);
    bytes.extend([1u8; 64]);
    bytes.extend([
        0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
    ]);
    bytes.extend([0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01]);
    bytes.extend([0u8; 15]);
    bytes.push(0x00);
    bytes.extend([0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00]);
    bytes.extend([0x00, 0xFF, 0xD9]);
    bytes
}

/// The make every test photo's EXIF names, to look for after stripping.
pub const CAMERA: &str = "MotCuaTestPhone";

/// `jpeg()` with EXIF: the camera make and a GPS position (north, east).
pub fn jpeg_with_gps(latitude: f64, longitude: f64) -> Vec<u8> {
    with_gps(jpeg(), latitude, longitude)
}

/// `photo` (a JPEG) with the camera make and a GPS position as EXIF.
fn with_gps(photo: Vec<u8>, latitude: f64, longitude: f64) -> Vec<u8> {
    let dms = |value: f64| {
        let degrees = value.trunc();
        let minutes_full = (value - degrees) * 60.0;
        let minutes = minutes_full.trunc();
        let seconds = (minutes_full - minutes) * 60.0;
        vec![
            Rational::from((degrees as u32, 1)),
            Rational::from((minutes as u32, 1)),
            Rational::from(((seconds * 10_000.0).round() as u32, 10_000)),
        ]
    };
    let fields = [
        Field {
            tag: Tag::Make,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![CAMERA.as_bytes().to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"N".to_vec()]),
        },
        Field {
            tag: Tag::GPSLatitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(dms(latitude)),
        },
        Field {
            tag: Tag::GPSLongitudeRef,
            ifd_num: In::PRIMARY,
            value: Value::Ascii(vec![b"E".to_vec()]),
        },
        Field {
            tag: Tag::GPSLongitude,
            ifd_num: In::PRIMARY,
            value: Value::Rational(dms(longitude)),
        },
    ];
    let mut writer = exif::experimental::Writer::new();
    for field in &fields {
        writer.push_field(field);
    }
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).expect("EXIF data");
    let mut photo = Jpeg::from_bytes(photo.into()).expect("a JPEG");
    photo.set_exif(Some(tiff.into_inner().into()));
    photo.encoder().bytes().to_vec()
}

/// A 64×64 colour PNG (a gradient), its pixels in one stored deflate
/// block: what an encoder can take.
fn png() -> Vec<u8> {
    let (width, height) = (64u32, 64u32);
    let mut pixels = Vec::new();
    for y in 0..height {
        pixels.push(0u8);
        for x in 0..width {
            pixels.extend([(x * 4) as u8, (y * 4) as u8, 128]);
        }
    }
    let adler = {
        let (mut a, mut b) = (1u32, 0u32);
        for byte in &pixels {
            a = (a + u32::from(*byte)) % 65521;
            b = (b + a) % 65521;
        }
        (b << 16) | a
    };
    let length = pixels.len() as u16;
    let mut zlib = vec![0x78, 0x01, 0x01];
    zlib.extend(length.to_le_bytes());
    zlib.extend((!length).to_le_bytes());
    zlib.extend(&pixels);
    zlib.extend(adler.to_be_bytes());
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut out = (data.len() as u32).to_be_bytes().to_vec();
        out.extend(kind);
        out.extend(data);
        let crc = crc32(&out[4..]);
        out.extend(crc.to_be_bytes());
        out
    };
    let mut header = width.to_be_bytes().to_vec();
    header.extend(height.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
    png.extend(chunk(b"IHDR", &header));
    png.extend(chunk(b"IDAT", &zlib));
    png.extend(chunk(b"IEND", &[]));
    png
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// Runs one of libheif's tools on `input` (named `from`), returning what
/// it wrote to `to`.
fn libheif(tool: &str, input: &[u8], from: &str, to: &str) -> Vec<u8> {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("motcua-test-heic-{}-{run}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (source, target) = (dir.join(from), dir.join(to));
    std::fs::write(&source, input).unwrap();
    let args: Vec<&std::ffi::OsStr> = match tool {
        "heif-enc" => vec![
            "-q".as_ref(),
            "60".as_ref(),
            source.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ],
        _ => vec![source.as_os_str(), target.as_os_str()],
    };
    let done = std::process::Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|error| panic!("{tool} runs (setup installs libheif-examples): {error}"));
    assert!(
        done.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&done.stderr)
    );
    let output = std::fs::read(&target).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    output
}

/// A HEIC photo as an iPhone takes it: EXIF with the camera make and a
/// GPS position. libheif encodes a JPEG it decoded itself (with the EXIF
/// added), and keeps that JPEG's EXIF in the HEIC.
pub fn heic_with_gps(latitude: f64, longitude: f64) -> Vec<u8> {
    let plain = libheif("heif-enc", &png(), "in.png", "plain.heic");
    let jpeg = libheif("heif-convert", &plain, "plain.heic", "plain.jpg");
    libheif(
        "heif-enc",
        &with_gps(jpeg, latitude, longitude),
        "gps.jpg",
        "photo.heic",
    )
}
