//! Slip 01 as the one-stop unit issues it: before acceptance only an
//! acknowledgement without a number or an appointment; at acceptance the
//! slip headed by the unit under its governing authority, numbered in the
//! unit's register for the year, listing every document received, the
//! acceptance time and the appointment, where the result comes back, and
//! both signature blocks — then the same bytes at every download. Numbers
//! have no gaps and no duplicates when many dossiers are accepted at once.

use crate::support;

use support::back_office::*;
use support::browser::Browser;
use support::dossiers::{birth_answers, submit_birth, BIRTH};
use support::parallel::{address, all_at_once, form_post};
use support::pdf::{flowing_text_of, text_of};
use support::uploads::birth_document;
use support::{spawn_app, TestApp};

const UNIT: &str = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";
const GOVERNING: &str = "UBND PHƯỜNG HỒNG GAI";

/// "ngày 04 tháng 12 năm 2026" and "9 giờ 05 phút, ngày …" of a column,
/// as Vietnamese documents write them (from the database's own clock).
async fn written(app: &TestApp, code: &str, column: &str) -> (String, String) {
    sqlx::query_as(&format!(
        "SELECT to_char(t, '\"ngày\" DD \"tháng\" MM \"năm\" YYYY'),
                extract(hour FROM t)::int || ' giờ ' || to_char(t, 'MI') || ' phút, ' ||
                to_char(t, '\"ngày\" DD \"tháng\" MM \"năm\" YYYY')
         FROM (SELECT {column} AS t FROM dossiers WHERE code = $1) AS d"
    ))
    .bind(code)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

async fn slip(browser: &mut Browser<'_>, code: &str) -> Vec<u8> {
    let slip = browser
        .get(&format!("/ho-so/{code}/phieu-tiep-nhan.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    slip.bytes.to_vec()
}

#[tokio::test]
async fn before_acceptance_the_citizen_gets_an_acknowledgement_that_promises_no_date() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut citizen).await;
    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        page.contains("Tải giấy xác nhận đã nộp hồ sơ trực tuyến (PDF)"),
        "{page}"
    );
    let acknowledgement = slip(&mut citizen, &code).await;
    support::pdf::keep("slip-01-acknowledgement", &acknowledgement);
    let text = flowing_text_of(&acknowledgement);
    for expected in [
        "GIẤY XÁC NHẬN ĐÃ NỘP HỒ SƠ TRỰC TUYẾN",
        GOVERNING,
        UNIT,
        code.as_str(),
        "Giấy chứng sinh",
        "hồ sơ chưa được tiếp nhận",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    for absent in [
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        "Thời gian trả kết quả giải quyết hồ sơ:",
        "Số:",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
    ] {
        assert!(!text.contains(absent), "{absent} in:\n{text}");
    }
}

#[tokio::test]
async fn acceptance_issues_slip_01_once_and_it_is_served_unchanged_ever_after() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = submit_birth(&app, &mut citizen).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;

    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        page.contains("Tải giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)"),
        "{page}"
    );
    let issued = slip(&mut citizen, &code).await;
    support::pdf::keep("slip-01", &issued);
    let text = flowing_text_of(&issued);
    let (accepted_day, accepted_at) =
        written(&app, &code, "received_at AT TIME ZONE 'Asia/Ho_Chi_Minh'").await;
    let (_, due) = written(&app, &code, "due_at").await;
    let year: i32 = sqlx::query_scalar(
        "SELECT extract(year FROM received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int FROM dossiers WHERE code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(year >= 2025);
    for expected in [
        GOVERNING,
        UNIT,
        // The first slip of the unit's register this year.
        "Số: 01/TNHS-TTPVHCC",
        &format!("Quảng Ninh, {accepted_day}"),
        "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
        code.as_str(),
        "Trung tâm Phục vụ hành chính công phường Hồng Gai tiếp nhận hồ sơ của",
        "Vũ Thị Công Dân",
        // Every document received, with originals and copies.
        "Bản chính",
        "Bản sao",
        "Tờ khai điện tử",
        "Giấy chứng sinh",
        "giay-chung-sinh.pdf (1 KB), tải lên",
        "2. Số lượng hồ sơ: 01 (bộ)",
        // The appointment counts from acceptance, not from submission.
        &format!("4. Thời gian nhận hồ sơ: {accepted_at}"),
        "Thời hạn giải quyết được tính từ thời điểm này.",
        &format!("5. Thời gian trả kết quả giải quyết hồ sơ: {due}"),
        "6. Nhận kết quả:",
        "Trung tâm Phục vụ hành chính công phường Hồng Gai, Phường Hồng Gai, tỉnh Quảng Ninh",
        "NGƯỜI NỘP HỒ SƠ",
        "NGƯỜI TIẾP NHẬN HỒ SƠ",
        "(Ký và ghi rõ họ tên)",
        "Nguyễn Thị Tiếp Nhận",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(!text.contains("XÁC NHẬN ĐÃ NỘP"), "{text}");
    // The place and date are set in italics (Decree 30/2020).
    assert!(fonts_of(&issued).contains("LiberationSerif-Italic"));

    // Whatever changes later, the slip is the one issued.
    sqlx::query("UPDATE users SET full_name = 'Tên Đã Đổi' WHERE email = $1")
        .bind(CITIZEN)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE dossiers SET due_at = due_at + interval '3 days' WHERE code = $1")
        .bind(&code)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(slip(&mut citizen, &code).await, issued);
    assert_eq!(slip(&mut reception, &code).await, issued);
    let stored: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM issued_documents i JOIN dossiers d ON d.id = i.dossier_id
         WHERE d.code = $1 AND i.form = '01'",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, 1);
}

#[tokio::test]
async fn a_document_taken_from_the_wallet_is_listed_as_received_from_it() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let first = submit_birth(&app, &mut citizen).await;
    let certificate = birth_document(&app, "Giấy chứng sinh").await;
    let file: i64 = sqlx::query_scalar("SELECT id FROM stored_files ORDER BY id LIMIT 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let (document, file) = (certificate.to_string(), file.to_string());
    citizen
        .post(
            &format!("{BIRTH}/giay-to/tu-kho"),
            &[("document", &document), ("file", &file)],
        )
        .await;
    let mut fields = birth_answers();
    fields.push(("action", "submit"));
    let second = citizen
        .post(BIRTH, &fields)
        .await
        .location()
        .trim_start_matches("/ho-so/")
        .to_string();
    assert_ne!(first, second);
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &first, "accept", &[]).await;
    act(&app, &mut reception, &second, "accept", &[]).await;
    let text = flowing_text_of(&slip(&mut citizen, &second).await);
    assert!(
        text.contains("giay-chung-sinh.pdf (1 KB), lấy từ kho dữ liệu"),
        "{text}"
    );
    assert!(text.contains("Số: 02/TNHS-TTPVHCC"), "{text}");
    let text = flowing_text_of(&slip(&mut citizen, &first).await);
    assert!(
        text.contains("giay-chung-sinh.pdf (1 KB), tải lên"),
        "{text}"
    );
    assert!(text.contains("Số: 01/TNHS-TTPVHCC"), "{text}");
}

#[tokio::test]
async fn dossiers_accepted_at_once_get_consecutive_numbers_without_gaps_or_duplicates() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mut codes = Vec::new();
    for _ in 0..8 {
        codes.push(submit_birth(&app, &mut citizen).await);
    }
    let reception = signed_in(&app, RECEPTION).await;
    let cookie = reception.session_cookie().unwrap();
    let mut requests = Vec::new();
    for (n, code) in codes.iter().enumerate() {
        let (_, version) = status_and_version(&app, code).await;
        let version = version.to_string();
        requests.push(form_post(
            &format!("/can-bo/ho-so/{code}/thao-tac"),
            &[("action", "accept"), ("version", &version)],
            address(n as u16),
            Some(&cookie),
        ));
        // The same acceptance twice: one of the pair is told the dossier
        // changed, and takes no number.
        requests.push(form_post(
            &format!("/can-bo/ho-so/{code}/thao-tac"),
            &[("action", "accept"), ("version", &version)],
            address(n as u16),
            Some(&cookie),
        ));
    }
    let answers = all_at_once(&app, requests).await;
    assert!(answers.iter().all(|(status, _)| status.is_redirection()));
    let numbers: Vec<i32> =
        sqlx::query_scalar("SELECT number FROM issued_documents WHERE form = '01' ORDER BY number")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
    let last: i32 =
        sqlx::query_scalar("SELECT last_number FROM document_registers WHERE form = '01'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(last, 8, "the register holds what was issued");
    // Each slip prints its own number.
    let mut printed = Vec::new();
    for code in &codes {
        let text = text_of(&slip(&mut citizen, code).await);
        let number = text
            .split("Số: ")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_string();
        printed.push(number);
    }
    printed.sort();
    let expected: Vec<String> = (1..=8).map(|n| format!("{n:02}")).collect();
    assert_eq!(printed, expected);
}

#[tokio::test]
async fn slips_02_03_and_05_are_numbered_in_the_units_registers_and_04_in_the_agencys() {
    let app = spawn_app().await;
    let refused = filed(&app).await;
    let stopped = filed(&app).await;
    let late = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let note = [("note", "Lý do ghi trên phiếu.")];
    act(&app, &mut reception, &refused, "request_supplement", &note).await;
    act(&app, &mut reception, &stopped, "accept", &[]).await;
    act(&app, &mut reception, &stopped, "stop", &note).await;
    act(&app, &mut reception, &refused, "refuse", &note).await;
    act(&app, &mut reception, &late, "accept", &[]).await;
    let mut leader = signed_in(&app, LEADER).await;
    let new_day: String = sqlx::query_scalar(
        "SELECT to_char(c, 'YYYY-MM-DD') FROM dossiers d,
                generate_series(d.due_at::date + 7, d.due_at::date + 30, interval '1 day') AS c
         WHERE d.code = $1 AND extract(isodow FROM c) < 6
           AND NOT EXISTS (SELECT 1 FROM calendar_days k WHERE k.day = c::date AND k.kind = 'holiday')
         ORDER BY c LIMIT 1",
    )
    .bind(&late)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    act(
        &app,
        &mut leader,
        &late,
        "extend",
        &[note[0], ("new_due", &new_day)],
    )
    .await;

    let issued: Vec<(String, String)> = sqlx::query_as(
        "SELECT form, reference FROM issued_documents WHERE form <> '01' ORDER BY form",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let issued: Vec<(&str, &str)> = issued
        .iter()
        .map(|(f, r)| (f.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        issued,
        vec![
            ("02", "01/BSHS-TTPVHCC"),
            ("03", "01/TCHS-TTPVHCC"),
            ("04", "01/XLHS-UBND"),
            ("05", "01/TB-TTPVHCC"),
        ]
    );
    // Each slip prints its number under its issuer.
    for (code, action, number, issuer) in [
        (&refused, "refuse", "Số: 01/TCHS-TTPVHCC", UNIT),
        (&stopped, "stop", "Số: 01/TB-TTPVHCC", UNIT),
        (
            &late,
            "extend",
            "Số: 01/XLHS-UBND",
            "ỦY BAN NHÂN DÂN PHƯỜNG HỒNG GAI",
        ),
    ] {
        let entry: i64 = sqlx::query_scalar(
            "SELECT h.id FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id
             WHERE d.code = $1 AND h.action = $2",
        )
        .bind(code)
        .bind(action)
        .fetch_one(&app.pool)
        .await
        .unwrap();
        let slip = reception.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
        support::pdf::keep(&format!("slip-{action}"), &slip.bytes);
        let text = flowing_text_of(&slip.bytes);
        assert!(text.contains(number), "{number} in:\n{text}");
        assert!(text.contains(issuer), "{issuer} in:\n{text}");
    }
}

/// The names of the fonts a PDF embeds (poppler's `pdffonts`).
fn fonts_of(bytes: &[u8]) -> String {
    String::from_utf8(support::pdf::poppler("pdffonts", &[], bytes, &[]).stdout).unwrap()
}
