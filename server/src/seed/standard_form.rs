//! The standard filing form (`seed/standard_form.json`): the e-form of every
//! procedure without one of its own. Created once on every install as a
//! form document, through the same store the builder uses, and published
//! as its version 1; what designers change later is kept.

use crate::eform_documents::store;
use anyhow::Context;
use app::eforms::FormDefinition;
use sqlx::PgPool;

pub const DATA: &str = include_str!("../../seed/standard_form.json");
pub const CODE: &str = "to-khai-chung";

pub fn definition() -> anyhow::Result<FormDefinition> {
    serde_json::from_str(DATA).context("seed/standard_form.json")
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    // Every start asks; only the first install takes the lock below.
    let exists = sqlx::query_scalar!("SELECT id FROM forms WHERE standard")
        .fetch_optional(pool)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    let definition = definition()?;
    let now = chrono::Utc::now();
    let mut tx = pool.begin().await?;
    // Two instances installing at once: the second waits, then finds it.
    sqlx::query!("LOCK TABLE forms IN SHARE ROW EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await?;
    let exists = sqlx::query_scalar!("SELECT id FROM forms WHERE standard")
        .fetch_optional(&mut *tx)
        .await?;
    if exists.is_none() {
        let title = "Tờ khai chung (mẫu dùng chung)";
        let id = store::create(&mut tx, (CODE, title, None), &definition, None, now)
            .await?
            .context("the standard form's code is taken by another form")?;
        sqlx::query!("UPDATE forms SET standard = true WHERE id = $1", id)
            .execute(&mut *tx)
            .await?;
        store::publish(&mut tx, id, None, now)
            .await?
            .map_err(|refusal| anyhow::anyhow!("the standard form: {refusal:?}"))?;
    }
    tx.commit().await.context("the standard filing form")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::eforms::design::check_design;
    use app::eforms::FieldKind;

    #[test]
    fn the_standard_form_asks_who_files_and_ends_with_the_declaration() {
        let form = definition().unwrap();
        let names: Vec<&str> = form.fields().map(|field| field.name.as_str()).collect();
        for name in [
            "applicant_name",
            "filed_by",
            "representative_name",
            "result_delivery",
            "oath",
        ] {
            assert!(names.contains(&name), "{name} is asked");
        }
        assert_eq!(check_design(&form), vec![], "the builder's checks");
        let last = form.fields().last().unwrap();
        assert!(last.declaration && matches!(last.kind, FieldKind::Checkbox));
    }
}
