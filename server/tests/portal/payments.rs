//! Online payment through the sandbox bank: only the bank's signed word
//! settles a payment, exactly once, and everything it says is kept.

use crate::support;

use support::back_office::{signed_in, CITIZEN, MANAGER, RECEPTION};
use support::payments::*;
use support::spawn_app;

#[tokio::test]
async fn a_fee_paid_online_is_settled_once_by_the_banks_signed_notification() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_business(&mut citizen).await;
    let page = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        page.contains("Lệ phí đăng ký hộ kinh doanh 100.000 đ") && page.contains("Chưa thanh toán"),
        "{page}"
    );

    let (reference, bank) = start_payment(&mut citizen, &code).await;
    let bank_page = citizen.get(&bank).await.text();
    assert!(
        bank_page.contains("NGÂN HÀNG THỬ NGHIỆM") && bank_page.contains("100.000 đ"),
        "{bank_page}"
    );
    let back = choose_at_bank(&mut citizen, &bank, &reference, "success").await;
    assert_eq!(
        back.location(),
        format!("http://127.0.0.1:3000/thanh-toan/{reference}")
    );

    // Back from the bank, the browser proves nothing: still waiting.
    let waiting = citizen.get(&format!("/thanh-toan/{reference}")).await;
    assert!(
        waiting.text().contains("Đang chờ ngân hàng xác nhận"),
        "{}",
        waiting.text()
    );
    // No timed refresh (WCAG 2.2.1): the person reloads when they choose.
    assert!(
        !waiting.body.contains(r#"http-equiv="refresh""#),
        "no timed reload"
    );
    assert!(
        waiting
            .body
            .contains(&format!(r#"<a href="/thanh-toan/{reference}""#))
            && waiting.text().contains("Tải lại"),
        "a reload link: {}",
        waiting.body
    );
    assert_eq!(payment_status(&app, &reference).await, "pending");

    let body = queued_notification(&app, &reference).await;
    let answer = notify(&app, &body, &sandbox_signature(&body)).await;
    assert_eq!(answer["RspCode"], "00");
    assert_eq!(payment_status(&app, &reference).await, "paid");
    // The same notification again (the bank repeats itself) changes nothing.
    let again = notify(&app, &body, &sandbox_signature(&body)).await;
    assert_eq!(again["RspCode"], "02");
    let receipts: i64 =
        sqlx::query_scalar("SELECT count(receipt_number) FROM payments WHERE reference = $1")
            .bind(&reference)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(receipts, 1);

    let paid = citizen.get(&format!("/thanh-toan/{reference}")).await;
    assert!(
        paid.text().contains("Đã thanh toán") && !paid.body.contains("http-equiv"),
        "{}",
        paid.text()
    );
    let dossier = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        dossier.text().contains("Đã thanh toán"),
        "{}",
        dossier.text()
    );
    assert!(
        !dossier.body.contains("/thanh-toan\""),
        "no second payment offered"
    );
    let receipt_href = format!("/ho-so/{code}/bien-lai/{reference}");
    assert!(dossier.body.contains(&receipt_href));
    let receipt = citizen.get(&receipt_href).await;
    assert_eq!(receipt.status, 200);
    let text = support::pdf::text_of(&receipt.bytes);
    for expected in [
        "BIÊN LAI THU PHÍ, LỆ PHÍ",
        "Vũ Thị Công Dân",
        code.as_str(),
        "100.000 đ",
        "Số tiền bằng chữ: Một trăm nghìn đồng.",
        "Ngân hàng thử nghiệm",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    // The officials see it too; another citizen does not.
    let mut reception = signed_in(&app, RECEPTION).await;
    let office = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(office.contains("Đã thanh toán"), "{office}");
    assert_eq!(reception.get(&receipt_href).await.status, 200);
    let stranger = app.another_citizen().await;
    let mut stranger = signed_in(&app, stranger).await;
    assert_eq!(stranger.get(&receipt_href).await.status, 404);
    assert_eq!(
        stranger
            .get(&format!("/thanh-toan/{reference}"))
            .await
            .status,
        404
    );
    // The applicant is told.
    let told: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM notifications WHERE title LIKE 'Đã nhận thanh toán%'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(told, 1);
}

#[tokio::test]
async fn forged_wrong_and_unknown_notifications_change_nothing_and_are_kept() {
    let app = spawn_app().await;
    let (reference, body) = paid_at_bank(&app).await;

    let forged = notify(&app, &body, &"0".repeat(64)).await;
    assert_eq!(forged["RspCode"], "97");
    let cheaper = body.replace("100000", "1000");
    let wrong = notify(&app, &cheaper, &sandbox_signature(&cheaper)).await;
    assert_eq!(wrong["RspCode"], "04");
    let unknown = body.replace(&reference, "MC000000NOSUCHREF");
    let missing = notify(&app, &unknown, &sandbox_signature(&unknown)).await;
    assert_eq!(missing["RspCode"], "01");
    assert_eq!(payment_status(&app, &reference).await, "pending");

    let kept: Vec<String> =
        sqlx::query_scalar("SELECT verdict FROM payment_notifications ORDER BY id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(kept, ["bad_signature", "wrong_amount", "unknown_order"]);
    let flags: i64 = sqlx::query_scalar("SELECT count(*) FROM payment_flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(flags, 1, "the wrong amount waits for a manager");

    // The manager of the agencies above sees it and settles it; reception cannot.
    let flag: i64 = sqlx::query_scalar("SELECT id FROM payment_flags")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let mut reception = signed_in(&app, RECEPTION).await;
    reception
        .post(&format!("/can-bo/doi-soat/{flag}"), &[("note", "Bỏ qua.")])
        .await;
    let mut manager = signed_in(&app, MANAGER).await;
    let inbox = manager.get("/can-bo").await;
    assert!(inbox.body.contains("/can-bo/doi-soat"), "{}", inbox.text());
    let page = manager.get("/can-bo/doi-soat").await.text();
    assert!(
        page.contains(&reference)
            && page.contains("Cổng thanh toán báo số tiền 1.000 đ (VND) cho giao dịch 100.000 đ"),
        "{page}"
    );
    manager
        .post(
            &format!("/can-bo/doi-soat/{flag}"),
            &[("note", "Đã đối chiếu với ngân hàng: thông báo giả mạo.")],
        )
        .await;
    let resolution: Option<String> =
        sqlx::query_scalar("SELECT resolution FROM payment_flags WHERE id = $1")
            .bind(flag)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        resolution.as_deref(),
        Some("Đã đối chiếu với ngân hàng: thông báo giả mạo."),
        "settled by the manager, not by reception"
    );
    let page = manager.get("/can-bo/doi-soat").await.text();
    assert!(
        page.contains("Không có giao dịch nào cần đối soát."),
        "{page}"
    );
}

#[tokio::test]
async fn two_notifications_at_once_settle_one_payment() {
    let app = spawn_app().await;
    let (_, body) = paid_at_bank(&app).await;
    let signature = sandbox_signature(&body);
    let (first, second) = tokio::join!(
        notify(&app, &body, &signature),
        notify(&app, &body, &signature)
    );
    let mut codes = [
        first["RspCode"].as_str().unwrap().to_string(),
        second["RspCode"].as_str().unwrap().to_string(),
    ];
    codes.sort();
    assert_eq!(codes, ["00", "02"]);
    let numbers: i64 = sqlx::query_scalar("SELECT sum(last_number)::bigint FROM receipt_counters")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(numbers, 1, "one receipt number given");
}

#[tokio::test]
async fn a_failed_payment_can_be_retried_and_forgotten_ones_expire_or_are_reconciled() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let code = file_business(&mut citizen).await;

    // Refused at the bank: the notification records it, and paying again is offered.
    let (failed, bank) = start_payment(&mut citizen, &code).await;
    choose_at_bank(&mut citizen, &bank, &failed, "failure").await;
    let body = queued_notification(&app, &failed).await;
    assert_eq!(
        notify(&app, &body, &sandbox_signature(&body)).await["RspCode"],
        "00"
    );
    assert_eq!(payment_status(&app, &failed).await, "failed");
    let page = citizen.get(&format!("/thanh-toan/{failed}")).await;
    assert!(page.text().contains("Thanh toán lại"), "{}", page.text());
    let dossier = citizen.get(&format!("/ho-so/{code}")).await.text();
    assert!(
        dossier.contains("Lần thanh toán trước chưa thành công"),
        "{dossier}"
    );

    // Paid at the bank, but its notification never arrives: reconciliation
    // asks the bank and settles it.
    let (unnotified, bank) = start_payment(&mut citizen, &code).await;
    choose_at_bank(&mut citizen, &bank, &unnotified, "success").await;
    sqlx::query("UPDATE payments SET created_at = $2 - interval '1 minute' WHERE reference = $1")
        .bind(&unnotified)
        .bind(app.clock().now())
        .execute(&app.pool)
        .await
        .unwrap();
    server::payments::reconcile::reconcile(&app.state)
        .await
        .unwrap();
    assert_eq!(payment_status(&app, &unnotified).await, "paid");
    let sources: Vec<String> =
        sqlx::query_scalar("SELECT source FROM payment_notifications WHERE reference = $1")
            .bind(&unnotified)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(sources, ["query"]);

    // Another dossier's payment left at the bank's page expires after its time.
    let other = file_business(&mut citizen).await;
    let (abandoned, _) = start_payment(&mut citizen, &other).await;
    sqlx::query("UPDATE payments SET created_at = $2 - interval '20 minutes', expires_at = $2 - interval '5 minutes' WHERE reference = $1")
        .bind(&abandoned)
        .bind(app.clock().now())
        .execute(&app.pool)
        .await
        .unwrap();
    server::payments::reconcile::reconcile(&app.state)
        .await
        .unwrap();
    assert_eq!(payment_status(&app, &abandoned).await, "expired");
}

#[tokio::test]
async fn the_counter_collects_fees_the_result_waits_for_them_and_refusals_owe_them_back() {
    let app = spawn_app().await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let mut reception = signed_in(&app, RECEPTION).await;

    let code = file_business(&mut citizen).await;
    let collect = format!("/can-bo/ho-so/{code}/thu-phi");
    // The citizen cannot record their own payment.
    citizen
        .post(
            &collect,
            &[("method", "cash"), ("counter_receipt", "0001234")],
        )
        .await;
    let unpaid: i64 = sqlx::query_scalar("SELECT count(*) FROM payments WHERE status = 'paid'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(unpaid, 0);
    // A paper receipt number is needed.
    reception
        .post(&collect, &[("method", "cash"), ("counter_receipt", " ")])
        .await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(page.contains("nhập số biên lai giấy"), "{page}");
    reception
        .post(
            &collect,
            &[("method", "cash"), ("counter_receipt", "0001234")],
        )
        .await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(
        page.contains("Đã ghi nhận thu phí") && page.contains("Đã thanh toán"),
        "{page}"
    );
    // A second officer pressing it again does not charge twice.
    reception
        .post(
            &collect,
            &[("method", "card"), ("counter_receipt", "0001235")],
        )
        .await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(page.contains("đã được thanh toán"), "{page}");

    // Refused after paying: the fee is owed back, and the officer records the refund.
    support::back_office::act(
        &app,
        &mut reception,
        &code,
        "refuse",
        &[("note", "Tên hộ kinh doanh trùng.")],
    )
    .await;
    let status: String = sqlx::query_scalar(
        "SELECT p.status FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE d.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(status, "refund_due");
    reception
        .post(
            &format!("/can-bo/ho-so/{code}/hoan-phi"),
            &[("note", "Trả tiền mặt tại quầy ngày 01/12/2026.")],
        )
        .await;
    let page = reception.get(&format!("/can-bo/ho-so/{code}")).await.text();
    assert!(page.contains("Đã hoàn trả"), "{page}");

    // An unpaid dossier's result is not handed over.
    let unpaid = file_business(&mut citizen).await;
    let mut specialist = signed_in(&app, support::back_office::SPECIALIST).await;
    let mut leader = signed_in(&app, support::back_office::LEADER).await;
    let specialist_id = support::back_office::specialist_id(&app).await;
    support::back_office::act(&app, &mut reception, &unpaid, "accept", &[]).await;
    support::back_office::act(
        &app,
        &mut reception,
        &unpaid,
        "assign",
        &[("assignee", &specialist_id)],
    )
    .await;
    support::back_office::act(&app, &mut specialist, &unpaid, "propose", &[]).await;
    support::back_office::act(&app, &mut leader, &unpaid, "approve", &[]).await;
    let page = support::back_office::act(&app, &mut reception, &unpaid, "return", &[]).await;
    assert!(page.contains("Hồ sơ chưa nộp phí, lệ phí"), "{page}");
    assert_eq!(
        support::back_office::status_and_version(&app, &unpaid)
            .await
            .0,
        "result_ready"
    );
}
