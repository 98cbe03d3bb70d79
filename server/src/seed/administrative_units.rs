//! Vietnam's provinces and communes after 2025-07-01, converted from the
//! `vietnam-provinces` data set by `scripts/convert_administrative_units.py`.

use serde::Deserialize;
use sqlx::PgPool;

const DATA: &str = include_str!("../../seed/administrative_units.json");

#[derive(Deserialize)]
struct Units {
    provinces: Vec<Province>,
    communes: Vec<Commune>,
}

#[derive(Deserialize)]
struct Province {
    code: String,
    name: String,
    short_name: String,
    kind: String,
}

#[derive(Deserialize)]
struct Commune {
    code: String,
    name: String,
    kind: String,
    province_code: String,
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let units: Units = serde_json::from_str(DATA)?;
    let mut tx = pool.begin().await?;
    sqlx::query!(
        r#"
        INSERT INTO administrative_units (code, name, short_name, kind, level)
        SELECT code, name, short_name, kind, 'province'
        FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, short_name, kind)
        ON CONFLICT (code) DO NOTHING
        "#,
        &column(&units.provinces, |p| &p.code),
        &column(&units.provinces, |p| &p.name),
        &column(&units.provinces, |p| &p.short_name),
        &column(&units.provinces, |p| &p.kind),
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query!(
        r#"
        INSERT INTO administrative_units (code, name, kind, level, province_code)
        SELECT code, name, kind, 'commune', province_code
        FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[]) AS t(code, name, kind, province_code)
        ON CONFLICT (code) DO NOTHING
        "#,
        &column(&units.communes, |c| &c.code),
        &column(&units.communes, |c| &c.name),
        &column(&units.communes, |c| &c.kind),
        &column(&units.communes, |c| &c.province_code),
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

fn column<T>(rows: &[T], field: impl Fn(&T) -> &String) -> Vec<String> {
    rows.iter().map(|row| field(row).clone()).collect()
}
