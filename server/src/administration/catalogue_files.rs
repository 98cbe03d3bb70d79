//! Catalogue files: the procedures with their versions in force written as
//! JSON or xlsx, and read back. The xlsx has three sheets — procedures,
//! documents, fees — each with a heading row; documents and fees name their
//! procedure by code. JSON carries everything, exemptions and workflow too;
//! the xlsx leaves those to the editor (an import keeps a known procedure's
//! own). Layout: `docs/catalogue-import.md`.

use app::administration::catalogue_exchange::{CatalogueFile, ProcedureRecord, FORMAT};
use app::administration::procedures::server_fns::store::fields;
use app::administration::procedures::{Channels, DocumentLine, FeeLine};
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use sqlx::PgPool;
use std::io::Cursor;

pub const PROCEDURES_SHEET: &str = "Thủ tục";
pub const DOCUMENTS_SHEET: &str = "Thành phần hồ sơ";
pub const FEES_SHEET: &str = "Phí, lệ phí";

const PROCEDURE_COLUMNS: [&str; 17] = [
    "Mã thủ tục",
    "Tên thủ tục",
    "Mã lĩnh vực",
    "Cấp thực hiện (province/commune)",
    "Mã cơ quan thực hiện",
    "Đơn vị thời hạn (working_days/working_hours/same_day)",
    "Thời hạn",
    "Giờ tiếp nhận muộn nhất",
    "Mức độ (full/partial)",
    "Kết quả thực hiện",
    "Yêu cầu, điều kiện",
    "Căn cứ pháp lý (mỗi văn bản một dòng)",
    "Mô tả",
    "Thời điểm nộp phí (submission/before_result)",
    "Không được ủy quyền nộp thay (x)",
    "Cách thức thực hiện (online, counter, post; trống: cả ba)",
    "Mã tờ khai điện tử (trống: giữ nguyên, hoặc mẫu dùng chung)",
];
const DOCUMENT_COLUMNS: [&str; 7] = [
    "Mã thủ tục",
    "Tên giấy tờ",
    "Bản chính",
    "Bản sao",
    "Bắt buộc (x)",
    "Ghi chú",
    "Chỉ khi nộp thay (x)",
];
const FEE_COLUMNS: [&str; 6] = [
    "Mã thủ tục",
    "Loại (phi/le_phi)",
    "Nội dung",
    "Mức thu (đồng)",
    "Thu khi nộp (x)",
    "Ghi chú",
];

/// A yes/no column's cell: `x` or empty.
fn tick(yes: bool) -> &'static str {
    if yes {
        "x"
    } else {
        ""
    }
}

/// Every procedure with a version in force, as records.
pub async fn records(pool: &PgPool) -> anyhow::Result<Vec<ProcedureRecord>> {
    let procedures = sqlx::query!(
        r#"SELECT p.code, c.id AS "version_id!"
           FROM procedures p JOIN current_procedure_versions c ON c.procedure_id = p.id
           ORDER BY p.code"#
    )
    .fetch_all(pool)
    .await?;
    let mut conn = pool.acquire().await?;
    let mut records = Vec::with_capacity(procedures.len());
    for procedure in procedures {
        let version = fields(&mut conn, procedure.version_id)
            .await
            .map_err(|error| anyhow::anyhow!("{error:?}"))?;
        records.push(ProcedureRecord {
            code: procedure.code,
            version,
        });
    }
    Ok(records)
}

pub fn to_json(records: Vec<ProcedureRecord>) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec_pretty(&CatalogueFile {
        format: FORMAT.to_string(),
        procedures: records,
    })
}

pub fn to_xlsx(records: &[ProcedureRecord]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let heading = Format::new().set_bold().set_text_wrap();
    let procedures = workbook.add_worksheet().set_name(PROCEDURES_SHEET)?;
    procedures.write_row_with_format(0, 0, PROCEDURE_COLUMNS, &heading)?;
    for (index, record) in records.iter().enumerate() {
        let row = index as u32 + 1;
        let version = &record.version;
        let texts = [
            record.code.as_str(),
            version.name.as_str(),
            version.sector.as_str(),
            version.level.as_str(),
            version.agency.as_str(),
            version.time_unit.as_str(),
        ];
        procedures.write_row(row, 0, texts)?;
        procedures.write_number(row, 6, version.time_value)?;
        let legal_basis = version.legal_basis.join("\n");
        let rest = [
            version.cutoff.as_str(),
            version.online_level.as_str(),
            version.result_type.as_str(),
            version.requirements.as_str(),
            legal_basis.as_str(),
            version.description.as_str(),
            version.payment_due.as_str(),
        ];
        procedures.write_row(row, 7, rest)?;
        procedures.write_string(row, 14, tick(version.representation_barred))?;
        procedures.write_string(row, 15, version.channels.0.join(", "))?;
        procedures.write_string(row, 16, &version.form)?;
    }
    procedures.set_freeze_panes(1, 0)?;
    let documents = workbook.add_worksheet().set_name(DOCUMENTS_SHEET)?;
    documents.write_row_with_format(0, 0, DOCUMENT_COLUMNS, &heading)?;
    let mut row = 1;
    for record in records {
        for document in &record.version.documents {
            documents.write_row(row, 0, [record.code.as_str(), document.name.as_str()])?;
            documents.write_number(row, 2, document.originals)?;
            documents.write_number(row, 3, document.copies)?;
            documents.write_string(row, 4, tick(document.mandatory))?;
            documents.write_string(row, 5, &document.note)?;
            documents.write_string(row, 6, tick(document.when_represented))?;
            row += 1;
        }
    }
    let fees = workbook.add_worksheet().set_name(FEES_SHEET)?;
    fees.write_row_with_format(0, 0, FEE_COLUMNS, &heading)?;
    let mut row = 1;
    for record in records {
        for fee in &record.version.fees {
            fees.write_row(
                row,
                0,
                [
                    record.code.as_str(),
                    fee.kind.as_str(),
                    fee.description.as_str(),
                ],
            )?;
            fees.write_number(row, 3, fee.amount_vnd as f64)?;
            fees.write_row(row, 4, [tick(fee.charged), fee.note.as_str()])?;
            row += 1;
        }
    }
    workbook.save_to_buffer()
}

/// Why a file could not be read at all (as opposed to a bad row).
#[derive(Debug)]
pub enum Unreadable {
    NotACatalogue,
    MissingSheet(&'static str),
    /// A document or fee row (its sheet and row number as the spreadsheet
    /// shows it) names a procedure code the procedures sheet does not
    /// have: taken silently, the row would be lost.
    UnknownCode {
        sheet: &'static str,
        row: usize,
        code: String,
    },
}

/// The records of an uploaded file, JSON or xlsx (told apart by content).
pub fn read(bytes: &[u8]) -> Result<Vec<ProcedureRecord>, Unreadable> {
    if bytes.starts_with(b"PK") {
        return read_xlsx(bytes);
    }
    let file: CatalogueFile =
        serde_json::from_slice(bytes).map_err(|_| Unreadable::NotACatalogue)?;
    if file.format != FORMAT {
        return Err(Unreadable::NotACatalogue);
    }
    Ok(file.procedures)
}

/// A cell as text: numbers without a needless ".0".
fn text(cell: Option<&Data>) -> String {
    match cell {
        Some(Data::Float(value)) if value.fract() == 0.0 => format!("{}", *value as i64),
        Some(Data::Empty) | None => String::new(),
        Some(cell) => cell.to_string().trim().to_string(),
    }
}

/// A cell as a whole number; -1 (refused by the checks) when it is not one.
fn number(cell: Option<&Data>) -> i64 {
    match cell {
        Some(Data::Float(value)) if value.fract() == 0.0 => *value as i64,
        Some(Data::Int(value)) => *value,
        cell => text(cell)
            .replace(['.', ',', ' '], "")
            .parse()
            .unwrap_or(-1),
    }
}

fn ticked(cell: Option<&Data>) -> bool {
    matches!(
        text(cell).to_lowercase().as_str(),
        "x" | "có" | "co" | "yes" | "true" | "1"
    )
}

/// The non-empty rows of a document or fee sheet, each with the index of
/// the procedure record its first cell names; a row naming no procedure of
/// the file refuses the file (as the spreadsheet numbers rows: the heading
/// is row 1).
fn owned_rows<'r>(
    sheet: &'r calamine::Range<Data>,
    name: &'static str,
    records: &[ProcedureRecord],
) -> Result<Vec<(usize, &'r [Data])>, Unreadable> {
    let mut owned = Vec::new();
    for (position, row) in sheet.rows().skip(1).enumerate() {
        if row.iter().all(|cell| matches!(cell, Data::Empty)) {
            continue;
        }
        let code = text(row.first());
        let index = records
            .iter()
            .position(|record| record.code == code)
            .ok_or(Unreadable::UnknownCode {
                sheet: name,
                row: position + 2,
                code,
            })?;
        owned.push((index, row));
    }
    Ok(owned)
}

fn read_xlsx(bytes: &[u8]) -> Result<Vec<ProcedureRecord>, Unreadable> {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|_| Unreadable::NotACatalogue)?;
    let mut sheet = |name: &'static str| {
        workbook
            .worksheet_range(name)
            .map_err(|_| Unreadable::MissingSheet(name))
    };
    let procedures = sheet(PROCEDURES_SHEET)?;
    let documents = sheet(DOCUMENTS_SHEET)?;
    let fees = sheet(FEES_SHEET)?;
    let mut records: Vec<ProcedureRecord> = Vec::new();
    for row in procedures.rows().skip(1) {
        let cell = |column: usize| text(row.get(column));
        if row.iter().all(|cell| matches!(cell, Data::Empty)) {
            continue;
        }
        let mut record = ProcedureRecord {
            code: cell(0),
            version: Default::default(),
        };
        let version = &mut record.version;
        version.name = cell(1);
        version.sector = cell(2);
        version.level = cell(3);
        version.agency = cell(4);
        version.time_unit = cell(5);
        version.time_value = i32::try_from(number(row.get(6))).unwrap_or(-1);
        version.cutoff = cell(7);
        version.online_level = cell(8);
        version.result_type = cell(9);
        version.requirements = cell(10);
        version.legal_basis = cell(11)
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(String::from)
            .collect();
        version.description = cell(12);
        version.payment_due = cell(13);
        version.representation_barred = ticked(row.get(14));
        let channels: Vec<String> = cell(15)
            .split([',', ';', ' '])
            .filter(|name| !name.is_empty())
            .map(String::from)
            .collect();
        if !channels.is_empty() {
            version.channels = Channels(channels);
        }
        version.form = cell(16);
        records.push(record);
    }
    for (index, row) in owned_rows(&documents, DOCUMENTS_SHEET, &records)? {
        records[index].version.documents.push(DocumentLine {
            name: text(row.get(1)),
            originals: i32::try_from(number(row.get(2))).unwrap_or(-1),
            copies: i32::try_from(number(row.get(3))).unwrap_or(-1),
            mandatory: ticked(row.get(4)),
            note: text(row.get(5)),
            when_represented: ticked(row.get(6)),
            template: None,
        });
    }
    for (index, row) in owned_rows(&fees, FEES_SHEET, &records)? {
        records[index].version.fees.push(FeeLine {
            kind: text(row.get(1)),
            description: text(row.get(2)),
            amount_vnd: number(row.get(3)),
            charged: ticked(row.get(4)),
            note: text(row.get(5)),
            ..FeeLine::default()
        });
    }
    Ok(records)
}
