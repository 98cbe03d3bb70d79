//! Register 07 (sổ theo dõi hồ sơ): an official downloads it for an agency
//! in their scope and a period; it lists only the dossiers the one-stop
//! unit accepted, with the register's columns; a period it cannot read is
//! explained on the form it came from; nobody reads another agency's
//! register.

use crate::support;

use support::back_office::*;
use support::pdf::{flowing_text_of, text_of};
use support::spawn_app;

#[tokio::test]
async fn reception_prints_this_months_register_with_every_dossier_accepted_and_only_those() {
    let app = spawn_app().await;
    let done = returned(&app).await;
    let extended = filed(&app).await;
    let waiting = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &extended, "accept", &[]).await;
    let new_day: String = sqlx::query_scalar(
        "SELECT to_char(c, 'YYYY-MM-DD') FROM dossiers d,
                generate_series(d.due_at::date + 7, d.due_at::date + 30, interval '1 day') AS c
         WHERE d.code = $1 AND extract(isodow FROM c) < 6
           AND NOT EXISTS (SELECT 1 FROM calendar_days k WHERE k.day = c::date AND k.kind = 'holiday')
         ORDER BY c LIMIT 1",
    )
    .bind(&extended)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let mut leader = signed_in(&app, LEADER).await;
    act(
        &app,
        &mut leader,
        &extended,
        "extend",
        &[("note", "Cần xác minh."), ("new_due", &new_day)],
    )
    .await;

    let inbox = reception.get("/can-bo").await;
    assert!(
        inbox.text().contains("Tải sổ theo dõi (PDF)"),
        "the form is on the inbox"
    );
    let register = reception.get("/can-bo/so-theo-doi.pdf").await;
    assert_eq!(register.status, 200);
    assert_eq!(register.header("content-type"), "application/pdf");
    support::pdf::keep("register-07", &register.bytes);
    let text = flowing_text_of(&register.bytes);
    let when = |sql: &'static str, code: &str| {
        let pool = app.pool.clone();
        let code = code.to_string();
        async move {
            sqlx::query_scalar::<_, String>(sql)
                .bind(code)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let legal = when(
        "SELECT to_char(legal_due_at, 'HH24:MI DD/MM/YYYY') FROM dossiers WHERE code = $1",
        &extended,
    )
    .await;
    let moved = when(
        "SELECT to_char(due_at, 'HH24:MI DD/MM/YYYY') FROM dossiers WHERE code = $1",
        &extended,
    )
    .await;
    let returned_at = when(
        "SELECT to_char(resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'HH24:MI DD/MM/YYYY') FROM dossiers WHERE code = $1",
        &done,
    )
    .await;
    for expected in [
        "UBND PHƯỜNG HỒNG GAI",
        "SỔ THEO DÕI HỒ SƠ",
        "Cơ quan giải quyết: Ủy ban nhân dân phường Hồng Gai",
        "Tổng số hồ sơ tiếp nhận: 2",
        // The register's columns.
        "STT",
        "Mã hồ sơ, số giấy tiếp nhận",
        "Tổ chức, cá nhân",
        "Tên thủ tục hành chính",
        "Nhận hồ sơ",
        "Hẹn trả theo quy định",
        "Hẹn lại (gia hạn)",
        "Chuyển hồ sơ đến",
        "Trả kết quả",
        "Ký nhận",
        done.as_str(),
        extended.as_str(),
        "Số: 01/TNHS-TTPVHCC",
        "Số: 02/TNHS-TTPVHCC",
        "Vũ Thị Công Dân",
        // The legal appointment, and the extended one beside it.
        &format!("{legal} {moved}"),
        // Transferred to the agency's specialist; returned online.
        "Trần Văn Chuyên",
        &format!("{returned_at} (trực tuyến)"),
        "Chưa trả (Đã tiếp nhận)",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    assert!(
        !text.contains(&waiting),
        "a dossier not accepted is not in the register: {text}"
    );

    // A period before anything was filed is an empty register, not an error.
    let empty = reception
        .get("/can-bo/so-theo-doi.pdf?tu=01/01/2025&den=31/01/2025")
        .await;
    let text = text_of(&empty.bytes);
    assert!(
        text.contains("từ ngày 01/01/2025 đến ngày 31/01/2025"),
        "{text}"
    );
    assert!(
        text.contains("Không có hồ sơ nào được tiếp nhận trong kỳ."),
        "{text}"
    );
    assert!(!text.contains(&done));
}

#[tokio::test]
async fn a_period_that_cannot_be_read_is_explained_on_the_form_with_what_was_typed() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let answer = reception
        .get("/can-bo/so-theo-doi.pdf?tu=2026-11-20&den=2026-11-01")
        .await;
    assert_eq!(answer.status, 303);
    let back = answer.location();
    assert!(back.starts_with("/can-bo?"), "{back}");
    let page = reception.get(&back).await;
    assert!(
        page.text()
            .contains("“Từ ngày” phải trước hoặc bằng “Đến ngày”."),
        "{}",
        page.text()
    );
    assert!(
        page.body.contains("value=\"2026-11-20\""),
        "the dates typed are kept"
    );
    assert!(page.body.contains("value=\"2026-11-01\""));
    // A query it cannot read at all gets the bilingual bad-request page.
    let garbled = reception
        .get("/can-bo/so-theo-doi.pdf?tu=01/11/2026&tu=02/11/2026")
        .await;
    assert_eq!(garbled.status, 400);
    assert!(garbled.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn nobody_reads_another_agencys_register() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let elsewhere = official_elsewhere(&app).await;
    let mut stranger = signed_in(&app, elsewhere).await;
    let own = text_of(&stranger.get("/can-bo/so-theo-doi.pdf").await.bytes);
    assert!(!own.contains(&code), "{own}");
    assert_eq!(
        stranger
            .get("/can-bo/so-theo-doi.pdf?co-quan=000.01.40.H34")
            .await
            .status,
        404
    );
    // The province manager's scope reaches the commune.
    let mut manager = signed_in(&app, MANAGER).await;
    let theirs = manager
        .get("/can-bo/so-theo-doi.pdf?co-quan=000.01.40.H34")
        .await;
    assert!(text_of(&theirs.bytes).contains(&code));
    let mut citizen = signed_in(&app, CITIZEN).await;
    assert_eq!(citizen.get("/can-bo/so-theo-doi.pdf").await.status, 403);
}
