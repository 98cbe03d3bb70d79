//! "Tiếp tục" and the check page before submission: the fee the page shows
//! is the fee the dossier is billed, the appointment is the one it gets,
//! and only "Nộp hồ sơ" on the check page sends it.

use crate::support;

use support::browser::Browser;
use support::{spawn_app, TestApp};

const CRIMINAL_RECORD: &str = "/nop-ho-so/3.000333";
const CHECK: &str = "/nop-ho-so/3.000333/kiem-tra";

async fn citizen(app: &TestApp) -> Browser<'_> {
    let mut browser = Browser::new(app);
    browser
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    browser
}

/// A judicial record certificate asked for `copies` times.
fn answers(copies: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("filing_form", "1"),
        ("agency", "000.00.19.H34"),
        ("applicant_name", "Nguyễn Văn Công"),
        ("applicant_citizen_id", "022190001234"),
        ("applicant_birth_date", "27.3.1990"),
        ("applicant_phone", "0912345678"),
        ("applicant_address.province", "22"),
        ("applicant_address.commune", "06685"),
        ("applicant_address.street", "Số 5, phố Lê Thánh Tông"),
        ("sex", "male"),
        ("birth_place", "Quảng Ninh"),
        ("nationality", "Việt Nam"),
        ("father_name", "Nguyễn Văn Bình"),
        ("mother_name", "Trần Thị Hoa"),
        ("residence_history.items", "1"),
        ("residence_history.0.from", "03/2004"),
        ("residence_history.0.place.province", "22"),
        ("residence_history.0.place.commune", "06685"),
        (
            "residence_history.0.place.street",
            "Số 5, phố Lê Thánh Tông",
        ),
        ("slip_type", "2"),
        ("purpose", "Bổ sung hồ sơ xin việc"),
        ("copies", copies),
        ("oath", "on"),
    ]
}

async fn post_with(
    browser: &mut Browser<'_>,
    copies: &'static str,
    action: &'static str,
) -> String {
    let mut fields = answers(copies);
    fields.push(("action", action));
    browser.post(CRIMINAL_RECORD, &fields).await.location()
}

/// "Tiếp tục" with these answers, which must lead to the check page.
async fn review(browser: &mut Browser<'_>, copies: &'static str) {
    let location = post_with(browser, copies, "review").await;
    if location != CHECK {
        let form = browser.get(CRIMINAL_RECORD).await.text();
        panic!("went back to {location} instead of the check page: {form}");
    }
}

async fn submitted(app: &TestApp) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT fee_total, to_char(due_at, 'DD/MM/YYYY') FROM dossiers WHERE status = 'submitted'",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn the_check_page_shows_the_fee_and_appointment_the_dossier_then_gets() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    review(&mut browser, "3").await;
    assert!(submitted(&app).await.is_empty(), "nothing is sent yet");

    let page = browser.get(CHECK).await;
    assert_eq!(page.status, 200);
    let text = page.text();
    for shown in [
        "Kiểm tra hồ sơ trước khi nộp",
        "Công an tỉnh Quảng Ninh",
        "Nguyễn Văn Công",
        "27/03/1990",
        "Số lượng Phiếu yêu cầu cấp 3",
        "Phí cấp thêm Phiếu lý lịch tư pháp (từ phiếu thứ 3 trở đi)",
    ] {
        assert!(text.contains(shown), "{shown}: {text}");
    }
    // 200.000 đ, and 5.000 đ for the third certificate.
    assert!(text.contains("Tổng số tiền phải nộp 205.000 đ"), "{text}");
    assert!(
        page.body
            .contains("href=\"/nop-ho-so/3.000333#filing-copies\""),
        "\"Thay đổi\" goes back to the field"
    );
    assert!(page.body.contains("name=\"fee_total\" value=\"205000\""));

    let response = browser.post(CHECK, &[("fee_total", "205000")]).await;
    assert!(
        response.location().starts_with("/ho-so/000.00.19.H34-"),
        "{}",
        response.location()
    );
    let dossiers = submitted(&app).await;
    assert_eq!(dossiers.len(), 1);
    let (billed, due) = &dossiers[0];
    assert_eq!(*billed, 205_000, "billed what the check page showed");
    assert!(
        text.contains(&format!("{due} (nếu hồ sơ được tiếp nhận ngay bây giờ)")),
        "the appointment shown is the one given ({due}): {text}"
    );
}

#[tokio::test]
async fn a_fee_that_changed_since_the_check_page_is_not_billed() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    review(&mut browser, "3").await;
    // Another tab changes the answers to five certificates after the check.
    assert_eq!(post_with(&mut browser, "5", "save").await, CRIMINAL_RECORD);
    let response = browser.post(CHECK, &[("fee_total", "205000")]).await;
    assert_eq!(response.location(), CHECK);
    assert!(submitted(&app).await.is_empty());
    let page = browser.get(CHECK).await.text();
    assert!(page.contains("Số tiền phí, lệ phí đã thay đổi"), "{page}");
    assert!(page.contains("Tổng số tiền phải nộp 215.000 đ"), "{page}");
}

#[tokio::test]
async fn continuing_with_problems_comes_back_to_the_form_with_an_error_title() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let mut fields = answers("3");
    fields.retain(|(name, _)| *name != "applicant_name" && *name != "oath");
    fields.push(("action", "review"));
    let response = browser.post(CRIMINAL_RECORD, &fields).await;
    assert_eq!(response.location(), CRIMINAL_RECORD);
    let page = browser.get(CRIMINAL_RECORD).await;
    assert!(
        page.body
            .contains("<title>Lỗi: Nộp hồ sơ: Cấp Phiếu lý lịch tư pháp"),
        "the title says there are errors"
    );
    let text = page.text();
    assert!(
        text.contains("Nhập họ, chữ đệm, tên người yêu cầu."),
        "{text}"
    );
    // The check page of this draft says what is missing and cannot send it.
    let check = browser.get(CHECK).await;
    assert!(
        check.text().contains("Hồ sơ chưa thể nộp"),
        "{}",
        check.text()
    );
    assert!(!check.body.contains("name=\"fee_total\""));
    assert!(submitted(&app).await.is_empty());
}

#[tokio::test]
async fn saving_comes_back_to_the_place_the_citizen_was() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let mut fields = answers("3");
    fields.push(("return_to", "filing-purpose"));
    fields.push(("action", "save"));
    let response = browser.post(CRIMINAL_RECORD, &fields).await;
    assert_eq!(
        response.location(),
        format!("{CRIMINAL_RECORD}#filing-purpose")
    );
    let response = browser
        .post(CRIMINAL_RECORD, &[("action", "save:filing-actions")])
        .await;
    assert_eq!(
        response.location(),
        format!("{CRIMINAL_RECORD}#filing-actions")
    );
    let response = browser
        .post(
            CRIMINAL_RECORD,
            &[("return_to", "x\"><script>"), ("action", "save")],
        )
        .await;
    assert_eq!(response.location(), CRIMINAL_RECORD);
}

#[tokio::test]
async fn the_filing_page_goes_office_questions_documents_fees_declaration_then_on() {
    let app = spawn_app().await;
    let mut browser = citizen(&app).await;
    let page = browser.get(CRIMINAL_RECORD).await;
    let at = |marker: &str| {
        page.body
            .find(marker)
            .unwrap_or_else(|| panic!("{marker} is on the page"))
    };
    let order = [
        at("id=\"filing-agency\""),
        at("id=\"filing-applicant-name\""),
        at("id=\"documents-heading\""),
        at("id=\"phi-le-phi\""),
        at("id=\"filing-oath\""),
        at("value=\"review\""),
    ];
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
    assert!(page
        .text()
        .contains("Ngày, tháng, năm sinh Ví dụ: 27/03/2007"));
    assert!(
        !page.body.contains("value=\"submit\""),
        "only the check page submits"
    );

    // After a refused "Tiếp tục": every id aria-describedby names is there.
    let mut fields = answers("3");
    fields.retain(|(name, _)| *name != "applicant_name" && *name != "applicant_birth_date");
    fields.push(("applicant_birth_date", "27/03/90"));
    fields.push(("action", "review"));
    browser.post(CRIMINAL_RECORD, &fields).await;
    let page = browser.get(CRIMINAL_RECORD).await;
    assert!(page.text().contains("Có lỗi cần sửa"));
    let described: Vec<&str> = page
        .body
        .split("aria-describedby=\"")
        .skip(1)
        .flat_map(|rest| rest[..rest.find('"').unwrap()].split_whitespace())
        .collect();
    assert!(
        described.iter().any(|id| id.ends_with("-error")),
        "{described:?}"
    );
    for id in described {
        assert!(
            page.body.contains(&format!("id=\"{id}\"")),
            "{id} is on the page"
        );
    }
}

#[tokio::test]
async fn the_live_check_answers_at_its_own_address_with_the_validators_messages() {
    let app = spawn_app().await;
    let mut citizen = Browser::new(&app);
    citizen
        .sign_in("congdan@motcua.example", "Demo@12345")
        .await;
    // As the filing page's enhancer sends it: the procedure and the answers
    // typed so far (here one name for a field that does not exist).
    let response = citizen
        .post(
            "/api/filing/check",
            &[
                ("code", "1.001193"),
                ("answers[0][0]", "khong-co"),
                ("answers[0][1]", "x"),
            ],
        )
        .await;
    assert_eq!(response.status, 200, "{}", response.body);
    let answer = response.json();
    assert!(
        answer["errors"]
            .as_array()
            .is_some_and(|errors| !errors.is_empty()),
        "the validator's messages for an empty form: {answer}"
    );
    assert!(answer.get("hidden").is_some(), "{answer}");
}
