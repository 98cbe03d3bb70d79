//! Photos as phones take them: a small JPEG, and the same carrying EXIF
//! data with a camera make and a GPS position.

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
    let mut photo = Jpeg::from_bytes(jpeg().into()).expect("a JPEG");
    photo.set_exif(Some(tiff.into_inner().into()));
    photo.encoder().bytes().to_vec()
}
