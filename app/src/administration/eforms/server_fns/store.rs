//! The builder's reads: the forms a designer reaches, one form's versions,
//! saves and draft, and a form to preview.

use super::super::{
    FormBuilder, FormPreview, FormRow, OutlineField, OutlineSection, RuleEditor, RuleLine, SaveRow,
    VersionRow,
};
use crate::access::{permits, Permission, SignedInUser};
use crate::eforms::design::{check_design, FormState};
use crate::eforms::{FieldKind, FormDefinition};
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use sqlx::PgPool;

/// Whether `user` designs the forms of `agency_id` (`None`: the province's),
/// asked on `conn`: a handler holding a form's lock asks on its own
/// connection, as waiting for a second one would starve the pool when many
/// publish at once.
pub async fn may_design(
    conn: impl sqlx::PgExecutor<'_>,
    user: &SignedInUser,
    agency_id: Option<i64>,
) -> AppResult<bool> {
    permits_for_owner(conn, user, agency_id, |agency_id| {
        Permission::DesignFormsOf { agency_id }
    })
    .await
}

/// Whether `user` may do `permission` for content owned by `agency_id`
/// (`None`: the province's own, owned by the root agency), asked on `conn`.
pub async fn permits_for_owner(
    conn: impl sqlx::PgExecutor<'_>,
    user: &SignedInUser,
    agency_id: Option<i64>,
    permission: impl FnOnce(i64) -> Permission,
) -> AppResult<bool> {
    let agency_id = match agency_id {
        Some(id) => id,
        None => crate::administration::calendar::province_id(conn).await?,
    };
    Ok(permits(user, permission(agency_id)))
}

pub async fn forms(pool: &PgPool, user: &SignedInUser) -> AppResult<Vec<FormRow>> {
    let rows = sqlx::query!(
        // The procedures in force are counted once, by form (no form: the
        // standard one), not once per form listed.
        r#"WITH used AS (SELECT form_id, count(*) AS n FROM current_procedure_versions GROUP BY form_id),
                live AS (SELECT form_id, max(number) AS number FROM form_versions GROUP BY form_id)
           SELECT f.code, f.title, f.agency_id, a.name AS "agency?", f.standard,
                  f.draft IS NOT NULL AS "has_draft!", f.archived_at IS NOT NULL AS "archived!",
                  live.number AS "live_version?",
                  (coalesce((SELECT n FROM used WHERE used.form_id = f.id), 0)
                   + CASE WHEN f.standard THEN coalesce((SELECT n FROM used WHERE used.form_id IS NULL), 0)
                          ELSE 0 END)::bigint AS "procedures!"
           FROM forms f LEFT JOIN agencies a ON a.id = f.agency_id
           LEFT JOIN live ON live.form_id = f.id
           ORDER BY f.standard DESC, f.title"#
    )
    .fetch_all(pool)
    .await?;
    let province_id = crate::administration::calendar::province_id(pool).await?;
    let mut forms = Vec::new();
    for row in rows {
        let agency_id = row.agency_id.unwrap_or(province_id);
        if permits(user, Permission::DesignFormsOf { agency_id }) {
            forms.push(FormRow {
                state: FormState::of(row.live_version.is_some(), row.has_draft, row.archived),
                code: row.code,
                title: row.title,
                live_version: row.live_version,
                agency: row.agency,
                procedures: row.procedures,
                standard: row.standard,
            });
        }
    }
    Ok(forms)
}

/// The owners a new form may have: the province (empty code) and the
/// agencies `user` designs for.
pub async fn owners(pool: &PgPool, user: &SignedInUser) -> AppResult<Vec<(String, String)>> {
    let mut owners = Vec::new();
    if may_design(pool, user, None).await? {
        owners.push((String::new(), String::new()));
    }
    let agencies =
        sqlx::query!("SELECT id, code, name FROM agencies WHERE merged_into IS NULL ORDER BY name")
            .fetch_all(pool)
            .await?;
    for agency in agencies {
        if permits(
            user,
            Permission::DesignFormsOf {
                agency_id: agency.id,
            },
        ) {
            owners.push((agency.code, agency.name));
        }
    }
    Ok(owners)
}

pub async fn builder(
    pool: &PgPool,
    user: &SignedInUser,
    code: &str,
    lang: Lang,
) -> AppResult<Option<FormBuilder>> {
    let Some(form) = sqlx::query!(
        r#"SELECT f.id, f.code, f.title, f.agency_id, a.name AS "agency?", f.standard, f.draft,
                  f.draft_saved_by, s.full_name AS "saved_by?",
                  to_char(f.draft_saved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS saved_at,
                  f.archived_at IS NOT NULL AS "archived!"
           FROM forms f LEFT JOIN agencies a ON a.id = f.agency_id
           LEFT JOIN users s ON s.id = f.draft_saved_by
           WHERE f.code = $1"#,
        code
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    if !may_design(pool, user, form.agency_id).await? {
        return Ok(None);
    }
    let versions = sqlx::query_as!(
        VersionRow,
        r#"SELECT v.number, to_char(v.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "published_at!",
                  w.full_name AS "written_by?", p.full_name AS "published_by?"
           FROM form_versions v LEFT JOIN users w ON w.id = v.written_by LEFT JOIN users p ON p.id = v.published_by
           WHERE v.form_id = $1 ORDER BY v.number DESC"#,
        form.id
    )
    .fetch_all(pool)
    .await?;
    let saves = sqlx::query_as!(
        SaveRow,
        r#"SELECT s.id, s.kind, to_char(s.saved_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI:SS') AS "saved_at!",
                  u.full_name AS "saved_by?"
           FROM form_saves s LEFT JOIN users u ON u.id = s.saved_by
           WHERE s.form_id = $1 ORDER BY s.id DESC LIMIT 30"#,
        form.id
    )
    .fetch_all(pool)
    .await?;
    let procedures = sqlx::query!(
        r#"SELECT p.code, c.name AS "name!" FROM current_procedure_versions c JOIN procedures p ON p.id = c.procedure_id
           WHERE c.form_id = $1 ORDER BY p.code"#,
        form.id
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| (row.code, row.name))
    .collect();
    let draft: Option<FormDefinition> = match form.draft {
        Some(value) => Some(serde_json::from_value(value).map_err(|error| {
            tracing::error!(%error, code, "a stored form draft does not match the definition type");
            AppError::Internal
        })?),
        None => None,
    };
    let texts = &lang.texts().forms_admin;
    Ok(Some(FormBuilder {
        state: FormState::of(!versions.is_empty(), draft.is_some(), form.archived),
        code: form.code,
        title: form.title,
        standard: form.standard,
        agency: form.agency,
        versions,
        saves,
        draft_json: draft
            .as_ref()
            .map(|draft| serde_json::to_string_pretty(draft).unwrap_or_default()),
        outline: draft.as_ref().map(|d| outline(d, lang)).unwrap_or_default(),
        rule_editor: draft
            .as_ref()
            .map(|d| rule_editor(d, lang))
            .unwrap_or_default(),
        problems: draft
            .as_ref()
            .map(|draft| {
                check_design(draft)
                    .iter()
                    .map(|problem| (texts.problem)(problem))
                    .collect()
            })
            .unwrap_or_default(),
        may_publish: form.draft_saved_by != Some(user.id),
        draft_saved: form
            .saved_at
            .map(|at| (form.saved_by.unwrap_or_default(), at)),
        procedures,
    }))
}

fn outline(form: &FormDefinition, lang: Lang) -> Vec<OutlineSection> {
    let shown_by_rules: Vec<&str> = form
        .rules
        .iter()
        .chain(form.sections.iter().flat_map(|section| &section.rules))
        .flat_map(|rule| &rule.then)
        .filter_map(|action| action.field())
        .collect();
    form.sections
        .iter()
        .enumerate()
        .map(|(index, section)| OutlineSection {
            key: section.key(index),
            title: section.title.get(lang).to_string(),
            fields: section
                .fields
                .iter()
                .map(|field| OutlineField {
                    key: field.name.clone(),
                    label: field.label.get(lang).to_string(),
                    label_vi: field.label.vi.clone(),
                    label_en: field.label.en.clone(),
                    kind: kind_name(&field.kind).to_string(),
                    required: field.required,
                    conditional: field.visible_when.is_some()
                        || shown_by_rules.contains(&field.name.as_str()),
                })
                .collect(),
        })
        .collect()
}

fn rule_editor(form: &FormDefinition, lang: Lang) -> RuleEditor {
    use crate::eforms::design::rule_editing::{all_rules, RulePlace};
    use crate::eforms::design::rule_words::{describe, place_words};
    let mut places = vec![RulePlace::Form];
    let mut questions = Vec::new();
    let mut pages = Vec::new();
    for (index, section) in form.sections.iter().enumerate() {
        let key = section.key(index);
        pages.push((key.clone(), section.title.get(lang).to_string()));
        places.push(RulePlace::Page(key));
        for field in section.fields.iter().filter(|field| field.kind.asks()) {
            let label = field.label.get(lang).to_string();
            if let FieldKind::Group { fields, .. } = &field.kind {
                places.push(RulePlace::Group(field.name.clone()));
                questions.extend(
                    fields
                        .iter()
                        .filter(|inner| inner.kind.asks())
                        .map(|inner| {
                            (
                                inner.name.clone(),
                                format!("{label} › {}", inner.label.get(lang)),
                            )
                        }),
                );
            } else {
                questions.push((field.name.clone(), label));
            }
        }
    }
    RuleEditor {
        rules: all_rules(form)
            .into_iter()
            .map(|(place, index, rule)| RuleLine {
                place: place.code(),
                index,
                place_words: place_words(&place, form, lang),
                words: describe(rule, form, lang),
            })
            .collect(),
        places: places
            .iter()
            .map(|place| (place.code(), place_words(place, form, lang)))
            .collect(),
        questions,
        pages,
    }
}

/// The `type` a field has in the JSON document.
pub fn kind_name(kind: &FieldKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|value| value.get("type").and_then(|t| t.as_str()).map(String::from))
        .unwrap_or_default()
}

pub async fn preview(
    pool: &PgPool,
    user: &SignedInUser,
    code: &str,
    version: Option<i32>,
    phone: bool,
) -> AppResult<Option<FormPreview>> {
    let Some(row) = sqlx::query!(
        r#"SELECT f.title, f.agency_id,
                  CASE WHEN $2::int IS NULL THEN coalesce(f.draft, live.definition) ELSE v.definition END AS definition
           FROM forms f
           LEFT JOIN form_versions v ON v.form_id = f.id AND v.number = $2
           LEFT JOIN LATERAL (SELECT definition FROM form_versions WHERE form_id = f.id
                              ORDER BY number DESC LIMIT 1) live ON true
           WHERE f.code = $1"#,
        code,
        version,
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    if !may_design(pool, user, row.agency_id).await? {
        return Ok(None);
    }
    let Some(definition) = row.definition else {
        return Ok(None);
    };
    let form: FormDefinition =
        serde_json::from_value(definition).map_err(|_| AppError::Internal)?;
    Ok(Some(FormPreview {
        code: code.to_string(),
        title: row.title,
        version,
        form,
        places: crate::filing::AddressChoices {
            provinces: crate::filing::store::provinces(pool).await?,
            communes: Default::default(),
        },
        phone,
    }))
}
