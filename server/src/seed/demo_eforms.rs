//! The e-forms of the demo procedures (`seed/eforms.json`), modelled on the
//! official tờ khai of each, attached to the procedure version in force.

use anyhow::Context;
use app::eforms::FormDefinition;
use sqlx::PgPool;
use std::collections::BTreeMap;

pub const DATA: &str = include_str!("../../seed/eforms.json");

/// Every seeded form, by procedure code.
pub fn definitions() -> anyhow::Result<BTreeMap<String, FormDefinition>> {
    serde_json::from_str(DATA).context("seed/eforms.json")
}

pub async fn load(pool: &PgPool) -> anyhow::Result<()> {
    for (code, form) in definitions()? {
        sqlx::query!(
            "UPDATE procedure_versions v SET eform = $2
             FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
             WHERE v.id = c.id AND p.code = $1 AND v.eform IS NULL",
            code,
            serde_json::to_value(&form)?,
        )
        .execute(pool)
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
        .execute(pool)
        .await
        .with_context(|| format!("documents of {code}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::eforms::FieldKind;
    use std::collections::BTreeSet;

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
