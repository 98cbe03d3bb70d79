//! Every procedure can be filed online: those without an e-form of their own
//! get the standard filing form (applicant, optional authorised
//! representative, how to receive the result, declaration) and upload the
//! procedure's own documents, tờ khai included.

use crate::support;

use support::browser::Browser;
use support::dossiers::send_from_check;
use support::uploads::{current_document as document, upload_to, PDF};
use support::{spawn_app, TestApp};

const CITIZEN: &str = "congdan@motcua.example";
/// "Tách hộ": no e-form of its own, one mandatory document (the tờ khai).
const SPLIT_HOUSEHOLD: &str = "/nop-ho-so/1.010038";

async fn citizen(app: &TestApp) -> Browser<'_> {
    let mut browser = Browser::new(app);
    browser.sign_in(CITIZEN, "Demo@12345").await;
    browser
}

/// The hrefs of `page` that start with `prefix`, each once, in order.
fn links(page: &str, prefix: &str) -> Vec<String> {
    let mut found = Vec::new();
    for piece in page.split("href=\"").skip(1) {
        let href = piece.split('"').next().unwrap_or_default();
        if href.starts_with(prefix) && !found.iter().any(|seen| seen == href) {
            found.push(href.to_string());
        }
    }
    found
}

fn answers(filed_by: &'static str) -> Vec<(&'static str, &'static str)> {
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
        ("filed_by", filed_by),
        ("request_details", "Tách hộ cho gia đình con trai"),
        ("result_delivery", "counter"),
        ("oath", "on"),
    ]
}

#[tokio::test]
async fn every_procedure_in_the_catalogue_leads_to_a_filing_form() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let mut procedures = Vec::new();
    let mut page_number = 1;
    loop {
        let page = browser.get(&format!("/thu-tuc?page={page_number}")).await;
        assert_eq!(page.status, 200);
        let found: Vec<String> = links(&page.body, "/thu-tuc/")
            .into_iter()
            .filter(|href| !procedures.contains(href))
            .collect();
        if found.is_empty() {
            break;
        }
        procedures.extend(found);
        page_number += 1;
    }
    let in_catalogue: i64 = sqlx::query_scalar("SELECT count(*) FROM current_procedure_versions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(procedures.len() as i64, in_catalogue, "{procedures:?}");
    for procedure in procedures {
        let page = browser.get(&procedure).await;
        assert_eq!(page.status, 200, "{procedure}");
        let filing = links(&page.body, "/nop-ho-so/");
        assert_eq!(filing.len(), 1, "{procedure}: one “Nộp hồ sơ trực tuyến”");
        let form = browser.get(&filing[0]).await;
        assert_eq!(form.status, 200, "{}", filing[0]);
        let text = form.text();
        assert!(
            text.contains("Nơi nộp hồ sơ") && text.contains("Thành phần hồ sơ"),
            "{}: {text}",
            filing[0]
        );
    }
}

#[tokio::test]
async fn a_procedure_without_its_own_form_is_filed_with_the_standard_one_and_its_documents() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let page = browser.get(SPLIT_HOUSEHOLD).await;
    let text = page.text();
    assert!(text.contains("Ai nộp hồ sơ này?"), "{text}");
    assert!(
        !text.contains("Đã thay bằng tờ khai điện tử"),
        "the tờ khai is uploaded, not replaced: {text}"
    );
    assert_eq!(
        browser
            .post(
                SPLIT_HOUSEHOLD,
                &[answers("applicant"), vec![("action", "review")]].concat()
            )
            .await
            .location(),
        SPLIT_HOUSEHOLD,
        "the mandatory tờ khai is missing"
    );
    assert!(browser
        .get(SPLIT_HOUSEHOLD)
        .await
        .text()
        .contains("Cần tải lên: Tờ khai thay đổi thông tin cư trú"));

    let form = document(&app, "1.010038", "Tờ khai").await;
    let uploaded = upload_to(
        &app,
        &browser,
        &format!("{SPLIT_HOUSEHOLD}/giay-to"),
        form,
        "to-khai.pdf",
        PDF,
    )
    .await;
    assert_eq!(uploaded.status, 303);
    let check = format!("{SPLIT_HOUSEHOLD}/kiem-tra");
    let location = browser
        .post(
            SPLIT_HOUSEHOLD,
            &[answers("applicant"), vec![("action", "review")]].concat(),
        )
        .await
        .location();
    assert_eq!(location, check);
    let page = browser.get(&check).await;
    let text = page.text();
    assert!(
        text.contains("Chính người yêu cầu") && text.contains("to-khai.pdf"),
        "{text}"
    );
    let sent = send_from_check(&mut browser, &check, &page.body).await;
    assert!(sent.starts_with("/ho-so/000.01.40.H34-"), "{sent}");
    let dossier = browser.get(&sent).await.text();
    assert!(
        dossier.contains("Tách hộ cho gia đình con trai"),
        "{dossier}"
    );
    assert!(
        dossier.contains("to-khai.pdf"),
        "the documents sent: {dossier}"
    );
}

#[tokio::test]
async fn a_representative_must_be_named_and_identified() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let fields = [answers("representative"), vec![("action", "review")]].concat();
    assert_eq!(
        browser.post(SPLIT_HOUSEHOLD, &fields).await.location(),
        SPLIT_HOUSEHOLD
    );
    let text = browser.get(SPLIT_HOUSEHOLD).await.text();
    for asked in [
        "Nhập họ, chữ đệm, tên người được ủy quyền.",
        "Nhập số định danh cá nhân của người được ủy quyền.",
        "Nhập số điện thoại của người được ủy quyền.",
        "Nhập văn bản ủy quyền (số, ngày, nơi chứng thực).",
    ] {
        assert!(text.contains(asked), "{asked}: {text}");
    }
    // Filed by the applicant themself, none of it is asked.
    let fields = [answers("applicant"), vec![("action", "save")]].concat();
    browser.post(SPLIT_HOUSEHOLD, &fields).await;
    let text = browser.get(SPLIT_HOUSEHOLD).await.text();
    assert!(
        !text.contains("Nhập họ, chữ đệm, tên người được ủy quyền."),
        "{text}"
    );
}

#[tokio::test]
async fn a_procedure_offered_partly_online_says_which_originals_go_to_the_counter() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    // "Đăng ký giám hộ": online level "partial".
    let text = browser.get("/nop-ho-so/1.004837").await.text();
    assert!(text.contains("được cung cấp trực tuyến một phần"), "{text}");
    assert!(
        text.contains("Bản chính cần mang theo khi nhận kết quả"),
        "{text}"
    );
    // A fully online procedure says nothing of the kind.
    let text = browser.get(SPLIT_HOUSEHOLD).await.text();
    assert!(!text.contains("trực tuyến một phần"), "{text}");
}

/// The representative's answers, beside the applicant's.
fn representative() -> Vec<(&'static str, &'static str)> {
    [
        answers("representative"),
        vec![
            ("representative_name", "Trần Thị Bình"),
            ("representative_citizen_id", "001185004321"),
            ("representative_phone", "0987654321"),
            (
                "authorisation_reference",
                "Văn bản ủy quyền ngày 01/12/2026, UBND phường Hồng Gai chứng thực",
            ),
            ("action", "review"),
        ],
    ]
    .concat()
}

#[tokio::test]
async fn a_representative_adds_the_authorisation_and_the_applicant_filing_in_person_does_not() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let form = document(&app, "1.010038", "Tờ khai").await;
    let uploads = format!("{SPLIT_HOUSEHOLD}/giay-to");
    upload_to(&app, &browser, &uploads, form, "to-khai.pdf", PDF).await;
    let page = browser.get(SPLIT_HOUSEHOLD).await.text();
    assert!(
        page.contains("Văn bản ủy quyền")
            && page.contains("bắt buộc khi người được ủy quyền nộp thay"),
        "the slot says when it is needed: {page}"
    );
    // Filed by a representative, the authorisation itself is missing.
    assert_eq!(
        browser
            .post(SPLIT_HOUSEHOLD, &representative())
            .await
            .location(),
        SPLIT_HOUSEHOLD
    );
    let page = browser.get(SPLIT_HOUSEHOLD).await;
    assert!(
        page.text().contains("Cần tải lên: Văn bản ủy quyền"),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"Trần Thị Bình\""),
        "nothing typed is lost: {}",
        page.body
    );
    // The applicant filing in person needs none.
    let check = format!("{SPLIT_HOUSEHOLD}/kiem-tra");
    let fields = [answers("applicant"), vec![("action", "review")]].concat();
    assert_eq!(
        browser.post(SPLIT_HOUSEHOLD, &fields).await.location(),
        check
    );
    // With it, the representative's dossier goes to the check page.
    let authorisation = document(&app, "1.010038", "Văn bản ủy quyền").await;
    upload_to(&app, &browser, &uploads, authorisation, "uy-quyen.pdf", PDF).await;
    assert_eq!(
        browser
            .post(SPLIT_HOUSEHOLD, &representative())
            .await
            .location(),
        check
    );
    let page = browser.get(&check).await;
    let text = page.text();
    assert!(
        text.contains("uy-quyen.pdf") && text.contains("Trần Thị Bình"),
        "{text}"
    );
    let sent = send_from_check(&mut browser, &check, &page.body).await;
    let slip = browser.get(&format!("{sent}/phieu-tiep-nhan.pdf")).await;
    assert_eq!(slip.status, 200, "{sent}");
    let text = support::pdf::flowing_text_of(&slip.bytes);
    assert!(
        text.contains("Người được ủy quyền nộp hồ sơ: Trần Thị Bình, số định danh cá nhân 001185004321, nộp thay cho Nguyễn Văn Công theo văn bản ủy quyền: Văn bản ủy quyền ngày 01/12/2026"),
        "slip 01 says who filed for whom: {text}"
    );
}

#[tokio::test]
async fn a_parentage_recognition_is_filed_in_person_and_says_so() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    // "Đăng ký nhận cha, mẹ, con": not delegated (Circular 04/2020/TT-BTP art. 3).
    let procedure = browser.get("/thu-tuc/1.001022").await.text();
    assert!(
        procedure.contains("không được ủy quyền: người yêu cầu phải tự nộp hồ sơ"),
        "{procedure}"
    );
    let filing = browser.get("/nop-ho-so/1.001022").await.text();
    assert!(filing.contains("Người yêu cầu"), "{filing}");
    assert!(!filing.contains("Ai nộp hồ sơ này?"), "{filing}");
    assert!(!filing.contains("Văn bản ủy quyền"), "{filing}");
    // A procedure that may be delegated says that too.
    let procedure = browser.get("/thu-tuc/1.010038").await.text();
    assert!(
        procedure.contains("có thể ủy quyền cho người khác nộp hồ sơ thay"),
        "{procedure}"
    );
}
