//! The demo's blank forms (`seed/templates/`), named by the documents of
//! `seed/procedures.json` that offer them. Built into the program as the
//! catalogue is, and kept in `template_files` like any an administrator
//! uploads.

const FILES: [(&str, &[u8]); 3] = [
    (
        "to-khai-dang-ky-khai-sinh.pdf",
        include_bytes!("../../seed/templates/to-khai-dang-ky-khai-sinh.pdf"),
    ),
    (
        "to-khai-dang-ky-ket-hon.pdf",
        include_bytes!("../../seed/templates/to-khai-dang-ky-ket-hon.pdf"),
    ),
    (
        "to-khai-cap-phieu-ly-lich-tu-phap.pdf",
        include_bytes!("../../seed/templates/to-khai-cap-phieu-ly-lich-tu-phap.pdf"),
    ),
];

/// The file called `name` in `seed/templates/`.
pub fn content(name: &str) -> Option<&'static [u8]> {
    FILES
        .iter()
        .find(|(file, _)| *file == name)
        .map(|(_, content)| *content)
}
