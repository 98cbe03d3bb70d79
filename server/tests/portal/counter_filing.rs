//! Counter filing: a reception officer records a walk-in applicant by their
//! CCCD, files a dossier for them through the same e-form and document
//! slots, and the dossier is accepted there and then, with a code, an
//! appointment and slip 01. The applicant, who has no account, can later
//! set a password with the email given at the counter and find the dossier.

use crate::support;

use support::back_office::{official_elsewhere, signed_in, CITIZEN, RECEPTION, SPECIALIST};
use support::browser::Browser;
use support::dossiers::birth_answers;
use support::mailbox::{token_in, wait_for_mail};
use support::pdf::text_of;
use support::spawn_app;
use support::uploads::{birth_document, upload_to, PDF};
use support::TestApp;

const WALK_IN_CCCD: &str = "014190000123";
const WALK_IN_EMAIL: &str = "lo.thi.mai@example.vn";

fn walk_in(overrides: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    let mut fields = vec![
        ("full_name", "Lò Thị Mai"),
        ("citizen_id", WALK_IN_CCCD),
        ("date_of_birth", "02/09/1990"),
        ("phone", ""),
        ("email", WALK_IN_EMAIL),
    ];
    for (name, value) in overrides {
        fields.retain(|(field, _)| field != name);
        fields.push((name, value));
    }
    fields
}

async fn walk_in_id(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT id FROM users WHERE citizen_id = $1")
        .bind(WALK_IN_CCCD)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn reception_files_and_accepts_for_a_walk_in_applicant_who_later_finds_it_online() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;

    // Nobody has this CCCD yet: the desk offers to record the applicant.
    let desk = format!("/can-bo/tiep-nhan?cccd={WALK_IN_CCCD}");
    let page = reception.get(&desk).await.text();
    assert!(
        page.contains(&format!(
            "Chưa có công dân nào với số định danh {WALK_IN_CCCD}"
        )),
        "{page}"
    );
    // A mistyped search is explained, not run.
    let page = reception.get("/can-bo/tiep-nhan?cccd=12345").await.text();
    assert!(page.contains("12 chữ số"), "{page}");

    // Wrong details come back explained, with everything typed kept.
    let response = reception
        .post(
            "/can-bo/tiep-nhan/cong-dan",
            &walk_in(&[("date_of_birth", "31/02/1990"), ("phone", "12345")]),
        )
        .await;
    assert_eq!(response.location(), desk);
    let page = reception.get(&desk).await.body;
    assert!(page.contains("Ngày sinh không hợp lệ"), "{page}");
    assert!(page.contains("value=\"Lò Thị Mai\""), "{page}");
    assert!(page.contains("value=\"12345\""), "{page}");

    let response = reception
        .post("/can-bo/tiep-nhan/cong-dan", &walk_in(&[]))
        .await;
    assert_eq!(response.location(), desk);
    let page = reception.get(&desk).await.text();
    assert!(page.contains("Người nộp: Lò Thị Mai"), "{page}");
    assert!(page.contains("Chưa có tài khoản"), "{page}");
    let applicant = walk_in_id(&app).await;

    // Choosing the procedure opens the counter's filing page.
    let response = reception
        .get(&format!(
            "/can-bo/tiep-nhan/nop?nguoi-nop={applicant}&thu-tuc=1.001193"
        ))
        .await;
    let filing = format!("/can-bo/tiep-nhan/{applicant}/1.001193");
    assert_eq!(response.location(), filing);
    let page = reception.get(&filing).await.text();
    assert!(page.contains("Nộp thay cho: Lò Thị Mai"), "{page}");
    assert!(page.contains("Tiếp nhận hồ sơ"), "{page}");

    // Submitting without the scanned certificate names what is missing.
    let mut answers = birth_answers();
    answers.push(("action", "submit"));
    let response = reception.post(&filing, &answers).await;
    assert_eq!(response.location(), filing);
    let page = reception.get(&filing).await.body;
    assert!(page.contains("Giấy chứng sinh"), "{page}");
    assert!(
        page.contains("value=\"Nguyễn Minh Khang\""),
        "the answers were kept"
    );

    // The officer scans it, and can open the scan before filing.
    let certificate = birth_document(&app, "Giấy chứng sinh").await;
    let uploaded = upload_to(
        &app,
        &reception,
        &format!("{filing}/giay-to"),
        certificate,
        "giay-chung-sinh.pdf",
        PDF,
    )
    .await;
    assert_eq!(
        uploaded.location(),
        format!("{filing}#tai-lieu-{certificate}")
    );
    let scan: i64 = sqlx::query_scalar(
        "SELECT f.id FROM stored_files f WHERE f.owner_id = $1 AND f.original_name = 'giay-chung-sinh.pdf'",
    )
    .bind(applicant)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(reception.get(&format!("/tep/{scan}")).await.status, 200);

    let response = reception.post(&filing, &answers).await;
    let location = response.location();
    assert!(
        location.starts_with("/can-bo/ho-so/000.01.40.H34-"),
        "{location}"
    );
    let code = location.trim_start_matches("/can-bo/ho-so/").to_string();
    let page = reception.get(&location).await.text();
    assert!(
        page.contains(&format!("Đã tiếp nhận hồ sơ {code}")),
        "{page}"
    );

    // Same codes and deadlines as online; the channel and the officer are recorded.
    let (status, channel, applicant_id, filed_by, has_due): (String, String, i64, i64, bool) =
        sqlx::query_as(
            "SELECT d.status, d.channel, d.applicant_id, d.filed_by, d.due_at IS NOT NULL
             FROM dossiers d WHERE d.code = $1",
        )
        .bind(&code)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        (status.as_str(), channel.as_str(), applicant_id, has_due),
        ("received", "counter", applicant, true)
    );
    let reception_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(RECEPTION)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(filed_by, reception_id);
    let steps: Vec<(String, i64)> = sqlx::query_as(
        "SELECT h.action, h.actor_id FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id
         WHERE d.code = $1 ORDER BY h.id",
    )
    .bind(&code)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        steps,
        vec![
            ("submit".to_string(), reception_id),
            ("accept".to_string(), reception_id)
        ]
    );

    // Slip 01, official at once, names the applicant and the counter.
    let slip = reception
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    let text = text_of(&slip.bytes);
    assert!(text.contains("Lò Thị Mai"), "{text}");
    assert!(text.contains("trực tiếp"), "{text}");
    assert!(text.contains(WALK_IN_CCCD), "{text}");

    // The record cannot sign in until its owner sets a password...
    let mut applicant_browser = Browser::new(&app);
    let response = applicant_browser
        .post(
            "/dang-nhap",
            &[("identifier", WALK_IN_CCCD), ("password", "Demo@12345")],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    // ...and registering the same CCCD answers like any registration (the
    // page tells no one who has an account) and mails how to claim it.
    let response = applicant_browser
        .post(
            "/dang-ky",
            &[
                ("full_name", "Lò Thị Mai"),
                ("citizen_id", WALK_IN_CCCD),
                ("date_of_birth", "02/09/1990"),
                ("email", "mai.khac@example.vn"),
                ("phone", "0912345678"),
                ("password", "hoa ban nở trắng rừng"),
                ("password_confirmation", "hoa ban nở trắng rừng"),
                ("privacy_consent", "on"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    let (_, guidance) = wait_for_mail(&app, "mai.khac@example.vn", 0).await;
    assert!(
        guidance.contains("ghi nhận khi bạn nộp hồ sơ trực tiếp"),
        "{guidance}"
    );

    // With the email given at the counter she sets one and finds her dossier.
    let (mail_id, _) = wait_for_mail(&app, WALK_IN_EMAIL, 0).await;
    applicant_browser
        .post("/quen-mat-khau", &[("email", WALK_IN_EMAIL)])
        .await;
    let (_, mail) = wait_for_mail(&app, WALK_IN_EMAIL, mail_id).await;
    let token = token_in(&mail, "/dat-lai-mat-khau");
    let password = "hoa ban nở trắng rừng";
    let response = applicant_browser
        .post(
            "/dat-lai-mat-khau",
            &[
                ("token", token.as_str()),
                ("password", password),
                ("password_confirmation", password),
            ],
        )
        .await;
    assert_eq!(response.location(), "/dang-nhap");
    applicant_browser.sign_in(WALK_IN_CCCD, password).await;
    let page = applicant_browser.get("/ho-so").await.text();
    assert!(page.contains(&code), "{page}");
}

#[tokio::test]
async fn only_reception_files_at_the_counter_and_only_for_the_agencies_it_receives_for() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    reception
        .post("/can-bo/tiep-nhan/cong-dan", &walk_in(&[("email", "")]))
        .await;
    let applicant = walk_in_id(&app).await;
    let filing = format!("/can-bo/tiep-nhan/{applicant}/1.001193");

    // Specialists and citizens cannot open the counter nor record anyone.
    for who in [SPECIALIST, CITIZEN] {
        let mut browser = signed_in(&app, who).await;
        assert_eq!(browser.get("/can-bo/tiep-nhan").await.status, 403, "{who}");
        assert_eq!(browser.get(&filing).await.status, 403, "{who}");
        let response = browser
            .post(
                "/can-bo/tiep-nhan/cong-dan",
                &walk_in(&[("citizen_id", "014190000999")]),
            )
            .await;
        assert_eq!(response.status, 403, "{who}");
        let mut answers = birth_answers();
        answers.push(("action", "save"));
        assert_eq!(browser.post(&filing, &answers).await.status, 403, "{who}");
    }
    let recorded: i64 =
        sqlx::query_scalar("SELECT count(*) FROM users WHERE citizen_id = '014190000999'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(recorded, 0);

    // A reception officer of another commune (every commune receives birth
    // registrations) files only at their own: the first commune is neither
    // offered nor accepted.
    let elsewhere = official_elsewhere(&app).await;
    let mut other = signed_in(&app, elsewhere).await;
    let page = other.get(&filing).await;
    assert_eq!(page.status, 200);
    let their_commune: String = sqlx::query_scalar(
        "SELECT a.code FROM agencies a JOIN users u ON u.agency_id = a.id WHERE u.email = $1",
    )
    .bind(elsewhere)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(page.body.contains(&format!("value=\"{their_commune}\"")));
    assert!(!page.body.contains("value=\"000.01.40.H34\""));
    let mut answers = birth_answers();
    answers.push(("action", "submit"));
    let response = other.post(&filing, &answers).await;
    assert_eq!(response.location(), filing);
    assert!(other
        .get(&filing)
        .await
        .text()
        .contains("Chọn nơi nộp hồ sơ."));
    let submitted: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM dossiers WHERE applicant_id = $1 AND code IS NOT NULL",
    )
    .bind(applicant)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(submitted, 0);

    // An applicant without an email is still filed for; nobody is mailed.
    let page = reception.get(&filing).await.text();
    assert!(page.contains("Nộp thay cho: Lò Thị Mai"), "{page}");
}
