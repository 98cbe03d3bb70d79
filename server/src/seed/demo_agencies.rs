//! The demo province's agency tree: the provincial People's Committee, its
//! departments and a few communes, with their electronic agency codes.

use serde::Deserialize;
use sqlx::PgPool;
use std::collections::HashMap;

const DATA: &str = include_str!("../../seed/agencies.json");

#[derive(Deserialize)]
struct Agencies {
    agencies: Vec<Agency>,
}

#[derive(Deserialize)]
struct Agency {
    code: String,
    /// Names the department in `procedures.json` (e.g. `SO_TU_PHAP`).
    key: Option<String>,
    name: String,
    name_en: Option<String>,
    kind: String,
    parent: Option<String>,
    administrative_unit_code: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
}

fn agencies() -> anyhow::Result<Vec<Agency>> {
    Ok(serde_json::from_str::<Agencies>(DATA)?.agencies)
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let mut tx = pool.begin().await?;
    // Parents come before their children in the file.
    for agency in agencies()? {
        sqlx::query!(
            r#"
            INSERT INTO agencies (code, name, name_en, kind, parent_id, administrative_unit_code, address, phone, email)
            VALUES ($1, $2, $3, $4, (SELECT id FROM agencies WHERE code = $5), $6, $7, $8, $9)
            ON CONFLICT (code) DO NOTHING
            "#,
            agency.code,
            agency.name,
            agency.name_en,
            agency.kind,
            agency.parent,
            agency.administrative_unit_code,
            agency.address,
            agency.phone,
            agency.email,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Department key (as used in `procedures.json`) → agency code.
pub fn department_codes() -> anyhow::Result<HashMap<String, String>> {
    Ok(agencies()?
        .into_iter()
        .filter_map(|agency| Some((agency.key?, agency.code)))
        .collect())
}
