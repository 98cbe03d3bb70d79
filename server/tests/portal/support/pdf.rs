//! PDFs read back as a person would copy their text: through `pdftotext`.

/// The text of a PDF, laid out as on the page.
pub fn text_of(bytes: &[u8]) -> String {
    pdftotext(bytes, "-layout")
}

/// The text of a PDF in the order it was written, whitespace collapsed: a
/// table cell's words read on, however the column wrapped them.
pub fn flowing_text_of(bytes: &[u8]) -> String {
    pdftotext(bytes, "-raw")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pdftotext(bytes: &[u8], mode: &str) -> String {
    let output = poppler("pdftotext", &[mode], bytes, &["-"]);
    String::from_utf8(output.stdout).unwrap()
}

/// Runs one of poppler's tools on `bytes` (written to a file of their
/// own): `tool <before…> file <after…>`.
pub fn poppler(tool: &str, before: &[&str], bytes: &[u8], after: &[&str]) -> std::process::Output {
    let path = std::env::temp_dir().join(format!(
        "motcua-{tool}-{}-{}.pdf",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::write(&path, bytes).unwrap();
    let output = std::process::Command::new(tool)
        .args(before)
        .arg(&path)
        .args(after)
        .output()
        .unwrap_or_else(|error| panic!("{tool} (poppler-utils) runs: {error}"));
    let _ = std::fs::remove_file(&path);
    output
}

/// Keeps a copy of a PDF in the folder `MOTCUA_KEEP_PDFS` names, if set,
/// to look at it (e.g. `pdftoppm -png`); nothing otherwise.
pub fn keep(name: &str, bytes: &[u8]) {
    if let Ok(folder) = std::env::var("MOTCUA_KEEP_PDFS") {
        let _ = std::fs::create_dir_all(&folder);
        let _ = std::fs::write(
            std::path::Path::new(&folder).join(format!("{name}.pdf")),
            bytes,
        );
    }
}

/// What poppler's `pdfsig` says of a PDF's signatures: "Signature is
/// Valid.", the signer's common name, whether the whole file is covered.
pub fn signatures_of(bytes: &[u8]) -> String {
    let output = poppler("pdfsig", &[], bytes, &[]);
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}
