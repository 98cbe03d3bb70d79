//! Slips 02–05 and the apology with a new appointment date: each slip is
//! printed from the step that issued it, linked from both timelines, the
//! same whenever it is downloaded, and only for those who may see the
//! dossier.

use crate::support;

use support::back_office::*;
use support::mailbox::wait_for_mail;
use support::pdf::{flowing_text_of, text_of};
use support::{spawn_app, TestApp};

/// The latest history entry of `action` on the dossier.
pub(crate) async fn entry_of(app: &TestApp, code: &str, action: &str) -> i64 {
    sqlx::query_scalar(
        "SELECT h.id FROM dossier_history h JOIN dossiers d ON d.id = h.dossier_id
         WHERE d.code = $1 AND h.action = $2 ORDER BY h.id DESC LIMIT 1",
    )
    .bind(code)
    .bind(action)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// `yyyy-mm-dd` of the first day on or after `days` days past the
/// dossier's appointment that is (or is not) a working day.
async fn day_after_due(app: &TestApp, code: &str, days: i32, working: bool) -> String {
    sqlx::query_scalar(
        "SELECT to_char(candidate, 'YYYY-MM-DD') FROM dossiers d,
                generate_series(d.due_at::date + $2, d.due_at::date + $2 + 30, interval '1 day') AS candidate
         WHERE d.code = $1
           AND ((extract(isodow FROM candidate) < 6
                 AND NOT EXISTS (SELECT 1 FROM calendar_days c WHERE c.day = candidate::date AND c.kind = 'holiday'))
                OR EXISTS (SELECT 1 FROM calendar_days c WHERE c.day = candidate::date AND c.kind = 'make_up')) = $3
         ORDER BY candidate LIMIT 1",
    )
    .bind(code)
    .bind(days)
    .bind(working)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

#[tokio::test]
async fn a_supplement_request_prints_slip_02_the_same_every_time_for_those_who_may_see_it() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(
        &app,
        &mut reception,
        &code,
        "request_supplement",
        &[("note", "Thiếu bản sao giấy chứng sinh của trẻ.")],
    )
    .await;
    let entry = entry_of(&app, &code, "request_supplement").await;
    let link = format!("/ho-so/{code}/phieu/{entry}");

    let office_page = reception.get(&format!("/can-bo/ho-so/{code}")).await;
    assert!(
        office_page.body.contains(&link),
        "linked in the back office"
    );
    let mut citizen = signed_in(&app, CITIZEN).await;
    let own_page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(
        own_page.body.contains(&link),
        "linked on the citizen's page"
    );
    assert!(own_page
        .text()
        .contains("Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (PDF)"));

    let slip = citizen.get(&link).await;
    assert_eq!(slip.status, 200);
    assert_eq!(slip.header("content-type"), "application/pdf");
    assert!(slip.header("content-disposition").starts_with("attachment"));
    let text = text_of(&slip.bytes);
    for expected in [
        "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        code.as_str(),
        "Vũ Thị Công Dân",
        "Thiếu bản sao giấy chứng sinh của trẻ.",
        "Thời gian chờ bổ sung không tính vào thời hạn giải quyết hồ sơ.",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }

    // The dossier moves on; the slip stays what it was.
    let (_, version) = status_and_version(&app, &code).await;
    citizen
        .post(
            &format!("/ho-so/{code}/bo-sung"),
            &[("version", &version.to_string()), ("note", "Đã bổ sung.")],
        )
        .await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    assert_eq!(citizen.get(&link).await.bytes, slip.bytes);
    assert_eq!(reception.get(&link).await.bytes, slip.bytes);

    // Nobody else gets it: another citizen, an official elsewhere, a made-up entry.
    let other = app.another_citizen().await;
    let mut stranger = signed_in(&app, other).await;
    assert_eq!(stranger.get(&link).await.status, 404);
    let elsewhere = official_elsewhere(&app).await;
    let mut official = signed_in(&app, elsewhere).await;
    assert_eq!(official.get(&link).await.status, 404);
    let accepted = entry_of(&app, &code, "accept").await;
    assert_eq!(
        citizen
            .get(&format!("/ho-so/{code}/phieu/{accepted}"))
            .await
            .status,
        404,
        "acceptance issues slip 01, not a notice"
    );
    assert_eq!(
        citizen
            .get(&format!("/ho-so/{code}/phieu/abc"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn refusal_and_stop_print_slips_03_and_05_with_their_reasons() {
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let refused = filed(&app).await;
    act(
        &app,
        &mut reception,
        &refused,
        "refuse",
        &[("note", "Thủ tục không thuộc thẩm quyền của xã.")],
    )
    .await;
    let stopped = filed(&app).await;
    act(&app, &mut reception, &stopped, "accept", &[]).await;
    act(
        &app,
        &mut reception,
        &stopped,
        "stop",
        &[("note", "Người nộp đề nghị dừng giải quyết.")],
    )
    .await;
    for (code, action, title, reason) in [
        (
            &refused,
            "refuse",
            "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ",
            "Thủ tục không thuộc thẩm quyền của xã.",
        ),
        (
            &stopped,
            "stop",
            "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
            "Người nộp đề nghị dừng giải quyết.",
        ),
    ] {
        let entry = entry_of(&app, code, action).await;
        let slip = reception.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
        assert_eq!(slip.status, 200, "{action}");
        let text = text_of(&slip.bytes);
        for expected in [title, reason, code.as_str(), "Vũ Thị Công Dân"] {
            assert!(text.contains(expected), "{expected} in:\n{text}");
        }
    }
}

#[tokio::test]
async fn a_late_dossier_gets_an_apology_and_a_new_date_but_stays_late_for_statistics() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let (due_before, legal_before): (String, String) = sqlx::query_as(
        "SELECT to_char(due_at, 'YYYY-MM-DD HH24:MI'), to_char(legal_due_at, 'YYYY-MM-DD HH24:MI')
         FROM dossiers WHERE code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(due_before, legal_before, "acceptance sets both");
    // Slip 04 is the processing agency's, signed by its leader: reception
    // may not issue it.
    let page = act(
        &app,
        &mut reception,
        &code,
        "extend",
        &[("note", "Lý do."), ("new_due", "2099-01-05")],
    )
    .await;
    assert!(page.contains("Bạn không có quyền"), "{page}");
    let mut leader = signed_in(&app, LEADER).await;
    let reason = [("note", "Cần xác minh thông tin với cơ quan khác.")];

    // Each wrong date is explained, and nothing changes.
    let no_date = act(&app, &mut leader, &code, "extend", &reason).await;
    assert!(
        no_date.contains("Nhập ngày hẹn trả kết quả mới"),
        "{no_date}"
    );
    let earlier = due_before[..10].to_string();
    let page = act(
        &app,
        &mut leader,
        &code,
        "extend",
        &[reason[0], ("new_due", &earlier)],
    )
    .await;
    assert!(
        page.contains("Ngày hẹn mới phải sau ngày hẹn hiện tại."),
        "{page}"
    );
    let day_off = day_after_due(&app, &code, 1, false).await;
    let page = act(
        &app,
        &mut leader,
        &code,
        "extend",
        &[reason[0], ("new_due", &day_off)],
    )
    .await;
    assert!(
        page.contains("Ngày hẹn mới phải là ngày làm việc"),
        "{page}"
    );
    let new_day = day_after_due(&app, &code, 5, true).await;
    let page = act(&app, &mut leader, &code, "extend", &[("new_due", &new_day)]).await;
    assert!(page.contains("Nhập lý do"), "a reason is required: {page}");

    let mails_before: i64 = sqlx::query_scalar("SELECT coalesce(max(id), 0) FROM caught_mail")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let page = act(
        &app,
        &mut leader,
        &code,
        "extend",
        &[reason[0], ("new_due", &new_day)],
    )
    .await;
    assert!(
        page.contains("Đã tiếp nhận"),
        "the state does not change: {page}"
    );
    let (status, due_after, legal_after): (String, String, String) = sqlx::query_as(
        "SELECT status, to_char(due_at, 'YYYY-MM-DD'), to_char(legal_due_at, 'YYYY-MM-DD HH24:MI')
         FROM dossiers WHERE code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(status, "received");
    assert_eq!(due_after, new_day, "the appointment in force moves");
    assert_eq!(
        legal_after, legal_before,
        "statistics keep the first promise"
    );

    // The citizen is told, by mail and on their page, and can print slip 04.
    let (_, mail) = wait_for_mail(&app, CITIZEN, mails_before).await;
    assert!(mail.contains("xin lỗi"), "{mail}");
    let mut citizen = signed_in(&app, CITIZEN).await;
    let entry = entry_of(&app, &code, "extend").await;
    let own_page = citizen.get(&format!("/ho-so/{code}")).await;
    assert!(own_page
        .text()
        .contains("Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (PDF)"));
    let slip = citizen.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
    let text = flowing_text_of(&slip.bytes);
    // Days as Vietnamese documents write them: "ngày 05 tháng 01 năm 2027".
    let day_month_year = |iso: &str| {
        format!(
            "ngày {} tháng {} năm {}",
            &iso[8..10],
            &iso[5..7],
            &iso[..4]
        )
    };
    for expected in [
        "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT",
        "Cần xác minh thông tin với cơ quan khác.",
        &day_month_year(&due_before),
        &day_month_year(&new_day),
        // The time of day is written out, as in an official letter.
        "Vào lúc ",
        " giờ ",
        "LÃNH ĐẠO CƠ QUAN",
        "(Ký điện tử)",
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    // The processing agency issues it, so its certificate signs it
    // (not the one-stop unit's, which signs the other notices).
    let agency: String = sqlx::query_scalar(
        "SELECT a.name FROM dossiers d JOIN agencies a ON a.id = d.agency_id WHERE d.code = $1",
    )
    .bind(&code)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let report = support::pdf::signatures_of(&slip.bytes);
    assert!(report.contains("Signature is Valid."), "{report}");
    assert!(
        report.contains(&format!("Signer Certificate Common Name: {agency}")),
        "{report}"
    );
}

#[tokio::test]
async fn a_submission_not_yet_accepted_is_refused_not_stopped() {
    // Slip 05 (dừng giải quyết) is only for an accepted dossier; before
    // acceptance the one-stop unit refuses it with slip 03.
    let app = spawn_app().await;
    let mut reception = signed_in(&app, RECEPTION).await;
    let code = filed(&app).await;
    let page = act(
        &app,
        &mut reception,
        &code,
        "stop",
        &[("note", "Người nộp đề nghị dừng giải quyết.")],
    )
    .await;
    assert!(
        page.contains("Không thể “Dừng giải quyết” khi hồ sơ đang ở trạng thái “Chờ tiếp nhận”"),
        "{page}"
    );
    assert_eq!(status_and_version(&app, &code).await.0, "submitted");
}

/// Slip 04 issued on a dossier whose appointment is `due` (Vietnam time):
/// the text of the slip.
async fn apology_for_appointment(app: &TestApp, due: chrono::NaiveDateTime) -> String {
    let code = filed(app).await;
    let mut reception = signed_in(app, RECEPTION).await;
    act(app, &mut reception, &code, "accept", &[]).await;
    sqlx::query("UPDATE dossiers SET due_at = $2 WHERE code = $1")
        .bind(&code)
        .bind(due)
        .execute(&app.pool)
        .await
        .unwrap();
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let new_day = calendar
        .add_working_days(due.date(), 3)
        .format("%Y-%m-%d")
        .to_string();
    let mut leader = signed_in(app, LEADER).await;
    let page = act(
        app,
        &mut leader,
        &code,
        "extend",
        &[("note", "Chờ kết quả xác minh."), ("new_due", &new_day)],
    )
    .await;
    assert!(page.contains("Đã tiếp nhận"), "{page}");
    let entry = entry_of(app, &code, "extend").await;
    let slip = leader.get(&format!("/ho-so/{code}/phieu/{entry}")).await;
    flowing_text_of(&slip.bytes)
}

#[tokio::test]
async fn an_apology_later_than_the_working_day_before_the_appointment_says_so() {
    let app = spawn_app().await;
    let calendar = app::deadlines::store::working_calendar(&app.pool)
        .await
        .unwrap();
    let today = app.clock().today_in_vietnam();
    let closing = calendar.end_of_day();
    const LATE: &str =
        "được gửi sau thời hạn quy định (chậm nhất 01 ngày làm việc trước ngày hẹn trả kết quả)";

    // The appointment two working days away: the working day before it is
    // still to come, so the apology is in time.
    let in_time =
        apology_for_appointment(&app, calendar.add_working_days(today, 2).and_time(closing)).await;
    assert!(!in_time.contains(LATE), "{in_time}");
    assert!(!in_time.contains("đã quá hạn"), "{in_time}");

    // The appointment is today, late tonight: not yet overdue, but the
    // working day before it has passed.
    let on_the_day = apology_for_appointment(&app, today.and_hms_opt(23, 59, 59).unwrap()).await;
    assert!(on_the_day.contains(LATE), "{on_the_day}");
    assert!(!on_the_day.contains("đã quá hạn"), "{on_the_day}");
}
