//! Documents that say "(Ký điện tử)" carry a real signature (issue 17 item
//! 18): slip 01 and the notices of the one-stop unit signed by the unit,
//! slip 04 and the result by the processing agency. `pdfsig` must find the
//! signature valid, covering the whole file, by the body that issued it;
//! the dossier's pages name the signer. Without a certificate nothing says
//! it is signed.

use crate::notice_slips::entry_of;
use crate::support;

use support::back_office::*;
use support::parallel::{address, all_at_once, form_post};
use support::pdf::{signatures_of, text_of};
use support::{spawn_app, spawn_app_with, TestApp};

/// The one-stop unit that receives the dossier's agency, and the agency.
async fn bodies_of(app: &TestApp, code: &str) -> (String, String) {
    sqlx::query_as(
        "SELECT u.name, a.name FROM dossiers d JOIN agencies a ON a.id = d.agency_id
         JOIN one_stop_units u ON u.id = a.one_stop_unit_id WHERE d.code = $1",
    )
    .bind(code)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The file the dossier holds as its result (draft or issued).
async fn result_file(app: &TestApp, code: &str) -> i64 {
    sqlx::query_scalar("SELECT result_file_id FROM dossiers WHERE code = $1")
        .bind(code)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

fn assert_signed_by(pdf: &[u8], signer: &str, what: &str) {
    let report = signatures_of(pdf);
    assert!(report.contains("Signature is Valid."), "{what}:\n{report}");
    assert!(
        report.contains(&format!("Signer Certificate Common Name: {signer}")),
        "{what} signed by {signer}:\n{report}"
    );
    assert!(
        report.contains("Total document signed"),
        "{what} signed whole:\n{report}"
    );
    assert!(text_of(pdf).contains("(Ký điện tử)"), "{what} says it");
}

#[tokio::test]
async fn slips_and_the_result_are_signed_by_the_body_that_issues_them() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let (unit, agency) = bodies_of(&app, &code).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let mut citizen = signed_in(&app, CITIZEN).await;

    // Slip 02 before acceptance: the one-stop unit's.
    act(
        &app,
        &mut reception,
        &code,
        "request_supplement",
        &[("note", "Thiếu bản sao giấy chứng sinh của trẻ.")],
    )
    .await;
    let entry = entry_of(&app, &code, "request_supplement").await;
    let slip = citizen.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
    assert_signed_by(&slip.bytes, &unit, "slip 02");
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        page.text().contains(&format!("Ký số bởi: {unit}")),
        "the citizen's page names the signer"
    );
    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await;
    assert!(office.text().contains(&format!("Ký số bởi: {unit}")));

    // Slip 01 at acceptance: the unit's, the same bytes every time.
    let (_, version) = status_and_version(&app, &code).await;
    citizen
        .post(
            &format!("/ho-so/{code}/bo-sung"),
            &[("version", &version.to_string()), ("note", "Đã bổ sung.")],
        )
        .await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let receipt = citizen
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert_eq!(receipt.status, 200);
    assert_signed_by(&receipt.bytes, &unit, "slip 01");
    let again = citizen
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert_eq!(again.bytes, receipt.bytes, "slip 01 is served as issued");

    // The result: the agency's.
    let mut specialist = signed_in(&app, SPECIALIST).await;
    let mut leader = signed_in(&app, LEADER).await;
    let assignee = specialist_id(&app).await;
    act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &assignee)],
    )
    .await;
    act(&app, &mut specialist, &code, "propose", &[]).await;
    // Proposed, the result is a draft: no number yet, no signature.
    let draft = leader
        .get(&format!("/tep/{}", result_file(&app, &code).await))
        .await;
    assert_eq!(draft.status, 200);
    let text = text_of(&draft.bytes);
    assert!(
        text.contains("DỰ THẢO") && !text.contains("(Ký điện tử)"),
        "{text}"
    );
    assert!(!signatures_of(&draft.bytes).contains("Signature is Valid."));
    act(&app, &mut leader, &code, "approve", &[]).await;
    act(&app, &mut reception, &code, "return", &[]).await;
    let result = citizen
        .get(&format!("/tep/{}", result_file(&app, &code).await))
        .await;
    assert_eq!(result.status, 200);
    assert_signed_by(&result.bytes, &agency, "the result");
    // Approved, it is the agency's first result of the year, numbered in
    // its register, not by the dossier code.
    let text = text_of(&result.bytes);
    assert!(
        text.contains("Số: 01/KQ") && !text.contains("DỰ THẢO"),
        "{text}"
    );
    assert!(!text.contains(&format!("Số: {code}")), "{text}");
    support::pdf::keep("result", &result.bytes);
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(page.text().contains(&format!("Ký số bởi: {agency}")));
}

#[tokio::test]
async fn without_a_certificate_nothing_says_it_is_signed() {
    let empty = std::env::temp_dir().join(format!("motcua-no-signing-{}", std::process::id()));
    std::fs::create_dir_all(&empty).unwrap();
    let app = spawn_app_with(&[("MOTCUA_SIGNING_DIR", empty.to_string_lossy().to_string())]).await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(
        &app,
        &mut reception,
        &code,
        "refuse",
        &[("note", "Hồ sơ không thuộc thẩm quyền giải quyết.")],
    )
    .await;
    let entry = entry_of(&app, &code, "refuse").await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let slip = citizen.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
    assert_eq!(slip.status, 200);
    let text = text_of(&slip.bytes);
    assert!(!text.contains("Ký điện tử"), "{text}");
    assert!(text.contains("(Ký và ghi rõ họ tên)"), "{text}");
    assert!(!signatures_of(&slip.bytes).contains("Signature is Valid"));
    let page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(!page.text().contains("Ký số bởi"));
}

#[tokio::test]
async fn results_approved_at_once_take_consecutive_numbers_of_the_agencys_register() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let mut specialist = signed_in(&app, SPECIALIST).await;
    let assignee = specialist_id(&app).await;
    let mut codes = Vec::new();
    for _ in 0..4 {
        let code = filed(&app).await;
        act(&app, &mut reception, &code, "accept", &[]).await;
        act(
            &app,
            &mut reception,
            &code,
            "assign",
            &[("assignee", &assignee)],
        )
        .await;
        act(&app, &mut specialist, &code, "propose", &[]).await;
        codes.push(code);
    }
    let mut leader = signed_in(&app, LEADER).await;
    let cookie = leader.session_cookie().unwrap();
    let mut requests = Vec::new();
    for (n, code) in codes.iter().enumerate() {
        let (_, version) = status_and_version(&app, code).await;
        let version = version.to_string();
        // Each approval sent twice: the second is told the dossier changed
        // and takes no number.
        for _ in 0..2 {
            requests.push(form_post(
                &format!("/can-bo/ho-so/{code}/thao-tac"),
                &[("action", "approve"), ("version", &version)],
                address(n as u16),
                Some(&cookie),
            ));
        }
    }
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.is_redirection()));
    let last: i32 =
        sqlx::query_scalar("SELECT last_number FROM document_registers WHERE form = 'KQ'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(last, 4, "one number per result, none lost");
    let mut printed = Vec::new();
    for code in &codes {
        let result = leader
            .get(&format!("/tep/{}", result_file(&app, code).await))
            .await;
        let text = text_of(&result.bytes);
        let number = text
            .split("Số: ")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("{code}: {text}"))
            .to_string();
        printed.push(number);
    }
    printed.sort();
    assert_eq!(printed, ["01", "02", "03", "04"]);
}
