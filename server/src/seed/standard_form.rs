//! The standard filing form (`seed/standard_form.json`): the e-form of every
//! procedure without one of its own. Loaded once on every install; what an
//! administrator changes later is kept.

use anyhow::Context;
use app::eforms::FormDefinition;
use sqlx::PgPool;

pub const DATA: &str = include_str!("../../seed/standard_form.json");

pub fn definition() -> anyhow::Result<FormDefinition> {
    serde_json::from_str(DATA).context("seed/standard_form.json")
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    sqlx::query!(
        "INSERT INTO standard_filing_form (definition) VALUES ($1) ON CONFLICT DO NOTHING",
        serde_json::to_value(definition()?)?,
    )
    .execute(pool)
    .await
    .context("the standard filing form")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
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
        for field in form.fields() {
            if let Some(condition) = &field.visible_when {
                assert!(
                    condition.fields().iter().all(|name| names.contains(name)),
                    "{}",
                    field.name
                );
            }
        }
        let last = form.fields().last().unwrap();
        assert!(last.declaration && matches!(last.kind, FieldKind::Checkbox));
    }
}
