//! The e-forms of the demo procedures (`seed/eforms.json`), modelled on the
//! official tờ khai of each: each becomes a form document (code
//! `to-khai-<procedure code>`), created and published as version 1 through
//! the builder's own store, and the procedure version in force is filed
//! with it.

use crate::eform_documents::store;
use anyhow::Context;
use app::eforms::FormDefinition;
use sqlx::PgPool;
use std::collections::BTreeMap;

pub const DATA: &str = include_str!("../../seed/eforms.json");

/// Every seeded form, by procedure code.
pub fn definitions() -> anyhow::Result<BTreeMap<String, FormDefinition>> {
    serde_json::from_str(DATA).context("seed/eforms.json")
}

/// The form document's code for a procedure's own form.
pub fn form_code(procedure: &str) -> String {
    format!("to-khai-{}", procedure.replace('.', "-"))
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    let now = chrono::Utc::now();
    for (code, form) in definitions()? {
        let mut tx = pool.begin().await?;
        let name = sqlx::query_scalar!(
            r#"SELECT c.name AS "name!" FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
             WHERE p.code = $1"#,
            code
        )
        .fetch_one(&mut *tx)
        .await
        .with_context(|| format!("the procedure {code}"))?;
        let title: String = format!("Tờ khai: {name}").chars().take(300).collect();
        let form_code = form_code(&code);
        if let Some(id) =
            store::create(&mut tx, (&form_code, &title, None), &form, None, now).await?
        {
            store::publish(&mut tx, id, None, now)
                .await?
                .map_err(|refusal| anyhow::anyhow!("the e-form of {code}: {refusal:?}"))?;
        }
        sqlx::query!(
            "UPDATE procedure_versions v SET form_id = f.id
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id, forms f
             WHERE v.id = c.id AND p.code = $1 AND f.code = $2 AND v.form_id IS NULL",
            code,
            form_code,
        )
        .execute(&mut *tx)
        .await
        .with_context(|| format!("e-form of {code}"))?;
        // The application form is the e-form; identity papers are shown, not sent.
        sqlx::query!(
            "UPDATE procedure_documents d SET online_provision = CASE
                 WHEN d.name ILIKE 'Tờ khai%' OR d.name ILIKE 'Đơn đề nghị%' OR d.name ILIKE 'Giấy đề nghị%' THEN 'eform'
                 ELSE document_provision(d.name) END
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
             WHERE d.version_id = c.id AND p.code = $1",
            code,
        )
        .execute(&mut *tx)
        .await
        .with_context(|| format!("documents of {code}"))?;
        tx.commit().await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::eforms::FieldKind;
    use std::collections::BTreeSet;

    #[test]
    fn the_six_forms_pass_the_builders_checks() {
        for (code, form) in definitions().unwrap() {
            assert_eq!(app::eforms::design::check_design(&form), vec![], "{code}");
        }
    }

    #[test]
    fn the_six_required_forms_are_there_and_coherent() {
        let forms = definitions().unwrap();
        for code in [
            "1.001193", "1.000894", "3.000333", "2.000815", "1.001612", "1.013225",
        ] {
            let form = forms
                .get(code)
                .unwrap_or_else(|| panic!("no e-form for {code}"));
            let names: Vec<&str> = form.fields().map(|field| field.name.as_str()).collect();
            let unique: BTreeSet<&str> = names.iter().copied().collect();
            assert_eq!(names.len(), unique.len(), "{code}: field names repeat");
            for field in form.fields() {
                assert!(
                    !field.label.vi.is_empty() && !field.label.en.is_empty(),
                    "{code}.{}",
                    field.name
                );
                if let Some(condition) = &field.visible_when {
                    assert!(
                        condition.fields().iter().all(|name| unique.contains(name)),
                        "{code}.{}: unknown condition field",
                        field.name
                    );
                }
                match &field.kind {
                    FieldKind::Group { fields, .. } => {
                        assert!(!fields.is_empty(), "{code}.{}: an empty group", field.name);
                        for inner in fields {
                            assert!(
                                !matches!(inner.kind, FieldKind::Group { .. }),
                                "{code}.{}: groups do not nest",
                                field.name
                            );
                            assert!(!inner.label.vi.is_empty() && !inner.label.en.is_empty());
                            if let FieldKind::Text {
                                pattern: Some(pattern),
                                ..
                            } = &inner.kind
                            {
                                assert!(pattern.compiles(), "{code}.{}.{}", field.name, inner.name);
                            }
                        }
                    }
                    FieldKind::Text {
                        pattern: Some(pattern),
                        ..
                    } => assert!(pattern.compiles(), "{code}.{}", field.name),
                    _ => {}
                }
                if let FieldKind::Date {
                    not_before: Some(other),
                    ..
                } = &field.kind
                {
                    assert!(
                        matches!(
                            form.field(other).map(|f| &f.kind),
                            Some(FieldKind::Date { .. })
                        ),
                        "{code}.{}: not_before must name a date field",
                        field.name
                    );
                }
            }
            assert!(
                form.field("oath").is_some(),
                "{code}: every tờ khai ends with the declaration"
            );
        }
    }
}
