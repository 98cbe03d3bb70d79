//! The demo province's one-stop units: the provincial Public Administrative
//! Service Centre, which receives the departments' dossiers, and one centre
//! per commune, ward and special zone (`server/seed/one_stop_units.json`);
//! and each agency's part of the symbol of the documents it issues itself.

use serde::Deserialize;
use sqlx::PgPool;

const DATA: &str = include_str!("../../seed/one_stop_units.json");

#[derive(Deserialize)]
struct Units {
    units: Vec<Unit>,
    /// Agency code → its document symbol ("STP").
    agency_symbols: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct Unit {
    key: String,
    name: String,
    name_en: Option<String>,
    /// The governing agency's code.
    governing: String,
    governing_heading: String,
    heading: Option<String>,
    symbol: String,
    address: Option<String>,
    phone: Option<String>,
    /// Codes of the agencies whose dossiers it receives.
    serves: Vec<String>,
}

/// Loads the units and links the agencies they serve. Agencies already
/// linked keep their unit (an administrator may have changed it).
pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let Units {
        units,
        agency_symbols,
    } = serde_json::from_str::<Units>(DATA)?;
    let mut tx = pool.begin().await?;
    for (code, symbol) in agency_symbols {
        sqlx::query!(
            "UPDATE agencies SET document_symbol = $2 WHERE code = $1 AND document_symbol IS NULL",
            code,
            symbol,
        )
        .execute(&mut *tx)
        .await?;
    }
    for unit in units {
        let id = sqlx::query_scalar!(
            r#"INSERT INTO one_stop_units (key, name, name_en, governing_agency_id, governing_heading, heading, symbol, address, phone)
               SELECT $1, $2, $3, a.id, $5, $9, $6, $7, $8 FROM agencies a WHERE a.code = $4
               ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key
               RETURNING id"#,
            unit.key,
            unit.name,
            unit.name_en,
            unit.governing,
            unit.governing_heading,
            unit.symbol,
            unit.address,
            unit.phone,
            unit.heading,
        )
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no agency {} governs {}", unit.governing, unit.key))?;
        sqlx::query!(
            "UPDATE agencies SET one_stop_unit_id = $1 WHERE code = ANY($2) AND one_stop_unit_id IS NULL",
            id,
            &unit.serves,
        )
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_names_its_governing_authority_and_serves_some_agency() {
        let units = serde_json::from_str::<Units>(DATA).unwrap().units;
        assert!(units.len() > 1);
        for unit in units {
            assert!(unit.name.starts_with("Trung tâm Phục vụ hành chính công"));
            assert!(unit.governing_heading.starts_with("UBND "));
            assert!(!unit.serves.is_empty(), "{}", unit.key);
        }
    }
}
