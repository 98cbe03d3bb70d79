//! Who issues a dossier's slips and the numbers they carry.
//!
//! Slips 01, 02, 03 and 05 are issued by the one-stop unit that receives
//! the dossier's agency (its Trung tâm Phục vụ hành chính công), under its
//! governing authority; slip 04 by the processing agency itself. An agency
//! without a one-stop unit issues its own. Each issuer keeps one register
//! per form and year: a slip's number is its place in that register,
//! taken in the transaction that issues the slip, so numbers have no gaps
//! and no duplicates ("Số: 07/TNHS-TTPVHCC"). A result is numbered in
//! the deciding agency's register of results when the leader approves it.

use crate::documents::letterhead::Issuer;
use app::dossiers::notice_slips::NoticeKind;
use chrono::{DateTime, Datelike, Utc};
use sqlx::PgConnection;

/// The numbered forms of Circular 03/2025 and their symbols. The Decree
/// 30/2020 list of abbreviations has "TB" for a notice; the others are
/// ours (the head of the issuing body sets them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// 01: giấy tiếp nhận hồ sơ và hẹn trả kết quả.
    Receipt,
    /// 02: phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.
    Supplement,
    /// 03: phiếu từ chối tiếp nhận giải quyết hồ sơ.
    Refusal,
    /// 04: văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết.
    Apology,
    /// 05: thông báo dừng giải quyết hồ sơ.
    Stop,
    /// The result the deciding agency issues from the portal's template.
    Result,
}

impl Form {
    /// The form of a notice (slips 02–05).
    pub fn of_notice(kind: NoticeKind) -> Form {
        match kind {
            NoticeKind::Supplement => Form::Supplement,
            NoticeKind::Refusal => Form::Refusal,
            NoticeKind::Apology => Form::Apology,
            NoticeKind::Stop => Form::Stop,
        }
    }

    pub fn number(self) -> &'static str {
        match self {
            Form::Receipt => "01",
            Form::Supplement => "02",
            Form::Refusal => "03",
            Form::Apology => "04",
            Form::Stop => "05",
            Form::Result => "KQ",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Form::Receipt => "TNHS",
            Form::Supplement => "BSHS",
            Form::Refusal => "TCHS",
            Form::Apology => "XLHS",
            Form::Stop => "TB",
            Form::Result => "KQ",
        }
    }
}

/// A body that issues slips: a one-stop unit or an agency, with what its
/// heading prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuingBody {
    pub unit_id: Option<i64>,
    pub agency_id: Option<i64>,
    /// The governing authority's line of the heading, if any.
    pub governing: Option<String>,
    pub name: String,
    /// The body's own lines of the heading; `None`: its name.
    pub heading: Option<String>,
    /// Its part of a document's symbol, if it has one.
    pub symbol: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    /// Its credential's name in the signing folder (documents/signing):
    /// `unit-<key>` or `agency-<code>`.
    pub signing_name: String,
}

impl IssuingBody {
    pub fn issuer(&self) -> Issuer<'_> {
        Issuer {
            governing: self.governing.as_deref(),
            name: self.heading.as_deref().unwrap_or(&self.name),
        }
    }

    /// "07/TNHS-TTPVHCC": the number (two digits at least, Decree 30/2020),
    /// the form's symbol and the issuer's.
    pub fn reference(&self, form: Form, number: i32) -> String {
        match &self.symbol {
            Some(symbol) => format!("{number:02}/{}-{symbol}", form.symbol()),
            None => format!("{number:02}/{}", form.symbol()),
        }
    }
}

/// The one-stop unit that receives `agency_id`'s dossiers, or the agency
/// itself when it has none.
pub async fn one_stop_body(conn: &mut PgConnection, agency_id: i64) -> sqlx::Result<IssuingBody> {
    let row = sqlx::query!(
        r#"SELECT u.id AS "unit_id?", u.key AS "unit_key?", u.governing_heading AS "unit_governing?", u.name AS "unit_name?", u.heading AS unit_heading,
                  u.symbol AS "unit_symbol?", u.address AS unit_address, u.phone AS unit_phone
           FROM agencies a LEFT JOIN one_stop_units u ON u.id = a.one_stop_unit_id
           WHERE a.id = $1"#,
        agency_id
    )
    .fetch_one(&mut *conn)
    .await?;
    match (row.unit_id, row.unit_name) {
        (Some(unit_id), Some(name)) => Ok(IssuingBody {
            signing_name: format!("unit-{}", row.unit_key.unwrap_or_default()),
            unit_id: Some(unit_id),
            agency_id: None,
            governing: row.unit_governing,
            name,
            heading: row.unit_heading,
            symbol: row.unit_symbol,
            address: row.unit_address,
            phone: row.unit_phone,
        }),
        _ => agency_body(conn, agency_id).await,
    }
}

/// The agency itself: a department or unit under its parent; a People's
/// Committee (province, commune) is its own authority and prints no line
/// above its name.
pub async fn agency_body(conn: &mut PgConnection, agency_id: i64) -> sqlx::Result<IssuingBody> {
    let row = sqlx::query!(
        r#"SELECT a.name, a.code, a.kind, a.document_symbol, a.address, a.phone, p.name AS "parent?"
           FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id
           WHERE a.id = $1"#,
        agency_id
    )
    .fetch_one(&mut *conn)
    .await?;
    let governed = matches!(row.kind.as_str(), "department" | "unit");
    Ok(IssuingBody {
        signing_name: format!("agency-{}", row.code),
        unit_id: None,
        agency_id: Some(agency_id),
        governing: row
            .parent
            .filter(|_| governed)
            .map(|parent| abbreviated(&parent)),
        name: row.name,
        heading: None,
        symbol: row.document_symbol,
        address: row.address,
        phone: row.phone,
    })
}

/// The next number of `body`'s register of `form` for the year of `at`
/// (Vietnam time). Call inside the issuing transaction: the register's row
/// stays locked until it commits, and a rollback gives the number back.
pub async fn next_number(
    conn: &mut PgConnection,
    body: &IssuingBody,
    form: Form,
    at: DateTime<Utc>,
) -> sqlx::Result<i32> {
    sqlx::query_scalar!(
        "INSERT INTO document_registers (unit_id, agency_id, form, year, last_number)
         VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (unit_id, agency_id, form, year)
         DO UPDATE SET last_number = document_registers.last_number + 1
         RETURNING last_number",
        body.unit_id,
        body.agency_id,
        form.number(),
        vietnam_year(at),
    )
    .fetch_one(&mut *conn)
    .await
}

/// A slip as issued: recorded once, never changed.
pub struct Issued<'a> {
    pub dossier_id: i64,
    pub history_id: i64,
    pub form: Form,
    pub body: &'a IssuingBody,
    pub number: i32,
    pub at: DateTime<Utc>,
    /// The file exactly as issued (none for slips issued before slips
    /// 02–05 were stored).
    pub pdf: Option<&'a [u8]>,
    /// The signer's name when the stored file is signed.
    pub signed_by: Option<&'a str>,
}

pub async fn record(conn: &mut PgConnection, issued: &Issued<'_>) -> sqlx::Result<()> {
    sqlx::query!(
        "INSERT INTO issued_documents (dossier_id, history_id, form, unit_id, agency_id, year, number, reference, issued_at, pdf, signed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        issued.dossier_id,
        issued.history_id,
        issued.form.number(),
        issued.body.unit_id,
        issued.body.agency_id,
        vietnam_year(issued.at),
        issued.number,
        issued.body.reference(issued.form, issued.number),
        issued.at as _,
        issued.pdf,
        issued.signed_by,
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The governing authority's name with its common abbreviation, as
/// Decree 30/2020 allows on that line: "Ủy ban nhân dân tỉnh Quảng Ninh"
/// → "UBND tỉnh Quảng Ninh".
fn abbreviated(name: &str) -> String {
    match name.strip_prefix("Ủy ban nhân dân ") {
        Some(rest) => format!("UBND {rest}"),
        None => name.to_string(),
    }
}

fn vietnam_year(at: DateTime<Utc>) -> i32 {
    app::deadlines::vietnam_local(at).year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(symbol: Option<&str>) -> IssuingBody {
        IssuingBody {
            unit_id: Some(1),
            agency_id: None,
            governing: Some("UBND TỈNH QUẢNG NINH".into()),
            name: "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh".into(),
            heading: None,
            symbol: symbol.map(Into::into),
            address: None,
            phone: None,
            signing_name: "unit-test".into(),
        }
    }

    #[test]
    fn numbers_below_ten_take_a_leading_zero_then_the_symbols() {
        let unit = body(Some("TTPVHCC"));
        assert_eq!(unit.reference(Form::Receipt, 7), "07/TNHS-TTPVHCC");
        assert_eq!(unit.reference(Form::Stop, 123), "123/TB-TTPVHCC");
        assert_eq!(body(None).reference(Form::Refusal, 1), "01/TCHS");
    }

    #[test]
    fn a_governing_peoples_committee_is_abbreviated_as_usual() {
        assert_eq!(
            abbreviated("Ủy ban nhân dân tỉnh Quảng Ninh"),
            "UBND tỉnh Quảng Ninh"
        );
        assert_eq!(abbreviated("Bộ Tư pháp"), "Bộ Tư pháp");
    }
}
