//! Report categories, stored: `create` writes a category and keeps the
//! change in `report_category_changes`, for the seed now and for the
//! administrators' pages next. The database checks the rest: two levels,
//! a handler and a time on the second level only, an agency exactly when
//! one agency handles it.

use serde::{Deserialize, Serialize};
use sqlx::PgConnection;

fn yes() -> bool {
    true
}

/// A category as the seed and the administrators write it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryData {
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
    /// The first-level category's code (none for a first-level one).
    #[serde(default)]
    pub parent: Option<String>,
    /// `commune` (the People's Committee of the place) or `agency`.
    #[serde(default)]
    pub handler: Option<String>,
    /// The handling agency's code, when `handler` is `agency`.
    #[serde(default)]
    pub agency: Option<String>,
    /// `immediate`, `working_hours` or `working_days`
    /// (`app::field_reports::sla::Sla`).
    #[serde(default)]
    pub sla_unit: Option<String>,
    #[serde(default)]
    pub sla_amount: Option<i32>,
    #[serde(default)]
    pub photo_required: bool,
    #[serde(default = "yes")]
    pub place_required: bool,
    #[serde(default = "yes")]
    pub public_by_default: bool,
    #[serde(default)]
    pub position: i32,
}

/// Creates `category` unless its code exists (then nothing: what an
/// administrator changed is kept), recording who made it (`None`: the
/// seed). Returns whether it was created.
pub async fn create(
    conn: &mut PgConnection,
    category: &CategoryData,
    by: Option<i64>,
) -> anyhow::Result<bool> {
    let created = sqlx::query_scalar!(
        "INSERT INTO report_categories (code, parent_id, name_vi, name_en, handler, agency_id,
             sla_unit, sla_amount, photo_required, place_required, public_by_default, position)
         VALUES ($1, (SELECT id FROM report_categories WHERE code = $2), $3, $4, $5,
                 (SELECT id FROM agencies WHERE code = $6), $7, $8, $9, $10, $11, $12)
         ON CONFLICT (code) DO NOTHING
         RETURNING id",
        category.code,
        category.parent,
        category.name_vi,
        category.name_en,
        category.handler,
        category.agency,
        category.sla_unit,
        category.sla_amount,
        category.photo_required,
        category.place_required,
        category.public_by_default,
        category.position,
    )
    .fetch_optional(&mut *conn)
    .await
    .map_err(|error| anyhow::anyhow!("report category {}: {error}", category.code))?;
    let Some(id) = created else {
        return Ok(false);
    };
    sqlx::query!(
        "INSERT INTO report_category_changes (category_id, changed_by, after) VALUES ($1, $2, $3)",
        id,
        by,
        serde_json::to_value(category)?
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}
