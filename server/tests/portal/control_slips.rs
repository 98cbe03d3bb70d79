//! Slip 06, the control slip: one line per hand-over of the dossier, with
//! who gave it and who received it (person and unit: a reception officer
//! works in the one-stop unit), when, the step's deadline, whether the
//! step was on time or late, and columns for both to sign.

use crate::support;

use support::back_office::*;
use support::pdf::flowing_text_of;
use support::spawn_app;

const UNIT: &str = "Trung tâm Phục vụ hành chính công phường Hồng Gai";
const COMMUNE: &str = "Ủy ban nhân dân phường Hồng Gai";

#[tokio::test]
async fn every_hand_over_names_giver_and_receiver_with_their_units() {
    let app = spawn_app().await;
    let code = returned(&app).await;
    let mut citizen = signed_in(&app, CITIZEN).await;
    let slip = citizen
        .get(&format!("/ho-so/{code}/phieu-kiem-soat.pdf"))
        .await;
    assert_eq!(slip.status, 200);
    let text = flowing_text_of(&slip.bytes);
    let applicant = "Vũ Thị Công Dân Người nộp hồ sơ";
    let reception = format!("Nguyễn Thị Tiếp Nhận {UNIT}");
    let specialist = format!("Trần Văn Chuyên {COMMUNE}");
    let leader = format!("Lê Minh Lãnh {COMMUNE}");
    for expected in [
        "UBND PHƯỜNG HỒNG GAI",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG",
        "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ",
        &format!("Mã hồ sơ: {code}"),
        "(Kèm theo hồ sơ của tổ chức, cá nhân)",
        &format!("Cơ quan giải quyết hồ sơ: {COMMUNE}"),
        // The columns of the form.
        "Bên giao (người, đơn vị)",
        "Bên nhận (người, đơn vị)",
        "Thời gian giao, nhận",
        "Bước xử lý, thời hạn",
        "Kết quả (trước hạn, đúng hạn, quá hạn)",
        "Người giao ký",
        "Người nhận ký",
        // The applicant hands it to the desk; the desk to the specialist,
        // the specialist to the leader, the leader back to the desk, and
        // the desk hands the result to the applicant.
        &format!("Nộp hồ sơ → Chờ tiếp nhận {applicant} {reception}"),
        &format!("Phân công xử lý → Đang xử lý {reception} {specialist}"),
        &format!("Trình phê duyệt → Chờ phê duyệt {specialist} {leader}"),
        &format!("Phê duyệt → Đã có kết quả {leader} {reception}"),
        &format!("Trả kết quả → Đã trả kết quả {reception} {applicant}"),
    ] {
        assert!(text.contains(expected), "{expected} in:\n{text}");
    }
    // Every step was taken at once: each is early or on time, none late.
    assert!(
        text.contains("Trước hạn") || text.contains("Đúng hạn"),
        "{text}"
    );
    assert!(!text.contains("Quá hạn"), "{text}");
    support::pdf::keep("slip-06", &slip.bytes);
}

#[tokio::test]
async fn a_step_taken_after_its_deadline_is_marked_late_and_the_open_one_names_its_holder() {
    let app = spawn_app().await;
    let code = filed(&app).await;
    let mut reception = signed_in(&app, RECEPTION).await;
    act(&app, &mut reception, &code, "accept", &[]).await;
    let later = app.clock().now() + chrono::TimeDelta::days(12);
    app.clock().set(later);
    let assignee = specialist_id(&app).await;
    act(
        &app,
        &mut reception,
        &code,
        "assign",
        &[("assignee", &assignee)],
    )
    .await;
    let slip = reception
        .get(&format!("/ho-so/{code}/phieu-kiem-soat.pdf"))
        .await;
    let text = flowing_text_of(&slip.bytes);
    assert!(text.contains("Quá hạn"), "{text}");
    // Still with the specialist: the last line's receiver is who holds it.
    assert!(
        text.contains(&format!(
            "Phân công xử lý → Đang xử lý Nguyễn Thị Tiếp Nhận {UNIT} Trần Văn Chuyên {COMMUNE}"
        )),
        "{text}"
    );
}
