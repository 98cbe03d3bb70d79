//! What the applicant is told when their dossier moves: a notification in
//! the portal (with an unread count) and the same words by mail, written
//! in the same transaction as the change so neither can be lost or sent
//! for a change that did not happen.

use crate::mail::outbox;
use crate::mail::templates::Message;
use crate::state::AppState;
use app::dossiers::Action;
use sqlx::PgConnection;

pub async fn tell_applicant(
    state: &AppState,
    tx: &mut PgConnection,
    dossier_id: i64,
    action: Action,
    note: Option<&str>,
) -> anyhow::Result<()> {
    let dossier = applicant_of(tx, dossier_id).await?;
    let code = &dossier.code;
    let procedure = &dossier.procedure;
    let due = dossier.due_on.clone().unwrap_or_default();
    let reason = note.unwrap_or_default();
    let (title, body) = match action {
        Action::Accept => (
            format!("Hồ sơ {code} đã được tiếp nhận"),
            format!("Hồ sơ “{procedure}” đã được bộ phận một cửa tiếp nhận. Ngày hẹn trả kết quả: {due}."),
        ),
        Action::RequestSupplement => (
            format!("Hồ sơ {code} cần bổ sung"),
            format!("Hồ sơ “{procedure}” cần bổ sung, hoàn thiện: {reason}\nThời hạn giải quyết tạm dừng cho đến khi bạn gửi bổ sung."),
        ),
        Action::Refuse => (
            format!("Hồ sơ {code} bị từ chối tiếp nhận"),
            format!("Hồ sơ “{procedure}” bị từ chối tiếp nhận. Lý do: {reason}"),
        ),
        Action::Approve => (
            format!("Hồ sơ {code} đã có kết quả"),
            format!("Hồ sơ “{procedure}” đã có kết quả giải quyết. Bộ phận một cửa sẽ trả kết quả cho bạn."),
        ),
        Action::Return => (
            format!("Đã trả kết quả hồ sơ {code}"),
            format!(
                "Kết quả giải quyết hồ sơ “{procedure}” đã được trả. Bạn có thể tải kết quả tại trang hồ sơ.\nMời bạn đánh giá mức độ hài lòng: {}/ho-so/{code}#rating",
                state.config.public_base_url
            ),
        ),
        Action::Extend => (
            format!("Xin lỗi: hồ sơ {code} được hẹn lại ngày trả kết quả"),
            format!("Hồ sơ “{procedure}” không thể trả kết quả đúng hẹn. Lý do: {reason}\nChúng tôi xin lỗi vì sự chậm trễ này. Ngày hẹn trả kết quả mới: {due}. Văn bản xin lỗi có trong trang hồ sơ."),
        ),
        Action::Stop => (
            format!("Dừng giải quyết hồ sơ {code}"),
            format!("Hồ sơ “{procedure}” đã dừng giải quyết. Lý do: {reason}"),
        ),
        // The dossier goes back to the officer who asked for the supplement.
        Action::Supplement => return tell_officer_who_asked(tx, dossier_id, code).await,
        // The applicant did this themself; officials see these in the inbox.
        Action::Withdraw
        | Action::Assign
        | Action::Propose
        | Action::SendBack => return Ok(()),
    };
    deliver(state, tx, &dossier, dossier_id, title, body).await
}

/// Whom a dossier's notices go to, and what they are written about.
pub struct Applicant {
    pub code: String,
    pub applicant_id: i64,
    pub full_name: String,
    pub email: Option<String>,
    pub procedure: String,
    pub due_on: Option<String>,
}

pub async fn applicant_of(tx: &mut PgConnection, dossier_id: i64) -> anyhow::Result<Applicant> {
    Ok(sqlx::query_as!(
        Applicant,
        r#"SELECT d.code AS "code!", d.applicant_id, u.full_name, u.email, v.name AS procedure,
                  to_char(d.due_at, 'DD/MM/YYYY') AS due_on
           FROM dossiers d JOIN users u ON u.id = d.applicant_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id WHERE d.id = $1"#,
        dossier_id
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// The notice in the portal, and the same words by mail when the applicant
/// has an address.
pub async fn deliver(
    state: &AppState,
    tx: &mut PgConnection,
    dossier: &Applicant,
    dossier_id: i64,
    title: String,
    body: String,
) -> anyhow::Result<()> {
    let link = format!("/ho-so/{}", dossier.code);
    sqlx::query!(
        "INSERT INTO notifications (user_id, dossier_id, title, body, link) VALUES ($1, $2, $3, $4, $5)",
        dossier.applicant_id,
        dossier_id,
        title,
        body,
        link,
    )
    .execute(&mut *tx)
    .await?;
    let message = Message {
        subject: title,
        body: format!(
            "Kính gửi {},\n\n{body}\n\nTheo dõi hồ sơ tại:\n{}{link}\n\nCổng dịch vụ công Một Cửa\nĐây là thư tự động, vui lòng không trả lời.\n",
            dossier.full_name, state.config.public_base_url
        ),
    };
    // A walk-in applicant recorded without an email is told in the portal
    // and at the counter only.
    if let Some(email) = &dossier.email {
        outbox::enqueue(tx, email, &message).await?;
    }
    Ok(())
}

/// "Hồ sơ … đã được bổ sung", in the portal, for the officer who asked.
async fn tell_officer_who_asked(
    tx: &mut PgConnection,
    dossier_id: i64,
    code: &str,
) -> anyhow::Result<()> {
    sqlx::query!(
        "INSERT INTO notifications (user_id, dossier_id, title, body, link)
         SELECT supplement_requested_by, id, $2, $3, $4 FROM dossiers
         WHERE id = $1 AND supplement_requested_by IS NOT NULL",
        dossier_id,
        format!("Hồ sơ {code} đã được bổ sung"),
        "Công dân đã gửi bổ sung theo yêu cầu của bạn; hồ sơ trở lại bước trước khi yêu cầu.",
        format!("/can-bo/ho-so/{code}"),
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}
