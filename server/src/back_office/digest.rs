//! The morning digest: officials who ask for it get one mail on each working
//! day, after 07:00, listing the dossiers of theirs that are overdue or due
//! soon (reception and leaders: their agency's; specialists: those assigned
//! to them). Every instance checks every ten minutes; the day's row in
//! `digest_runs`, inserted in the transaction that queues the mail, lets
//! exactly one of them send it.

use app::access::Role;
use app::back_office::store::DueWindow;
use app::clock::Clock;
use app::deadlines;
use chrono::{DateTime, NaiveTime, Utc};
use sqlx::PgPool;
use std::time::Duration;

use crate::mail::outbox;
use crate::mail::templates::Message;

/// Not before the working day starts.
const SEND_FROM: NaiveTime = NaiveTime::from_hms_opt(7, 0, 0).unwrap();
/// At most this many dossiers are named in one mail; the inbox has the rest.
const LISTED: usize = 30;

pub fn spawn(pool: PgPool, clock: Clock, public_base_url: String, due_soon_days: u32) {
    tokio::spawn(async move {
        let mut every_ten_minutes = tokio::time::interval(Duration::from_secs(600));
        loop {
            every_ten_minutes.tick().await;
            if let Err(error) =
                send_if_due(&pool, &public_base_url, due_soon_days, clock.now()).await
            {
                tracing::warn!(%error, "could not send the daily digest");
            }
        }
    });
}

/// Queues today's digests if it is time and no instance has yet; returns
/// how many mails were queued.
pub async fn send_if_due(
    pool: &PgPool,
    public_base_url: &str,
    due_soon_days: u32,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let local = deadlines::vietnam_local(now);
    if local.time() < SEND_FROM {
        return Ok(0);
    }
    let calendar = deadlines::store::working_calendar(pool).await?;
    if !calendar.is_working_day(local.date()) {
        return Ok(0);
    }
    let window = DueWindow::at(&calendar, due_soon_days, local);
    let mut tx = pool.begin().await?;
    let claimed = sqlx::query_scalar!(
        "INSERT INTO digest_runs (day) VALUES ($1::date) ON CONFLICT DO NOTHING RETURNING day::text",
        local.date() as _,
    )
    .fetch_optional(&mut *tx)
    .await?;
    if claimed.is_none() {
        return Ok(0);
    }
    // Reception and leaders hear of every dossier at their agency's step
    // (its inbox: another agency's step of a liên thông dossier is that
    // agency's), specialists of those assigned to them.
    const WHOLE_AGENCY: &[Role] = &[Role::Reception, Role::Leader];
    let rows = sqlx::query!(
        r#"SELECT u.email AS "email!", u.full_name, d.code AS "code!",
                  to_char(d.due_at, 'HH24:MI DD/MM/YYYY') AS "due!",
                  d.due_at < $1::timestamp AS "overdue!"
           FROM users u
           JOIN dossiers d ON d.handling_agency_id = u.agency_id
           WHERE u.wants_daily_digest AND u.kind = 'official' AND u.disabled_at IS NULL
             AND d.status IN ('submitted', 'received', 'processing', 'awaiting_approval', 'result_ready')
             AND d.due_at <= $2::timestamp
             AND (EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ANY($3))
                  OR (d.assignee_id = u.id
                      AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $4)))
           ORDER BY u.id, d.due_at, d.id"#,
        window.now as _,
        window.soon as _,
        WHOLE_AGENCY as &[Role],
        Role::Specialist as Role,
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut sent = 0;
    // Rows come ordered by official: one mail per run of rows.
    for theirs in rows.chunk_by(|a, b| a.email == b.email) {
        let first = &theirs[0];
        let overdue = theirs.iter().filter(|row| row.overdue).count();
        let lines: Vec<String> = theirs
            .iter()
            .take(LISTED)
            .map(|row| {
                let mark = if row.overdue {
                    "QUÁ HẠN"
                } else {
                    "sắp đến hạn"
                };
                format!("- {} — hẹn trả {} ({mark})", row.code, row.due)
            })
            .collect();
        let more = match theirs.len().saturating_sub(LISTED) {
            0 => String::new(),
            more => format!("… và {more} hồ sơ khác.\n"),
        };
        let message = Message {
            subject: format!(
                "Hồ sơ cần chú ý hôm nay: {overdue} quá hạn, {} sắp đến hạn",
                theirs.len() - overdue
            ),
            body: format!(
                "Kính gửi {},\n\nCác hồ sơ bạn phụ trách đã quá hạn hoặc sắp đến hạn trả kết quả:\n\n{}\n{more}\nXem và xử lý tại:\n{public_base_url}/can-bo?hang=tat-ca&han=overdue\n\nBạn nhận thư này vì đã bật thư tổng hợp hằng ngày trong trang tài khoản.\nCổng dịch vụ công Một Cửa\nĐây là thư tự động, vui lòng không trả lời.\n",
                first.full_name,
                lines.join("\n"),
            ),
        };
        outbox::enqueue(&mut tx, &first.email, &message).await?;
        sent += 1;
    }
    tx.commit().await?;
    Ok(sent)
}
