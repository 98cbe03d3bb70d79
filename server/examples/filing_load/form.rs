//! What a citizen sends: the standard filing form's answers, the PDF for
//! the mandatory document, and the bodies they travel in.

use crate::filing::Citizen;

/// The answers of the standard filing form, as the page sends them.
pub(crate) fn answers(citizen: &Citizen) -> Vec<(&'static str, &str)> {
    vec![
        ("filing_form", "1"),
        ("agency", &citizen.agency),
        ("applicant_name", &citizen.name),
        ("applicant_citizen_id", &citizen.citizen_id),
        ("applicant_birth_date", "27/03/1990"),
        ("applicant_phone", "0912345678"),
        ("applicant_address.province", "22"),
        ("applicant_address.commune", "06685"),
        ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
        ("filed_by", "applicant"),
        ("request_details", "Tách hộ cho gia đình con trai"),
        ("result_delivery", "counter"),
        ("oath", "on"),
    ]
}

/// A small PDF that passes the magic-bytes check: a catalogue and a page
/// whose content stream is padded to about `kb` KiB.
pub(crate) fn small_pdf(kb: usize) -> Vec<u8> {
    let mut text =
        String::from("BT /F1 12 Tf 72 720 Td (To khai thay doi thong tin cu tru) Tj ET\n");
    while text.len() < kb * 1024 {
        text.push_str("% filing benchmark padding line, not drawn on the page.......\n");
    }
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec();
    pdf.extend_from_slice(
        b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
          2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n\
          3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n",
    );
    pdf.extend_from_slice(format!("4 0 obj << /Length {} >> stream\n", text.len()).as_bytes());
    pdf.extend_from_slice(text.as_bytes());
    pdf.extend_from_slice(b"endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    pdf
}

pub(crate) fn form_body(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

/// The whole filing form as multipart, the file for `slot` and the pressed
/// "Tải lên" button (`document=<slot>`), as a browser posts it.
pub(crate) fn multipart_body(fields: &[(&str, &str)], slot: &str, pdf: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----motcuaFilingBench7MA4YWxkTrZu0gW";
    let mut body = Vec::with_capacity(pdf.len() + 4096);
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file_{slot}\"; filename=\"to-khai.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(pdf);
    body.extend_from_slice(
        format!(
            "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\n{slot}\r\n--{boundary}--\r\n"
        )
        .as_bytes(),
    );
    (format!("multipart/form-data; boundary={boundary}"), body)
}
