//! `GET /can-bo/so-theo-doi.pdf?tu=&den=&co-quan=`: register 07 of one
//! agency in the official's scope, for a period (by default this month up
//! to today): the dossiers its one-stop unit accepted then. The form on `/can-bo` sends it; a date it cannot read sends
//! the official back there with the message and what they typed.

use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::documents::register::{self, Register, RegisterLine};
use crate::dossiers::registers;
use crate::errors::{HandlerError, HandlerResult};
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::Permission;
use app::dossiers::DossierStatus;
use app::forms::NoticeTone;
use app::i18n::Lang;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use serde::Deserialize;
use tower_sessions::Session;

/// The longest period one register covers.
const MAX_DAYS: i64 = 366;

#[derive(Debug, Default, Deserialize)]
pub struct RegisterQuery {
    tu: Option<String>,
    den: Option<String>,
    #[serde(rename = "co-quan")]
    agency: Option<String>,
}

pub async fn register(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    signed_in: SignedIn,
    query: Result<Query<RegisterQuery>, QueryRejection>,
) -> HandlerResult {
    let lang = asker.lang;
    // A query serde cannot read (a field given twice) gets the same
    // bilingual page as every other bad request, not axum's plain text.
    let Ok(Query(query)) = query else {
        return Err(HandlerError::bad_request());
    };
    let user = signed_in.may(Permission::EnterBackOffice, lang)?;
    let today = state.clock.today_in_vietnam();
    let (from, to) = match period(&query, today) {
        Ok(period) => period,
        Err(message) => {
            feedback::notice(&session, NoticeTone::Error, message(lang)).await;
            return Ok(see_other(&back_to_form(&query)));
        }
    };
    let scope = user.back_office_agencies();
    let agency = sqlx::query!(
        "SELECT id, name FROM agencies WHERE id = ANY($1) AND ($2::text IS NULL OR code = $2)
         ORDER BY id = $3 DESC, code LIMIT 1",
        &scope,
        query.agency.as_deref().filter(|code| !code.is_empty()),
        user.agency_id.unwrap_or_default(),
    )
    .fetch_optional(&state.pool)
    .await?
    .ok_or_else(HandlerError::not_found)?;
    // Only what the one-stop unit accepted, by the moment it accepted it.
    let rows = sqlx::query!(
        r#"SELECT d.code AS "code!", v.name AS procedure, u.full_name, u.phone, d.status, d.result_delivery,
                  i.reference AS "receipt_number?", a.name AS agency_name, s.full_name AS "assignee?",
                  d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS "received!: NaiveDateTime",
                  coalesce(d.legal_due_at, d.due_at) AS "legal_due: NaiveDateTime",
                  d.due_at AS "due: NaiveDateTime",
                  (SELECT min(h.occurred_at) FROM dossier_history h
                   WHERE h.dossier_id = d.id AND h.action = 'assign') AT TIME ZONE 'Asia/Ho_Chi_Minh'
                      AS "transferred: NaiveDateTime",
                  d.resolved_at AT TIME ZONE 'Asia/Ho_Chi_Minh' AS "resolved: NaiveDateTime",
                  coalesce((d.result_issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh') > d.legal_due_at, false) AS "late!"
           FROM dossiers d
           JOIN agencies a ON a.id = d.agency_id
           JOIN procedure_versions v ON v.id = d.procedure_version_id
           JOIN users u ON u.id = d.applicant_id
           LEFT JOIN users s ON s.id = d.assignee_id
           LEFT JOIN issued_documents i ON i.dossier_id = d.id AND i.form = '01'
           WHERE d.agency_id = $1 AND d.received_at IS NOT NULL
             AND (d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date
           ORDER BY d.received_at, d.id"#,
        agency.id,
        from as _,
        to as _,
    )
    .fetch_all(&state.pool)
    .await?;
    let moment = |at: NaiveDateTime| at.format("%H:%M %d/%m/%Y").to_string();
    let lines: Vec<RegisterLine> = rows
        .into_iter()
        .map(|row| {
            let status = DossierStatus::parse(&row.status);
            let label = status.map(|s| s.label(Lang::Vi)).unwrap_or_default();
            let returned = match (status, row.resolved) {
                (Some(DossierStatus::Returned), Some(at)) => {
                    let how = match row.result_delivery.as_deref() {
                        Some("online") => "trực tuyến",
                        _ => "trực tiếp",
                    };
                    let late = if row.late { ", quá hạn" } else { "" };
                    format!("{}\n({how}{late})", moment(at))
                }
                (_, Some(at)) => format!("{label}\n{}", moment(at)),
                _ => format!("Chưa trả ({label})"),
            };
            let extended_due = match (row.due, row.legal_due) {
                (Some(due), Some(legal)) if due != legal => moment(due),
                _ => String::new(),
            };
            let transferred = match (row.transferred, &row.assignee) {
                (Some(at), Some(assignee)) => {
                    format!("{}\n{assignee}\n{}", row.agency_name, moment(at))
                }
                (Some(at), None) => format!("{}\n{}", row.agency_name, moment(at)),
                (None, _) => String::new(),
            };
            RegisterLine {
                code: row.code,
                receipt_number: row.receipt_number,
                applicant: match row.phone {
                    Some(phone) => format!("{}, {phone}", row.full_name),
                    None => row.full_name,
                },
                procedure: row.procedure,
                received: moment(row.received),
                legal_due: row.legal_due.map(moment).unwrap_or_default(),
                extended_due,
                transferred,
                returned,
            }
        })
        .collect();
    let day = |date: NaiveDate| date.format("%d/%m/%Y").to_string();
    let mut conn = state.pool.acquire().await?;
    let body = registers::one_stop_body(&mut conn, agency.id).await?;
    drop(conn);
    let document = Register {
        issuer: body.issuer(),
        agency_name: &agency.name,
        place: &state.config.place,
        issued_on: to,
        from: &day(from),
        to: &day(to),
        lines: &lines,
    };
    let bytes = register::render(&document)?;
    Ok(crate::documents::download::pdf_download(
        &format!(
            "so-theo-doi-{}-{}.pdf",
            from.format("%Y%m%d"),
            to.format("%Y%m%d")
        ),
        bytes,
    ))
}

type Message = fn(Lang) -> String;

/// The period asked for, or what is wrong with it.
fn period(query: &RegisterQuery, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), Message> {
    let typed = |text: &Option<String>| -> Result<Option<NaiveDate>, Message> {
        match text
            .as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty())
        {
            None => Ok(None),
            Some(text) => app::deadlines::parse_day(text)
                .map(Some)
                .ok_or(unreadable as Message),
        }
    };
    let from = typed(&query.tu)?.unwrap_or_else(|| today.with_day(1).unwrap_or(today));
    let to = typed(&query.den)?.unwrap_or(today);
    if from > to {
        return Err(reversed);
    }
    if (to - from).num_days() >= MAX_DAYS {
        return Err(too_long);
    }
    Ok((from, to))
}

fn unreadable(lang: Lang) -> String {
    match lang {
        Lang::Vi => {
            "Không đọc được ngày. Nhập ngày theo dạng ngày/tháng/năm, ví dụ 01/11/2026.".into()
        }
        Lang::En => {
            "That date cannot be read. Enter it as day/month/year, for example 01/11/2026.".into()
        }
    }
}

fn reversed(lang: Lang) -> String {
    match lang {
        Lang::Vi => "“Từ ngày” phải trước hoặc bằng “Đến ngày”.".into(),
        Lang::En => "“From” must be on or before “To”.".into(),
    }
}

fn too_long(lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Một sổ theo dõi bao gồm tối đa {MAX_DAYS} ngày."),
        Lang::En => format!("One register covers at most {MAX_DAYS} days."),
    }
}

/// `/can-bo` with the register form filled in as it was sent.
fn back_to_form(query: &RegisterQuery) -> String {
    let mut link = form_urlencoded::Serializer::new(String::from("/can-bo?"));
    link.append_pair("so-tu", query.tu.as_deref().unwrap_or_default());
    link.append_pair("so-den", query.den.as_deref().unwrap_or_default());
    if let Some(agency) = &query.agency {
        link.append_pair("co-quan", agency);
    }
    link.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from: &str, to: &str) -> RegisterQuery {
        RegisterQuery {
            tu: Some(from.into()),
            den: Some(to.into()),
            agency: None,
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn by_default_the_month_so_far() {
        let today = day(2026, 11, 22);
        assert_eq!(
            period(&RegisterQuery::default(), today).ok(),
            Some((day(2026, 11, 1), today))
        );
    }

    #[test]
    fn typed_and_date_input_days_are_read() {
        let today = day(2026, 11, 22);
        assert_eq!(
            period(&query("01/10/2026", "2026-10-31"), today).ok(),
            Some((day(2026, 10, 1), day(2026, 10, 31)))
        );
    }

    #[test]
    fn bad_periods_are_explained() {
        let today = day(2026, 11, 22);
        let message = |from, to| {
            period(&query(from, to), today)
                .map_err(|m| m(Lang::Vi))
                .unwrap_err()
        };
        assert!(message("31/02/2026", "").starts_with("Không đọc được ngày"));
        assert!(message("10/11/2026", "01/11/2026").contains("phải trước"));
        assert!(message("01/01/2025", "01/06/2026").contains("tối đa 366 ngày"));
    }
}
