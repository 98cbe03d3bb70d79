//! `motcua demo generate-catalogue`: the demo province with a catalogue the
//! size a province keeps (2,000 procedures by default), for scale tests and
//! `bench/`. The procedures are made up — each sector, both levels, a few
//! documents and a fee each — and go through the administrators' own
//! import: written as drafts by the demo administrator, published by the
//! second one (four eyes), exactly as a province's spreadsheet would.

use crate::administration::catalogue_import::{self, CatalogueUpload, Imported};
use app::administration::catalogue_exchange::ProcedureRecord;
use app::administration::procedures::{DocumentLine, FeeLine, VersionFields};
use app::clock::Clock;
use app::i18n::Lang;
use sqlx::PgPool;

/// Generated codes start here, well clear of the national ones seeded.
const FIRST_CODE: u32 = 900_000;

const SUBJECTS: [&str; 10] = [
    "giấy phép kinh doanh dịch vụ",
    "xác nhận thông tin",
    "chứng nhận đủ điều kiện",
    "đăng ký hoạt động",
    "cấp lại giấy chứng nhận",
    "điều chỉnh nội dung giấy phép",
    "gia hạn giấy phép",
    "thông báo thay đổi",
    "công nhận",
    "phê duyệt hồ sơ",
];
const FIELDS: [&str; 8] = [
    "lưu trú du lịch",
    "vận tải hành khách",
    "an toàn thực phẩm",
    "khai thác nước ngầm",
    "quảng cáo ngoài trời",
    "hoạt động giáo dục nghề nghiệp",
    "kinh doanh xăng dầu",
    "bảo vệ thực vật",
];

/// `count` made-up procedures over the given sectors.
pub fn records(count: u32, sectors: &[String], agencies: &[String]) -> Vec<ProcedureRecord> {
    (0..count)
        .map(|n| {
            let subject = SUBJECTS[n as usize % SUBJECTS.len()];
            let field = FIELDS[(n as usize / SUBJECTS.len()) % FIELDS.len()];
            let commune = n % 3 == 0;
            let days = [1, 3, 5, 7, 10, 15, 20][n as usize % 7];
            ProcedureRecord {
                code: format!("3.{:06}", FIRST_CODE + n),
                version: VersionFields {
                    name: format!("Thủ tục {subject} {field} số {}", n + 1),
                    sector: sectors[n as usize % sectors.len()].clone(),
                    level: if commune { "commune" } else { "province" }.into(),
                    agency: if commune {
                        String::new()
                    } else {
                        agencies[n as usize % agencies.len()].clone()
                    },
                    description: format!(
                        "Thủ tục mẫu để đo hiệu năng danh mục: {subject} trong lĩnh vực {field}."
                    ),
                    time_unit: "working_days".into(),
                    time_value: days,
                    online_level: if n % 4 == 0 { "partial" } else { "full" }.into(),
                    result_type: format!("Văn bản {subject}"),
                    legal_basis: vec![format!("Quyết định công bố thủ tục số {}/QĐ-UBND", n + 1)],
                    payment_due: "submission".into(),
                    documents: vec![
                        DocumentLine {
                            name: format!("Đơn đề nghị {subject}"),
                            originals: 1,
                            copies: 0,
                            mandatory: true,
                            ..DocumentLine::default()
                        },
                        DocumentLine {
                            name: "Giấy tờ chứng minh điều kiện".into(),
                            originals: 0,
                            copies: 1,
                            mandatory: n % 2 == 0,
                            ..DocumentLine::default()
                        },
                    ],
                    fees: vec![FeeLine {
                        kind: "le_phi".into(),
                        description: format!("Lệ phí {subject}"),
                        amount_vnd: i64::from(10 + n % 20) * 5_000,
                        charged: true,
                        ..FeeLine::default()
                    }],
                    ..VersionFields::default()
                },
            }
        })
        .collect()
}

/// Brings the catalogue up to `total` procedures; how many were added.
pub async fn generate(pool: &PgPool, total: u32, clock: &Clock) -> anyhow::Result<u32> {
    let existing: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "n!" FROM procedures"#)
        .fetch_one(pool)
        .await?;
    let count = total.saturating_sub(u32::try_from(existing)?);
    if count == 0 {
        return Ok(0);
    }
    let sectors = sqlx::query_scalar!("SELECT code FROM sectors ORDER BY id")
        .fetch_all(pool)
        .await?;
    let agencies =
        sqlx::query_scalar!("SELECT code FROM agencies WHERE kind = 'department' ORDER BY id")
            .fetch_all(pool)
            .await?;
    let admin = |email: &'static str| async move {
        sqlx::query_scalar!("SELECT id FROM users WHERE email = $1", email)
            .fetch_one(pool)
            .await
    };
    let author = admin("quantri@motcua.example").await?;
    let publisher = admin("kiemduyet@motcua.example").await?;
    let (today, now) = (clock.today_in_vietnam(), clock.now());
    let records = records(count, &sectors, &agencies);
    let import = match catalogue_import::import(
        pool,
        author,
        CatalogueUpload {
            file_name: "generated",
            records,
            sheets: false,
        },
        today,
        Lang::Vi,
        None,
    )
    .await?
    {
        Imported::Drafts(import) => import,
        Imported::Refused(import) => {
            anyhow::bail!("the generated catalogue was refused (import {import})")
        }
    };
    match catalogue_import::publish(pool, import, publisher, today, now, Lang::Vi, None).await? {
        Ok(_) => Ok(count),
        Err(_) => anyhow::bail!("the generated catalogue could not be published (import {import})"),
    }
}
