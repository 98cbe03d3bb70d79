//! Report categories as administrators keep them (`/quan-tri/phan-anh`):
//! two levels; a second-level category says who handles it (the People's
//! Committee of the commune where it is, or one agency), in what time
//! (at once in clock hours, or working hours or days on the working
//! calendar), whether a photo and a place are required, and whether its
//! reports are public unless the reporter says otherwise. Every change is
//! kept with who made it, before and after (`report_category_changes`);
//! a change applies to reports filed after it — a report keeps the due
//! time it was given.

use super::sla::Sla;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

/// A category as the seed, the administrators' form and the history
/// write it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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
    /// `immediate`, `working_hours` or `working_days` (`Sla`).
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
    /// Withdrawn: no longer offered to file under, its reports kept.
    #[serde(default)]
    pub archived: bool,
}

/// Why a category's form cannot be kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CategoryRefusal {
    CodeInvalid,
    CodeTaken,
    NameMissing,
    NameTooLong,
    ParentUnknown,
    /// A first-level category with categories under it cannot move under
    /// another: two levels, no more.
    HasChildren,
    HandlerMissing,
    AgencyMissing,
    TimeMissing,
    TimeOutOfRange,
}

/// The longest time a category may give, in its unit.
pub const MAX_SLA_AMOUNT: i32 = 365;

/// Checks `data` as the form gave it: `parents` are the first-level codes
/// it may go under, `agencies` the agencies' codes, `has_children`
/// whether it is a first-level category with categories under it. The
/// refusals, by field; a first-level category's handler and time are
/// dropped, as they mean nothing there.
pub fn check_category(
    data: &mut CategoryData,
    is_new: bool,
    parents: &[String],
    agencies: &[String],
    has_children: bool,
) -> Vec<(&'static str, CategoryRefusal)> {
    let mut refusals = Vec::new();
    let code_ok = data.code.len() >= 2
        && data.code.len() <= 60
        && data
            .code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !data.code.starts_with('-');
    if is_new && !code_ok {
        refusals.push(("code", CategoryRefusal::CodeInvalid));
    }
    for (field, name) in [("name_vi", &data.name_vi), ("name_en", &data.name_en)] {
        match name.chars().count() {
            0 => refusals.push((field, CategoryRefusal::NameMissing)),
            n if n > 120 => refusals.push((field, CategoryRefusal::NameTooLong)),
            _ => {}
        }
    }
    let Some(parent) = data.parent.clone() else {
        data.handler = None;
        data.agency = None;
        data.sla_unit = None;
        data.sla_amount = None;
        return refusals;
    };
    if parent == data.code || !parents.contains(&parent) {
        refusals.push(("parent", CategoryRefusal::ParentUnknown));
    } else if has_children {
        refusals.push(("parent", CategoryRefusal::HasChildren));
    }
    match data.handler.as_deref() {
        Some("commune") => data.agency = None,
        Some("agency") => {
            if !data
                .agency
                .as_ref()
                .is_some_and(|agency| agencies.contains(agency))
            {
                refusals.push(("agency", CategoryRefusal::AgencyMissing));
            }
        }
        _ => refusals.push(("handler", CategoryRefusal::HandlerMissing)),
    }
    match (data.sla_unit.as_deref(), data.sla_amount) {
        (Some(unit), Some(amount)) if (1..=MAX_SLA_AMOUNT).contains(&amount) => {
            if Sla::stored(unit, Some(amount)).is_none() {
                refusals.push(("sla_unit", CategoryRefusal::TimeMissing));
            }
        }
        (Some(_), Some(_)) => refusals.push(("sla_amount", CategoryRefusal::TimeOutOfRange)),
        _ => refusals.push(("sla_amount", CategoryRefusal::TimeMissing)),
    }
    refusals
}

/// One change in a category's history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryChange {
    /// `dd/mm/yyyy hh:mm`, Vietnam time.
    pub at: String,
    /// Who (none: the seed).
    pub by: Option<String>,
    /// Created then (else changed).
    pub created: bool,
    /// The fields that changed, as `field: before → after`.
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRow {
    pub data: CategoryData,
    /// The handling agency's name, when one agency handles it.
    pub agency_name: Option<String>,
    pub history: Vec<CategoryChange>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoriesAdmin {
    /// First-level categories, each with those under it, in order.
    pub groups: Vec<(CategoryRow, Vec<CategoryRow>)>,
    /// Every agency (code, name), for "handled by".
    pub agencies: Vec<(String, String)>,
    pub may_edit: bool,
}

/// The lines telling what changed between two versions of a category
/// (none for its creation).
pub fn differences(before: Option<&CategoryData>, after: &CategoryData) -> Vec<String> {
    let Some(before) = before else {
        return Vec::new();
    };
    let show = |value: &serde_json::Value| match value {
        serde_json::Value::Null => "—".to_string(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let (Ok(serde_json::Value::Object(old)), Ok(serde_json::Value::Object(new))) =
        (serde_json::to_value(before), serde_json::to_value(after))
    else {
        return Vec::new();
    };
    new.iter()
        .filter(|(field, value)| old.get(*field) != Some(*value))
        .map(|(field, value)| {
            let was = old.get(field).map(show).unwrap_or_default();
            format!("{field}: {was} → {}", show(value))
        })
        .collect()
}

/// The categories' administration page.
#[server(endpoint = "admin/report-categories")]
pub async fn load_report_categories() -> Result<CategoriesAdmin, AppError> {
    use crate::access::{permits, require, Permission};
    let admin = require(Permission::ListOfficials)?;
    let pool = crate::database::pool()?;
    let province_id = crate::administration::calendar::province_id(&pool).await?;
    let mut view = store::categories(&pool).await?;
    view.may_edit = permits(&admin, Permission::ManageCatalogue { province_id });
    Ok(view)
}

#[cfg(feature = "ssr")]
pub mod store {
    use super::{differences, CategoriesAdmin, CategoryChange, CategoryData, CategoryRow};
    use crate::error::AppResult;
    use sqlx::PgPool;
    use std::collections::HashMap;

    /// A category as stored, with its agency's name and whether
    /// categories sit under it.
    pub struct Stored {
        pub id: i64,
        code: String,
        name_vi: String,
        name_en: String,
        parent: Option<String>,
        handler: Option<String>,
        agency: Option<String>,
        agency_name: Option<String>,
        sla_unit: Option<String>,
        sla_amount: Option<i32>,
        photo_required: bool,
        place_required: bool,
        public_by_default: bool,
        position: i32,
        archived: bool,
        pub has_children: bool,
    }

    impl Stored {
        pub fn data(&self) -> CategoryData {
            CategoryData {
                code: self.code.clone(),
                name_vi: self.name_vi.clone(),
                name_en: self.name_en.clone(),
                parent: self.parent.clone(),
                handler: self.handler.clone(),
                agency: self.agency.clone(),
                sla_unit: self.sla_unit.clone(),
                sla_amount: self.sla_amount,
                photo_required: self.photo_required,
                place_required: self.place_required,
                public_by_default: self.public_by_default,
                position: self.position,
                archived: self.archived,
            }
        }
    }

    /// The category `code` locked for a change (`FOR UPDATE`, in the
    /// caller's transaction).
    pub async fn locked(conn: &mut sqlx::PgConnection, code: &str) -> AppResult<Option<Stored>> {
        Ok(sqlx::query_as!(
            Stored,
            r#"SELECT c.id, c.code, c.name_vi, c.name_en, p.code AS "parent?", c.handler,
                      a.code AS "agency?", a.name AS "agency_name?", c.sla_unit, c.sla_amount,
                      c.photo_required, c.place_required, c.public_by_default, c.position,
                      c.archived_at IS NOT NULL AS "archived!",
                      EXISTS (SELECT 1 FROM report_categories k WHERE k.parent_id = c.id) AS "has_children!"
               FROM report_categories c
               LEFT JOIN report_categories p ON p.id = c.parent_id
               LEFT JOIN agencies a ON a.id = c.agency_id
               WHERE c.code = $1
               FOR UPDATE OF c"#,
            code
        )
        .fetch_optional(&mut *conn)
        .await?)
    }

    pub async fn categories(pool: &PgPool) -> AppResult<CategoriesAdmin> {
        let rows = sqlx::query_as!(
            Stored,
            r#"SELECT c.id, c.code, c.name_vi, c.name_en, p.code AS "parent?", c.handler,
                      a.code AS "agency?", a.name AS "agency_name?", c.sla_unit, c.sla_amount,
                      c.photo_required, c.place_required, c.public_by_default, c.position,
                      c.archived_at IS NOT NULL AS "archived!",
                      EXISTS (SELECT 1 FROM report_categories k WHERE k.parent_id = c.id) AS "has_children!"
               FROM report_categories c
               LEFT JOIN report_categories p ON p.id = c.parent_id
               LEFT JOIN agencies a ON a.id = c.agency_id
               ORDER BY c.parent_id NULLS FIRST, c.position, c.id"#
        )
        .fetch_all(pool)
        .await?;
        let changes = sqlx::query!(
            r#"SELECT h.category_id, h.before, h.after, u.full_name AS "by?",
                      to_char(h.changed_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'DD/MM/YYYY HH24:MI') AS "at!"
               FROM report_category_changes h LEFT JOIN users u ON u.id = h.changed_by
               ORDER BY h.id DESC"#
        )
        .fetch_all(pool)
        .await?;
        let mut history: HashMap<i64, Vec<CategoryChange>> = HashMap::new();
        for change in changes {
            let before: Option<CategoryData> = change
                .before
                .and_then(|value| serde_json::from_value(value).ok());
            let Ok(after) = serde_json::from_value::<CategoryData>(change.after) else {
                continue;
            };
            history
                .entry(change.category_id)
                .or_default()
                .push(CategoryChange {
                    at: change.at,
                    by: change.by,
                    created: before.is_none(),
                    changes: differences(before.as_ref(), &after),
                });
        }
        let mut groups: Vec<(CategoryRow, Vec<CategoryRow>)> = Vec::new();
        for row in rows {
            let category = CategoryRow {
                data: row.data(),
                agency_name: row.agency_name.clone(),
                history: history.remove(&row.id).unwrap_or_default(),
            };
            match row.parent {
                None => groups.push((category, Vec::new())),
                Some(parent) => {
                    if let Some((_, children)) = groups
                        .iter_mut()
                        .find(|(group, _)| group.data.code == parent)
                    {
                        children.push(category);
                    }
                }
            }
        }
        let agencies = sqlx::query!(
            "SELECT code, name FROM agencies WHERE merged_into IS NULL ORDER BY kind, name"
        )
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(|row| (row.code, row.name))
        .collect();
        Ok(CategoriesAdmin {
            groups,
            agencies,
            may_edit: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn light() -> CategoryData {
        CategoryData {
            code: "den-chieu-sang-hong".into(),
            name_vi: "Đèn chiếu sáng hỏng".into(),
            name_en: "Street light out".into(),
            parent: Some("ha-tang-do-thi".into()),
            handler: Some("commune".into()),
            agency: None,
            sla_unit: Some("working_days".into()),
            sla_amount: Some(3),
            photo_required: false,
            place_required: true,
            public_by_default: true,
            position: 0,
            archived: false,
        }
    }

    fn check(data: &mut CategoryData, has_children: bool) -> Vec<(&'static str, CategoryRefusal)> {
        check_category(
            data,
            true,
            &["ha-tang-do-thi".to_string()],
            &["000.00.13.H34".to_string()],
            has_children,
        )
    }

    #[test]
    fn a_second_level_category_needs_a_handler_and_a_time() {
        assert!(check(&mut light(), false).is_empty());
        let mut no_time = CategoryData {
            sla_amount: None,
            ..light()
        };
        assert_eq!(
            check(&mut no_time, false),
            [("sla_amount", CategoryRefusal::TimeMissing)]
        );
        let mut too_long = CategoryData {
            sla_amount: Some(MAX_SLA_AMOUNT + 1),
            ..light()
        };
        assert_eq!(
            check(&mut too_long, false),
            [("sla_amount", CategoryRefusal::TimeOutOfRange)]
        );
        let mut unknown_unit = CategoryData {
            sla_unit: Some("weeks".into()),
            ..light()
        };
        assert_eq!(
            check(&mut unknown_unit, false),
            [("sla_unit", CategoryRefusal::TimeMissing)]
        );
        let mut no_agency = CategoryData {
            handler: Some("agency".into()),
            ..light()
        };
        assert_eq!(
            check(&mut no_agency, false),
            [("agency", CategoryRefusal::AgencyMissing)]
        );
    }

    #[test]
    fn a_first_level_category_keeps_no_handler_or_time_and_two_levels_hold() {
        let mut group = CategoryData {
            parent: None,
            agency: Some("000.00.13.H34".into()),
            ..light()
        };
        assert!(check(&mut group, false).is_empty());
        assert_eq!(
            (group.handler, group.sla_unit, group.agency),
            (None, None, None)
        );
        assert_eq!(
            check(&mut light(), true),
            [("parent", CategoryRefusal::HasChildren)]
        );
        let mut stranger = CategoryData {
            parent: Some("khong-co".into()),
            ..light()
        };
        assert_eq!(
            check(&mut stranger, false),
            [("parent", CategoryRefusal::ParentUnknown)]
        );
    }

    #[test]
    fn codes_are_short_lowercase_words() {
        for bad in ["A", "Đèn", "-den", "den chieu sang"] {
            let mut data = CategoryData {
                code: bad.into(),
                ..light()
            };
            assert_eq!(
                check(&mut data, false),
                [("code", CategoryRefusal::CodeInvalid)],
                "{bad}"
            );
        }
    }

    #[test]
    fn the_history_says_what_changed() {
        let after = CategoryData {
            sla_amount: Some(2),
            ..light()
        };
        assert_eq!(differences(Some(&light()), &after), ["sla_amount: 3 → 2"]);
        assert!(differences(None, &after).is_empty());
    }
}
