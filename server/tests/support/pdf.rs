//! PDFs read back as a person would copy their text: through `pdftotext`.

/// The text of a PDF, laid out as on the page.
pub fn text_of(bytes: &[u8]) -> String {
    let path = std::env::temp_dir().join(format!(
        "motcua-{}-{}.pdf",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::write(&path, bytes).unwrap();
    let output = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    let _ = std::fs::remove_file(&path);
    String::from_utf8(output.stdout).unwrap()
}
