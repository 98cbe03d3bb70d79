//! Generated field reports for the demo (`MOTCUA_DEMO_REPORTS=N`, once,
//! on an empty table): N reports over the demo communes and every
//! category, in every state — with the coordinator, forwarded, being
//! handled, answered, resolved and rated, refused with a reason, merged —
//! so the public board, the queues and the operations view have something
//! to show. Due times come from each category's time on the working
//! calendar, as for a real report; what a report went through is written
//! in its history. Every choice is a hash of the report's number, so the
//! same database and moment give the same reports.
//!
//! Web reports come from the generated year's citizens when there are
//! any (`MOTCUA_DEMO_HISTORY`); otherwise, and for a share of them, the
//! hotline and the counter took them for a caller.

use crate::field_reports::filing::{insert, NewReport};
use crate::field_reports::Event;
use app::deadlines::store::working_calendar_in;
use app::deadlines::{vietnam_instant, vietnam_local, WorkingCalendar};
use app::field_reports::rules::due_soon;
use app::field_reports::sla::Sla;
use app::field_reports::ReportStatus;
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::{PgConnection, PgPool};
use std::collections::HashMap;

/// Held while reports are generated: two instances started together on
/// one database generate them once.
const LOCK: i64 = 0x6d6f_7463_7561_0721;

const STREETS: [&str; 10] = [
    "Đường Lê Thánh Tông",
    "Đường Hạ Long",
    "Phố Bến Đoan",
    "Đường Nguyễn Văn Cừ",
    "Đường Trần Hưng Đạo",
    "Chợ Hạ Long 1",
    "Đường 25 tháng 4",
    "Phố Cao Thắng",
    "Đường Trần Quốc Nghiễn",
    "Ngõ 12 phố Hải Phúc",
];
const FAMILY_NAMES: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE_NAMES: [&str; 4] = ["Văn", "Thị", "Minh", "Thu"];
const GIVEN_NAMES: [&str; 8] = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Nam"];
const ANSWERS: [&str; 4] = [
    "Đơn vị đã kiểm tra hiện trường và khắc phục xong.",
    "Đã giao tổ công tác xử lý; hiện trạng đã được khôi phục.",
    "Đã lập biên bản, yêu cầu tổ chức, cá nhân liên quan khắc phục và kiểm tra lại.",
    "Đã phối hợp với đơn vị quản lý hạ tầng sửa chữa xong.",
];
const REFUSALS: [(&str, &str); 3] = [
    (
        "spam",
        "Nội dung không phản ánh vấn đề cụ thể tại hiện trường.",
    ),
    (
        "complaint",
        "Đây là khiếu nại về quyết định hành chính; đề nghị gửi theo Luật Khiếu nại 2011.",
    ),
    ("out_of_scope", "Vị trí phản ánh không thuộc địa bàn tỉnh."),
];

/// A number in [0, 1) drawn from the report's number and a salt
/// (splitmix64), so a draw never depends on another.
fn unit(number: u32, salt: u64) -> f64 {
    let mut z = (u64::from(number) << 16 | salt).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    (z >> 11) as f64 / (1u64 << 53) as f64
}

fn pick<T: Copy>(items: &[T], number: u32, salt: u64) -> T {
    items[((unit(number, salt) * items.len() as f64) as usize).min(items.len() - 1)]
}

/// How far a report got: the shares of a month's reports in a province.
fn state_of(number: u32) -> &'static str {
    let draw = unit(number, 1);
    [
        (0.08, "received"),
        (0.20, "forwarded"),
        (0.40, "in_progress"),
        (0.48, "answered"),
        (0.85, "resolved"),
        (0.95, "refused"),
    ]
    .into_iter()
    .find(|(upto, _)| draw < *upto)
    .map_or("merged", |(_, state)| state)
}

struct Category {
    id: i64,
    name: String,
    agency_id: Option<i64>,
    sla: Sla,
    public: bool,
}

struct Commune {
    code: String,
    agency_id: i64,
}

/// Generates `count` reports up to `now` unless the portal has any.
/// Whether it generated them.
pub async fn generate(pool: &PgPool, count: u32, now: DateTime<Utc>) -> anyhow::Result<bool> {
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", LOCK)
        .execute(&mut *tx)
        .await?;
    let any = sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM field_reports) AS "any!""#)
        .fetch_one(&mut *tx)
        .await?;
    if any {
        return Ok(false);
    }
    let calendar = working_calendar_in(&mut tx).await?;
    let categories: Vec<Category> = sqlx::query!(
        "SELECT id, name_vi, handler, agency_id, sla_unit, sla_amount, public_by_default
         FROM report_categories WHERE parent_id IS NOT NULL AND archived_at IS NULL ORDER BY id"
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .filter_map(|row| {
        Some(Category {
            id: row.id,
            name: row.name_vi,
            agency_id: row
                .agency_id
                .filter(|_| row.handler.as_deref() == Some("agency")),
            sla: Sla::stored(row.sla_unit.as_deref()?, row.sla_amount)?,
            public: row.public_by_default,
        })
    })
    .collect();
    let communes: Vec<Commune> = sqlx::query!(
        r#"SELECT DISTINCT ON (administrative_unit_code) id, administrative_unit_code AS "code!"
           FROM agencies WHERE kind = 'commune' AND merged_into IS NULL
             AND administrative_unit_code IS NOT NULL
           ORDER BY administrative_unit_code, id"#
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|row| Commune {
        code: row.code,
        agency_id: row.id,
    })
    .collect();
    if categories.is_empty() || communes.is_empty() {
        anyhow::bail!("generated reports need the demo's report categories and communes");
    }
    let citizens: Vec<i64> = sqlx::query_scalar!(
        "SELECT id FROM users WHERE kind = 'citizen' AND password_hash IS NOT NULL
           AND email LIKE '%@gen.motcua.example' ORDER BY id LIMIT 500"
    )
    .fetch_all(&mut *tx)
    .await?;
    let coordinator = sqlx::query_scalar!(
        "SELECT min(u.id) FROM users u JOIN user_roles r ON r.user_id = u.id WHERE r.role = 'coordinator'"
    )
    .fetch_one(&mut *tx)
    .await?;
    let staff: HashMap<i64, i64> = sqlx::query!(
        r#"SELECT u.agency_id AS "agency!", min(u.id) AS "official!"
           FROM users u JOIN user_roles r ON r.user_id = u.id
           WHERE r.role = 'specialist' AND u.agency_id IS NOT NULL AND u.disabled_at IS NULL
           GROUP BY u.agency_id"#
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|row| (row.agency, row.official))
    .collect();
    let world = World {
        calendar,
        categories,
        communes,
        citizens,
        coordinator,
        staff,
        now,
    };
    let mut drafts: Vec<Draft> = (0..count).map(|number| world.draw(number)).collect();
    // Numbered in the order they came in, as filing numbers them.
    drafts.sort_by_key(|draft| draft.received_at);
    let mut first_of_category: HashMap<i64, i64> = HashMap::new();
    for draft in &drafts {
        let id = world.write(&mut tx, draft, &first_of_category).await?;
        first_of_category.entry(draft.category).or_insert(id);
    }
    tx.commit().await?;
    Ok(true)
}

struct World {
    calendar: WorkingCalendar,
    categories: Vec<Category>,
    communes: Vec<Commune>,
    citizens: Vec<i64>,
    coordinator: Option<i64>,
    staff: HashMap<i64, i64>,
    now: DateTime<Utc>,
}

/// One report's life, drawn before it is written.
struct Draft {
    number: u32,
    state: &'static str,
    category: i64,
    description: String,
    commune: String,
    street: &'static str,
    agency: i64,
    public: bool,
    reporter: Option<i64>,
    caller: Option<(String, String, &'static str)>,
    received_at: DateTime<Utc>,
    due_at: DateTime<Utc>,
    forwarded_at: DateTime<Utc>,
    answered_at: DateTime<Utc>,
    published_at: DateTime<Utc>,
}

impl World {
    fn draw(&self, number: u32) -> Draft {
        let state = state_of(number);
        let category = &self.categories[(unit(number, 2) * self.categories.len() as f64) as usize];
        let commune = &self.communes[(unit(number, 3) * self.communes.len() as f64) as usize];
        // Closed reports are older; open ones came in the last days, a
        // few of them already past their time.
        let open = ReportStatus::parse(state).is_some_and(ReportStatus::is_open);
        let age_hours = if open {
            2.0 + unit(number, 4) * 24.0 * 10.0
        } else {
            48.0 + unit(number, 4) * 24.0 * 58.0
        };
        let received_at = self.now - TimeDelta::minutes((age_hours * 60.0) as i64);
        let due_at = vietnam_instant(category.sla.due(&self.calendar, vietnam_local(received_at)));
        let between = |from: DateTime<Utc>, to: DateTime<Utc>, share: f64| {
            from + TimeDelta::seconds(((to - from).num_seconds() as f64 * share) as i64)
        };
        let forwarded_at = received_at + TimeDelta::minutes(15 + (unit(number, 5) * 180.0) as i64);
        // Most are answered in time, about one in six late.
        let answered_at = between(forwarded_at, due_at, 0.2 + unit(number, 6) * 0.95)
            .min(self.now - TimeDelta::hours(1))
            .max(forwarded_at);
        let published_at = (answered_at + TimeDelta::hours(1 + (unit(number, 7) * 20.0) as i64))
            .min(self.now - TimeDelta::minutes(30))
            .max(answered_at);
        let (reporter, caller) = if !self.citizens.is_empty() && unit(number, 8) < 0.75 {
            (Some(pick(&self.citizens, number, 9)), None)
        } else {
            let name = format!(
                "{} {} {}",
                pick(&FAMILY_NAMES, number, 10),
                pick(&MIDDLE_NAMES, number, 11),
                pick(&GIVEN_NAMES, number, 12)
            );
            let phone = format!("09{:08}", (unit(number, 13) * 1e8) as u64);
            let channel = if unit(number, 14) < 0.7 {
                "hotline"
            } else {
                "counter"
            };
            (None, Some((name, phone, channel)))
        };
        let street = pick(&STREETS, number, 15);
        Draft {
            number,
            state,
            category: category.id,
            description: format!(
                "{} tại {street}. Đề nghị cơ quan chức năng kiểm tra, xử lý.",
                category.name
            ),
            commune: commune.code.clone(),
            street,
            agency: category.agency_id.unwrap_or(commune.agency_id),
            public: category.public && unit(number, 16) < 0.9,
            reporter,
            caller,
            received_at,
            due_at,
            forwarded_at,
            answered_at,
            published_at,
        }
    }

    /// Writes `draft` with its code, follower, history and rating.
    async fn write(
        &self,
        conn: &mut PgConnection,
        draft: &Draft,
        first_of_category: &HashMap<i64, i64>,
    ) -> anyhow::Result<i64> {
        let number = draft.number;
        // A duplicate with no earlier report to merge into is refused.
        let master = first_of_category.get(&draft.category).copied();
        let state = match (draft.state, master) {
            ("merged", None) => "refused",
            (state, _) => state,
        };
        let handled = !matches!(state, "received" | "refused" | "merged");
        let agency = handled.then_some(draft.agency);
        let assignee = agency
            .filter(|_| matches!(state, "in_progress" | "answered" | "resolved"))
            .and_then(|agency| self.staff.get(&agency).copied());
        let answered = matches!(state, "answered" | "resolved");
        let refusal = (state == "refused").then(|| pick(&REFUSALS, number, 17));
        let open = ReportStatus::parse(state).is_some_and(ReportStatus::is_open);
        let now = self.now;
        let overdue = open && draft.due_at <= now;
        // The deadlines' watch would tell everyone at once of what the
        // generator made late: marked as already told.
        let warned = open
            && (overdue
                || due_soon(
                    vietnam_local(draft.received_at),
                    vietnam_local(draft.due_at),
                    vietnam_local(now),
                ));
        let channel = draft
            .caller
            .as_ref()
            .map_or("web", |(_, _, channel)| *channel);
        let filed_by = draft.reporter.or(self.coordinator);
        // Filed as any report is, then moved to where it got.
        let (id, _) = insert(
            &mut *conn,
            &NewReport {
                category_id: draft.category,
                reporter: draft.reporter,
                caller: draft
                    .caller
                    .as_ref()
                    .map(|(name, phone, _)| (name.as_str(), Some(phone.as_str()))),
                channel,
                filed_by,
                description: &draft.description,
                commune: Some(draft.commune.as_str()),
                street: Some(draft.street),
                point: None,
                from_photo: false,
                public: draft.public,
                received: draft.received_at,
                due: draft.due_at,
            },
        )
        .await?;
        sqlx::query!(
            "UPDATE field_reports SET status = $2, agency_id = $3, assignee_id = $4, warned_at = $5,
                 escalated_at = $6, merged_into = $7, refusal_reason = $8, refusal_note = $9,
                 answer = $10, answered_by = $11, answered_at = $12, published_at = $13
             WHERE id = $1",
            id,
            state,
            agency,
            assignee,
            warned.then_some(now) as _,
            overdue.then_some(now) as _,
            master.filter(|_| state == "merged"),
            refusal.map(|(reason, _)| reason),
            refusal.map(|(_, note)| note),
            answered.then(|| pick(&ANSWERS, number, 18)),
            assignee.filter(|_| answered),
            answered.then_some(draft.answered_at) as _,
            (state == "resolved").then_some(draft.published_at) as _,
        )
        .execute(&mut *conn)
        .await?;
        Event::new("filed", filed_by)
            .shown()
            .record(&mut *conn, id, draft.received_at)
            .await?;
        let coordinator = self.coordinator;
        match state {
            "refused" => {
                let (_, note) = refusal.unwrap_or(REFUSALS[0]);
                Event::new("refused", coordinator)
                    .noting(note)
                    .shown()
                    .record(&mut *conn, id, draft.forwarded_at)
                    .await?;
            }
            "merged" => {
                Event::new("merged", coordinator)
                    .shown()
                    .record(&mut *conn, id, draft.forwarded_at)
                    .await?;
            }
            _ => {}
        }
        if handled {
            Event::new("forwarded", coordinator)
                .at_agency(agency)
                .shown()
                .record(&mut *conn, id, draft.forwarded_at)
                .await?;
        }
        if let Some(official) = assignee {
            Event::new("assigned", Some(official))
                .at_agency(agency)
                .record(&mut *conn, id, draft.forwarded_at + TimeDelta::minutes(30))
                .await?;
        }
        if answered {
            Event::new("answered", assignee)
                .at_agency(agency)
                .record(&mut *conn, id, draft.answered_at)
                .await?;
        }
        if state == "resolved" {
            Event::new("published", coordinator)
                .shown()
                .record(&mut *conn, id, draft.published_at)
                .await?;
            // Six in ten reporters rate the result, most of them content.
            if let Some(reporter) = draft.reporter.filter(|_| unit(number, 19) < 0.6) {
                let stars = pick(&[5, 5, 5, 5, 4, 4, 4, 3, 3, 2, 1], number, 20);
                let rated_at = (draft.published_at + TimeDelta::hours(3)).min(now);
                sqlx::query!(
                    "INSERT INTO field_report_ratings (report_id, user_id, stars, rated_at)
                     VALUES ($1, $2, $3, $4)",
                    id,
                    reporter,
                    stars as i16,
                    rated_at as _
                )
                .execute(&mut *conn)
                .await?;
                Event::new("rated", Some(reporter))
                    .shown()
                    .record(&mut *conn, id, rated_at)
                    .await?;
            }
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::{state_of, unit, ReportStatus};

    #[test]
    fn draws_are_spread_over_the_unit_interval_and_repeatable() {
        let draws: Vec<f64> = (0..1000).map(|n| unit(n, 4)).collect();
        assert!(draws.iter().all(|d| (0.0..1.0).contains(d)));
        assert_eq!(draws, (0..1000).map(|n| unit(n, 4)).collect::<Vec<_>>());
        let low = draws.iter().filter(|d| **d < 0.5).count();
        assert!((400..600).contains(&low), "{low} of 1000 below a half");
    }

    #[test]
    fn two_hundred_reports_reach_every_state() {
        for state in ReportStatus::ALL.map(|status| status.as_str()) {
            assert!((0..200).any(|n| state_of(n) == state), "{state}");
        }
    }
}
