//! Report categories, stored: `create` writes a category, `update`
//! changes one (read with `app::field_reports::categories::store::locked`
//! first), each keeping the change in
//! `report_category_changes`, for the seed and the administrators' page
//! (`category_admin.rs`). The database checks the rest: two levels,
//! a handler and a time on the second level only, an agency exactly when
//! one agency handles it.

pub use app::field_reports::categories::CategoryData;
use sqlx::PgConnection;

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

/// Writes `after` over category `id` (which was `before`), keeping the
/// change. Nothing changed, nothing kept.
pub async fn update(
    conn: &mut PgConnection,
    id: i64,
    before: &CategoryData,
    after: &CategoryData,
    by: i64,
) -> anyhow::Result<()> {
    if before == after {
        return Ok(());
    }
    sqlx::query!(
        "UPDATE report_categories SET name_vi = $2, name_en = $3,
             parent_id = (SELECT id FROM report_categories WHERE code = $4),
             handler = $5, agency_id = (SELECT id FROM agencies WHERE code = $6),
             sla_unit = $7, sla_amount = $8, photo_required = $9, place_required = $10,
             public_by_default = $11, position = $12,
             archived_at = CASE WHEN $13 THEN coalesce(archived_at, now()) END
         WHERE id = $1",
        id,
        after.name_vi,
        after.name_en,
        after.parent,
        after.handler,
        after.agency,
        after.sla_unit,
        after.sla_amount,
        after.photo_required,
        after.place_required,
        after.public_by_default,
        after.position,
        after.archived,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO report_category_changes (category_id, changed_by, before, after)
         VALUES ($1, $2, $3, $4)",
        id,
        by,
        serde_json::to_value(before)?,
        serde_json::to_value(after)?
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
