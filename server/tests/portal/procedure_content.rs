//! A draft's fees, exemptions and workflow, edited by one administrator and
//! published by another: what a filing then owes, and the legal time limit
//! the workflow must fit.

use crate::procedure_versions::{draft_fields, signed_in, ADMIN_PAGE, AUTHOR, REVIEWER};
use crate::support;

use support::browser::Browser;
use support::dossiers::fee_total;
use support::uploads::{current_document, upload_to, PDF};
use support::{spawn_app, TestApp};

/// "Tách hộ", filed with the standard form.
const FILING: &str = "/nop-ho-so/1.010038";
const PROOF: &str = "Giấy chứng nhận hộ nghèo";

/// `fields` with `changes` applied: replaced where the name exists, added
/// where it does not.
fn with(
    mut fields: Vec<(&'static str, &'static str)>,
    changes: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    for (name, value) in changes {
        match fields.iter_mut().find(|(field, _)| field == name) {
            Some(field) => field.1 = value,
            None => fields.push((name, value)),
        }
    }
    fields
}

/// A charged online fee of 5.000 đ, waived for poor households who upload
/// their certificate.
fn fee_with_exemption() -> Vec<(&'static str, &'static str)> {
    with(
        draft_fields("3"),
        &[
            ("fee.0.charged", "on"),
            ("documents", "3"),
            ("document.2.name", PROOF),
            ("document.2.originals", "0"),
            ("document.2.copies", "1"),
            ("exemptions", "1"),
            ("exemption.0.code", "ho_ngheo"),
            ("exemption.0.name", "Thành viên hộ nghèo"),
            ("exemption.0.percent_off", "100"),
            ("exemption.0.evidence_document", PROOF),
        ],
    )
}

async fn draft<'a>(app: &'a TestApp, fields: &[(&'static str, &'static str)]) -> Browser<'a> {
    let mut author = signed_in(app, AUTHOR).await;
    author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
    let saved = author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), fields)
        .await;
    assert_eq!(saved.location(), ADMIN_PAGE);
    author
}

async fn publish(app: &TestApp) -> String {
    let mut reviewer = signed_in(app, REVIEWER).await;
    reviewer
        .post(
            &format!("{ADMIN_PAGE}/ban-nhap/xuat-ban"),
            &[("effective_from", "")],
        )
        .await;
    reviewer.get(ADMIN_PAGE).await.text()
}

fn answers(group: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("filing_form", "1"),
        ("agency", "000.01.40.H34"),
        ("applicant_name", "Nguyễn Văn Công"),
        ("applicant_citizen_id", "022190001234"),
        ("applicant_birth_date", "27/03/1990"),
        ("applicant_phone", "0912345678"),
        ("applicant_address.province", "22"),
        ("applicant_address.commune", "06685"),
        ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
        ("filed_by", "applicant"),
        ("request_details", "Tách hộ cho gia đình con trai"),
        ("result_delivery", "counter"),
        ("fee_exemption", group),
        ("oath", "on"),
        ("action", "review"),
    ]
}

async fn upload(app: &TestApp, citizen: &Browser<'_>, prefix: &str, file: &str) {
    let slot = current_document(app, "1.010038", prefix).await;
    let uploaded = upload_to(app, citizen, &format!("{FILING}/giay-to"), slot, file, PDF).await;
    assert_eq!(uploaded.status, 303);
}

#[tokio::test]
async fn a_published_fee_is_owed_and_an_exemption_waives_it_once_proved() {
    let app = spawn_app().await;
    let mut author = draft(&app, &fee_with_exemption()).await;
    let page = author.get(ADMIN_PAGE).await.text();
    assert!(
        page.contains("Lệ phí: Lệ phí tách hộ (nộp trực tuyến) — 5.000 đ, thu khi nộp"),
        "the changes list the charged fee: {page}"
    );
    assert!(
        page.contains("Thành viên hộ nghèo (ho_ngheo): giảm 100%"),
        "{page}"
    );

    let mut citizen = signed_in(&app, "congdan@motcua.example").await;
    let before = citizen.get(FILING).await.text();
    assert!(
        !before.contains("Bạn thuộc đối tượng được miễn, giảm phí nào?"),
        "a draft changes nothing citizens see: {before}"
    );

    assert!(publish(&app).await.contains("Đã xuất bản"));
    let form = citizen.get(FILING).await.text();
    assert!(
        form.contains("Bạn thuộc đối tượng được miễn, giảm phí nào?")
            && form.contains("Thành viên hộ nghèo"),
        "the standard form asks for the group: {form}"
    );

    upload(&app, &citizen, "Tờ khai", "to-khai.pdf").await;
    let check = format!("{FILING}/kiem-tra");
    assert_eq!(
        citizen.post(FILING, &answers("khong")).await.location(),
        check
    );
    let owed = citizen.get(&check).await;
    assert_eq!(
        fee_total(&owed.body).as_deref(),
        Some("5000"),
        "{}",
        owed.text()
    );

    // Claiming the exemption needs its proof before the dossier can go.
    citizen.post(FILING, &answers("ho_ngheo")).await;
    let unproved = citizen.get(&check).await;
    assert!(
        unproved.text().contains(&format!("Cần tải lên: {PROOF}")),
        "{}",
        unproved.text()
    );
    assert_eq!(fee_total(&unproved.body), None, "no “Nộp hồ sơ” yet");
    upload(&app, &citizen, PROOF, "ho-ngheo.pdf").await;
    let waived = citizen.get(&check).await;
    assert_eq!(
        fee_total(&waived.body).as_deref(),
        Some("0"),
        "{}",
        waived.text()
    );
}

#[tokio::test]
async fn a_workflow_that_outlasts_the_processing_time_is_not_published() {
    let app = spawn_app().await;
    // 8 + 20 + 4 + 4: 28 working hours after acceptance, for 3 days (24).
    let mut author = draft(
        &app,
        &with(draft_fields("3"), &[("step.1.budget_hours", "20")]),
    )
    .await;
    let refused = publish(&app).await;
    assert!(
        refused.contains("cần 28 giờ làm việc, vượt thời hạn giải quyết 24 giờ"),
        "{refused}"
    );
    let in_force: i32 = sqlx::query_scalar(
        "SELECT c.version FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
         WHERE p.code = '1.010038'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(in_force, 1, "the draft stays a draft");

    author
        .post(&format!("{ADMIN_PAGE}/ban-nhap/luu"), &draft_fields("3"))
        .await;
    assert!(publish(&app).await.contains("Đã xuất bản"));
    let steps: Vec<(String, i32)> = sqlx::query_as(
        "SELECT w.name, w.budget_hours FROM workflow_steps w
         JOIN current_procedure_versions c ON c.id = w.version_id
         JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.010038' ORDER BY w.position",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        steps,
        [
            ("Tiếp nhận hồ sơ".to_string(), 8),
            ("Thẩm định hồ sơ".to_string(), 16),
            ("Phê duyệt".to_string(), 4),
            ("Trả kết quả".to_string(), 4),
        ]
    );
}

#[tokio::test]
async fn a_refused_fee_line_says_why_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let mut author = draft(
        &app,
        &with(
            fee_with_exemption(),
            &[
                ("fee.0.amount_vnd", "năm nghìn"),
                ("fee.0.per_field", "so_ban_sao"),
                ("exemption.0.percent_off", "150"),
            ],
        ),
    )
    .await;
    let page = author.get(ADMIN_PAGE).await;
    let text = page.text();
    for message in [
        "Nhập mức thu bằng số đồng",
        "Biểu mẫu của thủ tục không có trường này.",
        "Nhập tỷ lệ từ 1 đến 100.",
    ] {
        assert!(text.contains(message), "{message}: {text}");
    }
    assert!(page.body.contains("value=\"năm nghìn\""), "kept as typed");
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM fee_exemptions e JOIN procedure_versions v ON v.id = e.version_id
         WHERE v.published_at IS NULL",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, 0, "nothing of a refused form is saved");
}

#[tokio::test]
async fn any_two_versions_compare_field_by_field() {
    let app = spawn_app().await;
    let mut author = draft(&app, &fee_with_exemption()).await;
    assert!(publish(&app).await.contains("Đã xuất bản"));
    let compare = format!("{ADMIN_PAGE}/so-sanh");
    assert!(author
        .get(ADMIN_PAGE)
        .await
        .body
        .contains(&format!("href=\"{compare}\"")));
    let page = author.get(&format!("{compare}?tu=1&den=2")).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for shown in [
        "Phiên bản 1",
        "Phiên bản 2",
        "3 ngày làm việc",
        "Thành viên hộ nghèo (ho_ngheo): giảm 100%",
        "Tiếp nhận hồ sơ: 8 giờ",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    let same = author.get(&format!("{compare}?tu=2&den=2")).await.text();
    assert!(
        same.contains("Hai phiên bản có nội dung giống nhau."),
        "{same}"
    );
    assert_eq!(
        author.get(&format!("{compare}?tu=1&den=9")).await.status,
        404
    );
}

/// Liên thông: an administrator gives the processing step to the land
/// registration office; an unknown agency, or an agency for reception, is
/// refused with the choice kept out of the draft.
#[tokio::test]
async fn a_step_is_given_to_another_agency_and_a_made_up_one_is_refused() {
    let app = spawn_app().await;
    let mut author = draft(
        &app,
        &with(draft_fields("3"), &[("step.1.agency", "000.01.14.H34")]),
    )
    .await;
    let page = author.get(ADMIN_PAGE).await;
    assert!(
        page.body
            .contains("<option value=\"000.01.14.H34\" selected>"),
        "the draft shows the office chosen"
    );
    assert!(page.text().contains("Cơ quan thực hiện bước này"));
    assert!(publish(&app).await.contains("Đã xuất bản"));
    let agencies: Vec<Option<String>> = sqlx::query_scalar(
        "SELECT a.code FROM workflow_steps w
         JOIN current_procedure_versions c ON c.id = w.version_id
         JOIN procedures p ON p.id = c.procedure_id
         LEFT JOIN agencies a ON a.id = w.agency_id
         WHERE p.code = '1.010038' ORDER BY w.position",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        agencies,
        [None, Some("000.01.14.H34".to_string()), None, None]
    );

    for forged in [
        ("step.1.agency", "000.99.99.H34"),
        ("step.0.agency", "000.01.14.H34"),
    ] {
        author.post(&format!("{ADMIN_PAGE}/ban-nhap"), &[]).await;
        let saved = author
            .post(
                &format!("{ADMIN_PAGE}/ban-nhap/luu"),
                &with(draft_fields("3"), &[forged]),
            )
            .await;
        assert_eq!(saved.location(), ADMIN_PAGE);
        let text = author.get(ADMIN_PAGE).await.text();
        assert!(
            text.contains("Chọn một mục trong danh sách."),
            "{forged:?} refused: {text}"
        );
    }
}

/// The English name and the steps citizens follow are edited with the rest
/// of the draft and shown once it is published.
#[tokio::test]
async fn the_english_name_and_the_steps_are_edited_and_published() {
    let app = spawn_app().await;
    let mut author = draft(
        &app,
        &with(
            draft_fields("3"),
            &[
                ("name_en", "Splitting a household"),
                (
                    "procedure_steps",
                    "Bước 1: Nộp hồ sơ trực tuyến.\n\n  Bước 2: Nhận kết quả qua Cổng.  ",
                ),
            ],
        ),
    )
    .await;
    let editor = author.get(ADMIN_PAGE).await;
    assert!(editor.body.contains("Splitting a household"));
    assert!(editor.text().contains("Trình tự thực hiện"));
    assert!(publish(&app).await.contains("Đã xuất bản"));
    let mut citizen = Browser::new(&app);
    let page = citizen.get("/thu-tuc/1.010038").await.text();
    assert!(
        page.contains("Bước 1: Nộp hồ sơ trực tuyến.")
            && page.contains("Bước 2: Nhận kết quả qua Cổng."),
        "{page}"
    );
    let english = citizen.get("/thu-tuc/1.010038?lang=en").await.text();
    assert!(english.contains("Splitting a household"), "{english}");
    let steps: Vec<String> = sqlx::query_scalar(
        "SELECT unnest(c.steps) FROM current_procedure_versions c
         JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.010038'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        steps,
        [
            "Bước 1: Nộp hồ sơ trực tuyến.",
            "Bước 2: Nhận kết quả qua Cổng."
        ],
        "one step per line, blank lines dropped"
    );
    // The legal basis, one instrument per line too, keeps its lines.
    let legal_basis: Vec<String> = sqlx::query_scalar(
        "SELECT unnest(c.legal_basis) FROM current_procedure_versions c
         JOIN procedures p ON p.id = c.procedure_id WHERE p.code = '1.010038'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        legal_basis,
        ["Luật Cư trú 2020", "Nghị định 154/2024/NĐ-CP"]
    );
}

/// A document's note is edited with the draft and shown to citizens; a
/// note seeded with the catalogue survives a save that does not touch it.
#[tokio::test]
async fn a_documents_note_is_kept_edited_and_shown() {
    let app = spawn_app().await;
    let note = "Chỉ cần khi chủ hộ không trực tiếp nộp hồ sơ.";
    draft(&app, &with(draft_fields("3"), &[("document.1.note", note)])).await;
    assert!(publish(&app).await.contains("Đã xuất bản"));
    let mut citizen = Browser::new(&app);
    let page = citizen.get("/thu-tuc/1.010038").await.text();
    assert!(page.contains(note), "{page}");

    // The land registration's seeded note is on the editor's form, so a
    // save keeps it.
    let mut author = signed_in(&app, AUTHOR).await;
    let land = "/quan-tri/thu-tuc/1.013978";
    author.post(&format!("{land}/ban-nhap"), &[]).await;
    let editor = author.get(land).await;
    assert!(
        editor
            .body
            .contains("Áp dụng nơi chưa có bản đồ địa chính."),
        "the note is in the draft editor"
    );
}

#[tokio::test]
async fn an_administrator_bars_representatives_and_marks_the_authorisation_document() {
    let app = spawn_app().await;
    let fields = with(
        draft_fields("3"),
        &[
            ("representation_barred", "on"),
            ("document.1.when_represented", "on"),
        ],
    );
    let mut author = draft(&app, &fields).await;
    let editor = author.get(ADMIN_PAGE).await.body;
    for ticked in ["representation_barred", "document.1.when_represented"] {
        let input = editor
            .split(&format!("name=\"{ticked}\""))
            .nth(1)
            .and_then(|rest| rest.split('>').next())
            .unwrap_or_else(|| panic!("no {ticked} box"));
        assert!(
            input.contains("checked"),
            "{ticked} is kept ticked: {input}"
        );
    }
    let published = publish(&app).await;
    assert!(published.contains("Đã xuất bản"), "{published}");
    let mut citizen = signed_in(&app, "congdan@motcua.example").await;
    let page = citizen.get("/thu-tuc/1.010038").await.text();
    assert!(page.contains("phải tự nộp hồ sơ"), "{page}");
    let filing = citizen.get("/nop-ho-so/1.010038").await.text();
    assert!(!filing.contains("Ai nộp hồ sơ này?"), "{filing}");
}
