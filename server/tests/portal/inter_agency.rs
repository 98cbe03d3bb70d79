//! Liên thông (issue 17 item 8): a procedure version's step may be taken
//! by another agency. First-time land registration (1.013978) is received
//! by the ward, examined by the provincial land registration office, signed
//! by the ward's chairperson and returned by the ward. Each agency has the
//! dossier in its inbox for its own step only, acts only then, times its
//! own step, and the hand-overs between the two show on slip 06.

use crate::support;

use app::dossiers::workflow_steps::Stage;
use app::dossiers::DossierStatus;
use support::back_office::*;
use support::browser::Browser;
use support::dossiers::send_from_check;
use support::pdf::flowing_text_of;
use support::uploads::{current_document as document, upload_to, PDF};
use support::{spawn_app, TestApp};

const LAND: &str = "/nop-ho-so/1.013978";
const OFFICE_SPECIALIST: &str = "chuyenvien.datdai@motcua.example";
const OFFICE_LEADER: &str = "lanhdao.datdai@motcua.example";
const OFFICE: &str = "Văn phòng Đăng ký đất đai tỉnh Quảng Ninh";

/// The demo citizen files a first-time land registration at the ward.
async fn filed_land_registration(app: &TestApp) -> String {
    let mut citizen = Browser::new(app);
    citizen.sign_in(CITIZEN, PASSWORD).await;
    let form = document(app, "1.013978", "Đơn đăng ký đất đai").await;
    let uploaded = upload_to(
        app,
        &citizen,
        &format!("{LAND}/giay-to"),
        form,
        "don-dang-ky.pdf",
        PDF,
    )
    .await;
    assert_eq!(uploaded.status, 303);
    let answers = [
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
        (
            "request_details",
            "Đăng ký lần đầu thửa đất số 12, tờ bản đồ số 5",
        ),
        ("result_delivery", "counter"),
        ("oath", "on"),
        ("action", "review"),
    ];
    let check = citizen.post(LAND, &answers).await.location();
    assert_eq!(check, format!("{LAND}/kiem-tra"));
    let page = citizen.get(&check).await;
    let sent = send_from_check(&mut citizen, &check, &page.body).await;
    assert!(sent.starts_with("/ho-so/000.01.40.H34-"), "{sent}");
    sent.trim_start_matches("/ho-so/").to_string()
}

async fn handling_agency(app: &TestApp, code: &str) -> String {
    sqlx::query_scalar(
        "SELECT a.name FROM dossiers d JOIN agencies a ON a.id = d.handling_agency_id WHERE d.code = $1",
    )
    .bind(code)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn inbox_has(browser: &mut Browser<'_>, code: &str) -> bool {
    browser
        .get(&format!("/can-bo?tim={code}"))
        .await
        .body
        .contains(&format!("/can-bo/ho-so/{code}"))
}

#[tokio::test]
async fn each_agency_handles_its_own_step_and_the_hand_overs_are_on_slip_06() {
    let app = spawn_app().await;
    let code = filed_land_registration(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let mut office_leader = signed_in(&app, OFFICE_LEADER).await;
    let mut office_specialist = signed_in(&app, OFFICE_SPECIALIST).await;
    let mut ward_leader = signed_in(&app, LEADER).await;

    // Reception is the ward's: the office neither has it nor opens it.
    assert!(inbox_has(&mut reception, &code).await);
    assert!(!inbox_has(&mut office_leader, &code).await);
    assert_eq!(
        office_leader
            .get(&format!("/can-bo/ho-so/{code}"))
            .await
            .status,
        404
    );

    // Accepted: the processing step is the office's.
    act(&app, &mut reception, &code, "accept", &[]).await;
    assert_eq!(handling_agency(&app, &code).await, OFFICE);
    assert!(inbox_has(&mut office_leader, &code).await);
    assert!(
        !inbox_has(&mut reception, &code).await,
        "the ward's inbox holds only its own steps"
    );
    // The ward still reads the dossier it received, but may not assign it
    // to one of its own specialists.
    let ward_page = reception.get(&format!("/can-bo/ho-so/{code}")).await;
    assert_eq!(ward_page.status, 200);
    let ward_specialist = specialist_id(&app).await;
    let (_, version) = status_and_version(&app, &code).await;
    let refused = reception
        .post(
            &format!("/can-bo/ho-so/{code}/thao-tac"),
            &[
                ("action", "assign"),
                ("version", &version.to_string()),
                ("assignee", &ward_specialist),
            ],
        )
        .await;
    assert_eq!(
        status_and_version(&app, &code).await.0,
        "received",
        "refused: {}",
        refused.status
    );

    // The office's leader offers and assigns the office's specialist only.
    let office_page = office_leader.get(&format!("/can-bo/ho-so/{code}")).await;
    assert!(office_page.text().contains("Ngô Văn Địa"));
    assert!(!office_page.text().contains("Trần Văn Chuyên"));
    let office_specialist_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(OFFICE_SPECIALIST)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    act(
        &app,
        &mut office_leader,
        &code,
        "assign",
        &[("assignee", &office_specialist_id.to_string())],
    )
    .await;
    act(&app, &mut office_specialist, &code, "propose", &[]).await;

    // Approval is the ward chairperson's: the office lets go of it.
    assert_eq!(
        handling_agency(&app, &code).await,
        "Ủy ban nhân dân phường Hồng Gai"
    );
    assert!(!inbox_has(&mut office_leader, &code).await);
    assert_eq!(
        office_specialist
            .get(&format!("/can-bo/ho-so/{code}"))
            .await
            .status,
        404,
        "after its step the office no longer reaches the dossier"
    );
    assert!(inbox_has(&mut ward_leader, &code).await);
    act(&app, &mut ward_leader, &code, "approve", &[]).await;
    // The applicant collects the certificate at the ward's counter.
    act(
        &app,
        &mut reception,
        &code,
        "return",
        &[("collector_name", "Nguyễn Văn Công")],
    )
    .await;
    assert_eq!(status_and_version(&app, &code).await.0, "returned");

    // Slip 06: the office's officials hand over in the office's name, and
    // its step is named with the office and timed against its own budget.
    let slip = reception
        .get(&format!("/ho-so/{code}/phieu-kiem-soat.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    support::pdf::keep("slip-06-inter-agency", &slip.bytes);
    let text = flowing_text_of(&slip.bytes);
    for expected in [
        "Ngô Văn Địa",
        "Vũ Thị Chính",
        OFFICE,
        "Văn phòng Đăng ký đất đai kiểm tra hồ sơ",
        "Chủ tịch Ủy ban nhân dân cấp xã ký Giấy chứng nhận",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
}

/// The database's stage of a status is the state machine's.
#[tokio::test]
async fn the_database_maps_every_status_to_the_stage_the_machine_does() {
    let app = spawn_app().await;
    for status in DossierStatus::ALL {
        let stage: Option<String> = sqlx::query_scalar("SELECT workflow_stage_of($1)")
            .bind(status.as_str())
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(
            stage.as_deref(),
            Stage::of(status).map(Stage::as_str),
            "{status:?}"
        );
    }
}
