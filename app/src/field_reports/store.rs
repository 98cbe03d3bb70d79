//! Field report reads (server only). Every list goes through `cards`,
//! which selects nothing about the reporter: their identity is read in
//! one place only, `reporter`, for the coordinator.

use super::rules::{distance_metres, Point};
use super::{
    CategoryChoice, CategoryGroup, Choice, RefusalReason, ReportCard, ReportStatus, TimelineEntry,
    NEARBY_DAYS, NEARBY_METRES,
};
use crate::access::{permits, Permission, SignedInUser};
use crate::deadlines::vietnam_local;
use crate::error::AppResult;
use crate::i18n::Lang;
use chrono::{DateTime, TimeDelta, Utc};
use sqlx::PgPool;

/// The statuses the public board lists: accepted by the coordinator.
pub const ON_THE_BOARD: [&str; 4] = ["forwarded", "in_progress", "answered", "resolved"];

/// Whether a report's own page (and following it) is open to anyone: a
/// public report from the moment it is filed — so the next person at the
/// same place finds it and follows it instead of filing it again — until
/// it is refused or merged away.
pub fn shown_publicly(public: bool, status: &str) -> bool {
    public && !matches!(status, "refused" | "merged")
}

/// Whether someone sees a report's page: open to all, or theirs, or one
/// they follow.
pub fn may_see(public: bool, status: &str, is_reporter: bool, follows: bool) -> bool {
    shown_publicly(public, status) || is_reporter || follows
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    }
}

/// Categories in force, grouped under their first level, in order.
pub async fn category_groups(pool: &PgPool, lang: Lang) -> AppResult<Vec<CategoryGroup>> {
    let rows = sqlx::query!(
        r#"SELECT CASE WHEN $1 = 'en' THEN g.name_en ELSE g.name_vi END AS "group!",
                  c.code, CASE WHEN $1 = 'en' THEN c.name_en ELSE c.name_vi END AS "name!",
                  c.photo_required, c.place_required, c.public_by_default
           FROM report_categories c JOIN report_categories g ON g.id = c.parent_id
           WHERE c.archived_at IS NULL AND g.archived_at IS NULL
           ORDER BY g.position, g.id, c.position, c.id"#,
        lang_code(lang)
    )
    .fetch_all(pool)
    .await?;
    let mut groups: Vec<CategoryGroup> = Vec::new();
    for row in rows {
        let choice = CategoryChoice {
            code: row.code,
            name: row.name,
            photo_required: row.photo_required,
            place_required: row.place_required,
            public_by_default: row.public_by_default,
        };
        match groups.last_mut() {
            Some(group) if group.name == row.group => group.categories.push(choice),
            _ => groups.push(CategoryGroup {
                name: row.group,
                categories: vec![choice],
            }),
        }
    }
    Ok(groups)
}

/// The communes and wards of the portal's province (the 2025 units).
pub async fn communes(pool: &PgPool) -> AppResult<Vec<Choice>> {
    let mut rows = sqlx::query_as!(
        Choice,
        r#"SELECT u.code, u.name FROM administrative_units u
           WHERE u.province_code = (SELECT administrative_unit_code FROM agencies
                                    WHERE parent_id IS NULL ORDER BY id LIMIT 1)"#
    )
    .fetch_all(pool)
    .await?;
    crate::collation::sort_vietnamese(&mut rows, |row| &row.name);
    Ok(rows)
}

/// Which reports a list holds.
#[derive(Clone, Debug, Default)]
pub struct CardFilter {
    pub reporter: Option<i64>,
    /// Followed by this user, not filed by them.
    pub follower: Option<i64>,
    /// Public and accepted: the board.
    pub board: bool,
    pub commune: Option<String>,
    pub category: Option<String>,
    pub statuses: Option<Vec<String>>,
    pub agencies: Option<Vec<i64>>,
    pub codes: Option<Vec<String>>,
    /// The least time left first; else the newest first.
    pub by_due: bool,
    pub limit: i64,
    /// Shown to people who neither filed nor follow the reports: a photo
    /// only of an accepted public report (`photos_shown`).
    pub for_anyone: bool,
}

/// Reports as cards. Nothing about who reported is selected here.
pub async fn cards(
    pool: &PgPool,
    lang: Lang,
    filter: &CardFilter,
    now: DateTime<Utc>,
) -> AppResult<Vec<ReportCard>> {
    let rows = sqlx::query!(
        r#"SELECT r.id, r.code, CASE WHEN $1 = 'en' THEN c.name_en ELSE c.name_vi END AS "category!",
                  r.description, u.name AS "commune?", r.street, r.status, a.name AS "agency?",
                  r.received_at AS "received_at: DateTime<Utc>", r.due_at AS "due_at: DateTime<Utc>",
                  (SELECT count(*) FROM field_report_followers f WHERE f.report_id = r.id) AS "followers!",
                  (SELECT p.id FROM field_report_photos p WHERE p.report_id = r.id AND p.stage = 'before'
                     AND (NOT $13 OR (r.public AND r.status = ANY($5)))
                   ORDER BY p.position LIMIT 1) AS "photo?"
           FROM field_reports r JOIN report_categories c ON c.id = r.category_id
           LEFT JOIN administrative_units u ON u.code = r.commune_code
           LEFT JOIN agencies a ON a.id = r.agency_id
           WHERE ($2::bigint IS NULL OR r.reporter_id = $2)
             AND ($3::bigint IS NULL OR (r.reporter_id IS DISTINCT FROM $3 AND EXISTS (
                     SELECT 1 FROM field_report_followers f WHERE f.report_id = r.id AND f.user_id = $3)))
             AND (NOT $4 OR (r.public AND r.status = ANY($5)))
             AND ($6::text IS NULL OR r.commune_code = $6)
             AND ($7::text IS NULL OR c.code = $7)
             AND ($8::text[] IS NULL OR r.status = ANY($8))
             AND ($9::bigint[] IS NULL OR r.agency_id = ANY($9))
             AND ($10::text[] IS NULL OR r.code = ANY($10))
           ORDER BY CASE WHEN $11 THEN r.due_at END, r.id DESC
           LIMIT $12"#,
        lang_code(lang),
        filter.reporter,
        filter.follower,
        filter.board,
        &ON_THE_BOARD.map(String::from)[..],
        filter.commune,
        filter.category,
        filter.statuses.as_deref(),
        filter.agencies.as_deref(),
        filter.codes.as_deref(),
        filter.by_due,
        filter.limit.clamp(1, 500),
        filter.for_anyone,
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Received);
            ReportCard {
                code: row.code,
                category: row.category,
                description: row.description,
                commune: row.commune,
                street: row.street,
                status,
                agency: row.agency,
                received: vietnam_local(row.received_at),
                due: vietnam_local(row.due_at),
                overdue: status.is_open() && row.due_at < now,
                followers: row.followers,
                photo: row.photo,
                distance: None,
            }
        })
        .collect())
}

/// Where and what a new report is about, to find the same nearby.
pub struct Near<'a> {
    pub category: &'a str,
    pub commune: &'a str,
    pub street: &'a str,
    pub point: Option<Point>,
}

/// Open reports of the same category filed in the last `NEARBY_DAYS` days
/// within `NEARBY_METRES` of the point — or, for a place given without a
/// point, in the same commune on the same street — nearest first. Public
/// ones only, unless `officials` (the coordinator merging duplicates).
pub async fn nearby(
    pool: &PgPool,
    lang: Lang,
    near: &Near<'_>,
    officials: bool,
    now: DateTime<Utc>,
) -> AppResult<Vec<ReportCard>> {
    let since = now - TimeDelta::days(NEARBY_DAYS);
    let candidates = sqlx::query!(
        "SELECT r.code, r.latitude, r.longitude, r.commune_code, r.street
         FROM field_reports r JOIN report_categories c ON c.id = r.category_id
         WHERE c.code = $1 AND r.received_at >= $2 AND (r.public OR $3)
           AND r.status IN ('received', 'forwarded', 'in_progress', 'answered')
         ORDER BY r.id DESC LIMIT 200",
        near.category,
        since as _,
        officials
    )
    .fetch_all(pool)
    .await?;
    let street_key = crate::text::search_key(near.street);
    let mut distances: Vec<(String, Option<i64>)> = candidates
        .into_iter()
        .filter_map(|row| {
            let there = row
                .latitude
                .zip(row.longitude)
                .map(|(latitude, longitude)| Point {
                    latitude,
                    longitude,
                });
            match (near.point, there) {
                (Some(here), Some(there)) => {
                    let metres = distance_metres(here, there);
                    (metres <= NEARBY_METRES).then(|| (row.code, Some(metres.round() as i64)))
                }
                // Without two points: the same street of the same commune.
                _ => {
                    let same_commune = row.commune_code.as_deref() == Some(near.commune);
                    let same_street = !street_key.is_empty()
                        && row.street.as_deref().map(crate::text::search_key).as_ref()
                            == Some(&street_key);
                    (same_commune && same_street).then_some((row.code, None))
                }
            }
        })
        .collect();
    distances.sort_by_key(|(_, metres)| metres.unwrap_or(i64::MAX));
    distances.truncate(5);
    if distances.is_empty() {
        return Ok(Vec::new());
    }
    let filter = CardFilter {
        codes: Some(distances.iter().map(|(code, _)| code.clone()).collect()),
        limit: 5,
        for_anyone: !officials,
        ..CardFilter::default()
    };
    let mut found: Vec<ReportCard> = cards(pool, lang, &filter, now)
        .await?
        .into_iter()
        .map(|mut card| {
            card.distance = distances
                .iter()
                .find(|(code, _)| *code == card.code)
                .and_then(|(_, metres)| *metres);
            card
        })
        .collect();
    found.sort_by_key(|card| card.distance.unwrap_or(i64::MAX));
    Ok(found)
}

/// A report's history: all of it for officials, else what is visible.
pub async fn timeline(
    pool: &PgPool,
    lang: Lang,
    report_id: i64,
    officials: bool,
) -> AppResult<Vec<TimelineEntry>> {
    let rows = sqlx::query!(
        r#"SELECT e.at AS "at: DateTime<Utc>", e.kind,
                  CASE WHEN $3 = 'en' THEN coalesce(a.name_en, a.name) ELSE a.name END AS agency, e.note
           FROM field_report_events e LEFT JOIN agencies a ON a.id = e.agency_id
           WHERE e.report_id = $1 AND (e.visible OR $2)
           ORDER BY e.id"#,
        report_id,
        officials,
        lang_code(lang),
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| TimelineEntry {
            at: vietnam_local(row.at),
            kind: row.kind,
            agency: row.agency,
            note: row.note,
        })
        .collect())
}

/// A report's details beyond its card.
pub struct Details {
    pub id: i64,
    pub category_id: i64,
    pub category_code: String,
    pub assignee_name: Option<String>,
    pub reporter_id: Option<i64>,
    pub agency_id: Option<i64>,
    pub assignee_id: Option<i64>,
    pub public: bool,
    pub place_from_photo: bool,
    pub point: Option<Point>,
    pub commune_code: Option<String>,
    pub status: ReportStatus,
    pub answer: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    pub refusal: Option<(RefusalReason, String)>,
    pub merged_into: Option<String>,
    pub extension: Option<(DateTime<Utc>, String)>,
    pub channel: String,
}

pub async fn details(pool: &PgPool, code: &str) -> AppResult<Option<Details>> {
    let row = sqlx::query!(
        r#"SELECT r.id, r.category_id, r.reporter_id, r.agency_id, r.assignee_id, r.public,
                  r.place_from_photo, r.latitude, r.longitude, r.commune_code, r.status, r.answer,
                  r.published_at AS "published_at: DateTime<Utc>", r.refusal_reason, r.refusal_note,
                  m.code AS "merged_into?", r.extension_until AS "extension_until: DateTime<Utc>",
                  r.extension_reason, r.channel, c.code AS category_code, u.full_name AS "assignee_name?"
           FROM field_reports r JOIN report_categories c ON c.id = r.category_id
           LEFT JOIN field_reports m ON m.id = r.merged_into
           LEFT JOIN users u ON u.id = r.assignee_id
           WHERE r.code = $1"#,
        code
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| Details {
        id: row.id,
        category_id: row.category_id,
        category_code: row.category_code,
        assignee_name: row.assignee_name,
        reporter_id: row.reporter_id,
        agency_id: row.agency_id,
        assignee_id: row.assignee_id,
        public: row.public,
        place_from_photo: row.place_from_photo,
        point: row
            .latitude
            .zip(row.longitude)
            .map(|(latitude, longitude)| Point {
                latitude,
                longitude,
            }),
        commune_code: row.commune_code,
        status: ReportStatus::parse(&row.status).unwrap_or(ReportStatus::Received),
        answer: row.answer,
        published_at: row.published_at,
        refusal: row
            .refusal_reason
            .as_deref()
            .and_then(RefusalReason::parse)
            .map(|reason| (reason, row.refusal_note.unwrap_or_default())),
        merged_into: row.merged_into,
        extension: row
            .extension_until
            .map(|until| (until, row.extension_reason.unwrap_or_default())),
        channel: row.channel,
    }))
}

/// The photos of a report at one stage, in order (their ids).
pub async fn photos(pool: &PgPool, report_id: i64, stage: &str) -> AppResult<Vec<i64>> {
    Ok(sqlx::query_scalar!(
        "SELECT id FROM field_report_photos WHERE report_id = $1 AND stage = $2 ORDER BY position",
        report_id,
        stage
    )
    .fetch_all(pool)
    .await?)
}

pub async fn follows(pool: &PgPool, report_id: i64, user_id: i64) -> AppResult<bool> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM field_report_followers WHERE report_id = $1 AND user_id = $2) AS "x!""#,
        report_id,
        user_id
    )
    .fetch_one(pool)
    .await?)
}

pub async fn rating_of(pool: &PgPool, report_id: i64, user_id: i64) -> AppResult<Option<i16>> {
    Ok(sqlx::query_scalar!(
        "SELECT stars FROM field_report_ratings WHERE report_id = $1 AND user_id = $2",
        report_id,
        user_id
    )
    .fetch_optional(pool)
    .await?)
}

pub async fn average_rating(pool: &PgPool, report_id: i64) -> AppResult<Option<f64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT avg(stars)::float8 AS "avg" FROM field_report_ratings WHERE report_id = $1"#,
        report_id
    )
    .fetch_one(pool)
    .await?)
}

/// Who reported, for the coordinator only: never call it for a page an
/// agency's staff sees.
pub async fn reporter(pool: &PgPool, report_id: i64) -> AppResult<Option<super::Reporter>> {
    let row = sqlx::query!(
        r#"SELECT coalesce(u.full_name, r.caller_name) AS "name!", u.email,
                  coalesce(u.phone, r.caller_phone) AS phone
           FROM field_reports r LEFT JOIN users u ON u.id = r.reporter_id WHERE r.id = $1"#,
        report_id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|row| super::Reporter {
        name: row.name,
        email: row.email,
        phone: row.phone,
    }))
}

/// The province's reopening window, in days (`/quan-tri/cai-dat`).
pub async fn reopen_days<'c>(executor: impl sqlx::PgExecutor<'c>) -> AppResult<i32> {
    Ok(
        crate::administration::settings::server_fns::store::field_report_settings(executor)
            .await?
            .report_reopen_days,
    )
}

/// The agencies whose field reports `user` handles.
pub fn handling_agencies(user: &SignedInUser) -> Vec<i64> {
    let mut agencies: Vec<i64> = user
        .roles
        .iter()
        .flat_map(|grant| grant.agency_ids.iter().copied())
        .filter(|&agency_id| permits(user, Permission::HandleFieldReportsOf { agency_id }))
        .collect();
    agencies.sort_unstable();
    agencies.dedup();
    agencies
}

/// Whether `user` is of the staff of the agency a report is with now: it
/// was forwarded to their agency and not sent back to the coordinator.
pub fn with_their_agency(
    user: &SignedInUser,
    agency_id: Option<i64>,
    status: ReportStatus,
) -> bool {
    status != ReportStatus::Received
        && agency_id
            .is_some_and(|agency_id| permits(user, Permission::HandleFieldReportsOf { agency_id }))
}

/// Agencies a report may be forwarded to (not merged away), by name.
pub async fn agencies(pool: &PgPool) -> AppResult<Vec<(i64, Choice)>> {
    let mut rows: Vec<(i64, Choice)> = sqlx::query!(
        "SELECT id, code, name FROM agencies WHERE merged_into IS NULL AND kind <> 'province'"
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| {
        (
            row.id,
            Choice {
                code: row.code,
                name: row.name,
            },
        )
    })
    .collect();
    crate::collation::sort_vietnamese(&mut rows, |(_, choice)| &choice.name);
    Ok(rows)
}

/// The agency a report goes to unless the coordinator chooses another:
/// the category's agency, or the People's Committee of its commune.
pub async fn default_agency(
    pool: &PgPool,
    category_id: i64,
    commune_code: Option<&str>,
) -> AppResult<Option<i64>> {
    Ok(sqlx::query_scalar!(
        r#"SELECT CASE WHEN c.handler = 'agency' THEN c.agency_id
                       ELSE (SELECT a.id FROM agencies a WHERE a.kind = 'commune'
                             AND a.administrative_unit_code = $2 AND a.merged_into IS NULL
                             ORDER BY a.id LIMIT 1) END AS "agency"
           FROM report_categories c WHERE c.id = $1"#,
        category_id,
        commune_code
    )
    .fetch_optional(pool)
    .await?
    .flatten())
}

/// Officials of `agency_id` who may be given a report.
pub async fn officials_of<'c>(
    executor: impl sqlx::PgExecutor<'c>,
    agency_id: i64,
) -> AppResult<Vec<(i64, String)>> {
    Ok(sqlx::query!(
        "SELECT DISTINCT u.id, u.full_name FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE u.agency_id = $1 AND u.disabled_at IS NULL
           AND r.role IN ('reception', 'specialist', 'leader')
         ORDER BY u.full_name",
        agency_id
    )
    .fetch_all(executor)
    .await?
    .into_iter()
    .map(|row| (row.id, row.full_name))
    .collect())
}

/// Who may see a report's photos besides the officials handling it: its
/// reporter and followers (`involved`), and everyone once the coordinator
/// accepted a public report. Photos of the work only once the answer is
/// published.
pub fn photos_shown(stage: &str, status: &str, public: bool, involved: bool) -> bool {
    let stage_shown = stage == "before" || status == "resolved";
    stage_shown && (involved || (public && ON_THE_BOARD.contains(&status)))
}

/// A report as its page shows it, to `user` (the public page answers as
/// missing when they may not see it).
pub async fn view(
    pool: &PgPool,
    lang: Lang,
    code: &str,
    user: Option<&SignedInUser>,
    now: DateTime<Utc>,
) -> AppResult<Option<super::ReportView>> {
    match details(pool, code).await? {
        Some(details) => view_of(pool, lang, &details, code, user, now, false).await,
        None => Ok(None),
    }
}

/// The view of a report already read. `officials`: for the handling page
/// (every report it is given, the whole history, every photo).
async fn view_of(
    pool: &PgPool,
    lang: Lang,
    details: &Details,
    code: &str,
    user: Option<&SignedInUser>,
    now: DateTime<Utc>,
    officials: bool,
) -> AppResult<Option<super::ReportView>> {
    let filter = CardFilter {
        codes: Some(vec![code.to_string()]),
        limit: 1,
        ..CardFilter::default()
    };
    let Some(card) = cards(pool, lang, &filter, now).await?.into_iter().next() else {
        return Ok(None);
    };
    let user_id = user.map(|user| user.id);
    let is_reporter = user_id.is_some() && details.reporter_id == user_id;
    let follows = match user_id {
        Some(id) => follows(pool, details.id, id).await?,
        None => false,
    };
    let status = details.status.as_str();
    if !(officials || may_see(details.public, status, is_reporter, follows)) {
        return Ok(None);
    }
    let involved = officials || is_reporter || follows;
    let photos_at = |stage: &'static str| async move {
        if officials || photos_shown(stage, status, details.public, involved) {
            photos(pool, details.id, stage).await
        } else {
            Ok(Vec::new())
        }
    };
    let published = details.status == ReportStatus::Resolved;
    let reopen_until = match (is_reporter, published, details.published_at) {
        (true, true, Some(at)) => {
            let until = super::rules::reopen_until(vietnam_local(at), reopen_days(pool).await?);
            (vietnam_local(now) <= until).then_some(until)
        }
        _ => None,
    };
    let rating = match user_id {
        Some(id) => rating_of(pool, details.id, id).await?,
        None => None,
    };
    Ok(Some(super::ReportView {
        card,
        latitude: details.point.map(|p| p.latitude),
        longitude: details.point.map(|p| p.longitude),
        place_from_photo: details.place_from_photo,
        public: details.public,
        before_photos: photos_at("before").await?,
        answer: details.answer.clone().filter(|_| published || officials),
        after_photos: photos_at("after").await?,
        refusal: details.refusal.clone(),
        merged_into: details.merged_into.clone(),
        timeline: timeline(pool, lang, details.id, officials).await?,
        visitor: super::ReportVisitor {
            signed_in: user.is_some(),
            is_reporter,
            follows,
            rating,
            may_rate: published && (is_reporter || follows),
            reopen_until,
        },
        average_rating: average_rating(pool, details.id).await?,
    }))
}

/// A report for the officials handling it: the coordinator (every one,
/// with the reporter's identity) or the staff of the agency it is with
/// (without).
pub async fn to_handle(
    pool: &PgPool,
    lang: Lang,
    code: &str,
    user: &SignedInUser,
    now: DateTime<Utc>,
) -> AppResult<Option<super::ReportToHandle>> {
    let Some(details) = details(pool, code).await? else {
        return Ok(None);
    };
    let coordinator = permits(user, Permission::CoordinateFieldReports);
    let agency_staff = with_their_agency(user, details.agency_id, details.status);
    if !coordinator && !agency_staff {
        return Ok(None);
    }
    let Some(view) = view_of(pool, lang, &details, code, Some(user), now, true).await? else {
        return Ok(None);
    };
    let received = details.status == ReportStatus::Received;
    // What only the coordinator's steps need, read only for them.
    let (reporter, agencies, default_agency, merge_into) = if coordinator {
        let all = agencies(pool).await?;
        let default_id = match details.agency_id {
            Some(id) => Some(id),
            None => {
                default_agency(pool, details.category_id, details.commune_code.as_deref()).await?
            }
        };
        let default_code = default_id.and_then(|id| {
            all.iter()
                .find(|(agency, _)| *agency == id)
                .map(|(_, choice)| choice.code.clone())
        });
        let merge_into = if received {
            let street = view.card.street.clone().unwrap_or_default();
            let commune = details.commune_code.clone().unwrap_or_default();
            let near = Near {
                category: &details.category_code,
                commune: &commune,
                street: &street,
                point: details.point,
            };
            nearby(pool, lang, &near, true, now)
                .await?
                .into_iter()
                .filter(|card| card.code != code)
                .collect()
        } else {
            Vec::new()
        };
        (
            reporter(pool, details.id).await?,
            all.into_iter().map(|(_, choice)| choice).collect(),
            default_code,
            merge_into,
        )
    } else {
        (None, Vec::new(), None, Vec::new())
    };
    let officials = match details.agency_id {
        Some(agency) if agency_staff => officials_of(pool, agency)
            .await?
            .into_iter()
            .map(|(id, name)| Choice {
                code: id.to_string(),
                name,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Some(super::ReportToHandle {
        extension: details
            .extension
            .clone()
            .map(|(until, reason)| (vietnam_local(until), reason)),
        channel: details.channel.clone(),
        agencies,
        default_agency,
        officials,
        assignee: details.assignee_name.clone(),
        merge_into,
        may_act_for_agency: agency_staff,
        coordinator,
        reporter,
        view,
    }))
}
