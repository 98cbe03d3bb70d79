//! Where each answer lives in the flat [`Answers`] map. A plain field
//! answers under its name; an address under `{name}.province`,
//! `{name}.commune`, `{name}.street`; a repeatable group's item `i` under
//! `{group}.{i}.{field}`, with the number of items under `{group}.items`.
//! Browser and server read a posted form through the same keys.

use super::definition::{Field, FieldKind, FormDefinition};
use super::validation::Answers;

/// The parts of an address, in the order they are asked.
pub const ADDRESS_PARTS: [&str; 3] = ["province", "commune", "street"];

pub fn address_part(key: &str, part: &str) -> String {
    format!("{key}.{part}")
}

/// The parts of a date range.
pub const RANGE_PARTS: [&str; 2] = ["from", "to"];

pub fn range_part(key: &str, part: &str) -> String {
    format!("{key}.{part}")
}

/// The checkbox of one choice of a several-choice field.
pub fn choice_key(key: &str, value: &str) -> String {
    format!("{key}.{value}")
}

pub fn group_items_key(group: &str) -> String {
    format!("{group}.items")
}

pub fn group_item_key(group: &str, index: usize, field: &str) -> String {
    format!("{group}.{index}.{field}")
}

/// How many items a group has in these answers, within its limits.
pub fn group_len(answers: &Answers, group: &str, min: usize, max: usize) -> usize {
    answers
        .get(&group_items_key(group))
        .and_then(|count| count.trim().parse::<usize>().ok())
        .unwrap_or(min)
        .clamp(min, max)
}

/// The answers a posted form carries for `form`, read through `get` (a form
/// post on the server, the browser's `FormData`): every key the form can
/// have, nothing else, empty values left out.
pub fn posted_answers(form: &FormDefinition, get: impl Fn(&str) -> Option<String>) -> Answers {
    let mut answers = Answers::new();
    for field in form.fields() {
        collect(field, &field.name, &get, &mut answers);
    }
    answers
}

fn collect(field: &Field, key: &str, get: &impl Fn(&str) -> Option<String>, into: &mut Answers) {
    let mut keep = |key: String| {
        if let Some(value) = get(&key).filter(|value| !value.is_empty()) {
            into.insert(key, value);
        }
    };
    match &field.kind {
        FieldKind::Address => ADDRESS_PARTS
            .iter()
            .for_each(|part| keep(address_part(key, part))),
        FieldKind::DateRange => RANGE_PARTS
            .iter()
            .for_each(|part| keep(range_part(key, part))),
        // Each choice is its own checkbox (`{name}.{value}`), so a form post
        // read one value per name carries them all.
        FieldKind::Checkboxes { options, .. } => {
            let chosen: Vec<&str> = options
                .iter()
                .filter(|option| {
                    get(&choice_key(key, &option.value)).is_some_and(|v| !v.is_empty())
                })
                .map(|option| option.value.as_str())
                .collect();
            if !chosen.is_empty() {
                into.insert(key.to_string(), chosen.join(","));
            } else {
                keep(key.to_string());
            }
        }
        // Never posted: the form's logic gives their values, and the
        // server the names of the files it holds for a file question.
        FieldKind::Heading
        | FieldKind::Statement { .. }
        | FieldKind::Hidden { .. }
        | FieldKind::Calculated { .. }
        | FieldKind::File { .. } => {}
        FieldKind::Group {
            fields,
            min_items,
            max_items,
            ..
        } => {
            let count_key = group_items_key(key);
            let posted: Answers = get(&count_key)
                .map(|count| Answers::from([(count_key.clone(), count)]))
                .unwrap_or_default();
            let count = group_len(&posted, key, *min_items, (*max_items).max(*min_items));
            into.insert(count_key, count.to_string());
            for index in 0..count {
                for inner in fields {
                    // Groups do not nest: the definition type allows it, the
                    // forms never do, and the validator asks only one level.
                    if !matches!(inner.kind, FieldKind::Group { .. }) {
                        collect(inner, &group_item_key(key, index, &inner.name), get, into);
                    }
                }
            }
        }
        _ => keep(key.to_string()),
    }
}

/// What a "Thêm" or "Xóa" button of a group asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupChange {
    Add { group: String },
    Remove { group: String, index: usize },
}

impl GroupChange {
    /// The button's value: `add:{group}` or `remove:{group}:{index}`.
    pub fn parse(action: &str) -> Option<GroupChange> {
        if let Some(group) = action.strip_prefix("add:") {
            return Some(GroupChange::Add {
                group: group.to_string(),
            });
        }
        let (group, index) = action.strip_prefix("remove:")?.rsplit_once(':')?;
        Some(GroupChange::Remove {
            group: group.to_string(),
            index: index.parse().ok()?,
        })
    }

    pub fn add_value(group: &str) -> String {
        format!("add:{group}")
    }

    pub fn remove_value(group: &str, index: usize) -> String {
        format!("remove:{group}:{index}")
    }

    /// Applies the change within the group's limits; returns the index of
    /// the item to show the citizen next, or `None` when nothing changed
    /// (no such group, or at a limit).
    pub fn apply(&self, form: &FormDefinition, answers: &mut Answers) -> Option<usize> {
        let group = match self {
            GroupChange::Add { group } | GroupChange::Remove { group, .. } => group,
        };
        let (fields, min, max) = form.group(group)?;
        let count = group_len(answers, group, min, max);
        match self {
            GroupChange::Add { .. } if count < max => {
                answers.insert(group_items_key(group), (count + 1).to_string());
                Some(count)
            }
            GroupChange::Remove { index, .. } if count > min && *index < count => {
                // Later items move up one place, keeping their answers.
                for position in *index..count {
                    for field in fields {
                        for key in item_keys(field, group, position) {
                            let next = key.replacen(
                                &format!("{group}.{position}."),
                                &format!("{group}.{}.", position + 1),
                                1,
                            );
                            match answers.remove(&next) {
                                Some(value) if position + 1 < count => {
                                    answers.insert(key, value);
                                }
                                _ => {
                                    answers.remove(&key);
                                }
                            }
                        }
                    }
                }
                answers.insert(group_items_key(group), (count - 1).to_string());
                Some(index.saturating_sub(1).min(count - 2))
            }
            _ => None,
        }
    }
}

/// Every key of one field of item `index`.
fn item_keys(field: &Field, group: &str, index: usize) -> Vec<String> {
    let key = group_item_key(group, index, &field.name);
    match field.kind {
        FieldKind::Address => ADDRESS_PARTS
            .iter()
            .map(|part| address_part(&key, part))
            .chain([key.clone()])
            .collect(),
        _ => vec![key],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eforms::{Localised, Section};

    fn text(vi: &str) -> Localised {
        Localised {
            vi: vi.into(),
            en: vi.into(),
        }
    }

    fn field(name: &str, kind: FieldKind) -> Field {
        Field {
            name: name.into(),
            label: text(name),
            help: None,
            kind,
            required: true,
            visible_when: None,
            prefill: None,
            declaration: false,
        }
    }

    fn form() -> FormDefinition {
        FormDefinition {
            rules: Vec::new(),
            paged: false,
            sections: vec![Section {
                key: None,
                rules: Vec::new(),
                exit: false,
                title: text("A"),
                fields: vec![
                    field("home", FieldKind::Address),
                    field(
                        "places",
                        FieldKind::Group {
                            rules: Vec::new(),
                            fields: vec![
                                field(
                                    "from",
                                    FieldKind::Text {
                                        min_length: None,
                                        max_length: None,
                                        pattern: None,
                                    },
                                ),
                                field("where", FieldKind::Address),
                            ],
                            item_label: text("Nơi ở"),
                            min_items: 1,
                            max_items: 3,
                        },
                    ),
                ],
            }],
        }
    }

    #[test]
    fn a_post_is_read_through_the_forms_keys_only() {
        let posted = Answers::from([
            ("home.province".to_string(), "22".to_string()),
            ("home.commune".to_string(), "".to_string()),
            ("places.items".to_string(), "2".to_string()),
            ("places.1.from".to_string(), "2010".to_string()),
            ("places.2.from".to_string(), "beyond the count".to_string()),
            ("smuggled".to_string(), "x".to_string()),
        ]);
        let answers = posted_answers(&form(), |key| posted.get(key).cloned());
        let keys: Vec<&str> = answers.keys().map(String::as_str).collect();
        assert_eq!(keys, ["home.province", "places.1.from", "places.items"]);
    }

    #[test]
    fn item_counts_stay_within_the_groups_limits() {
        for (posted, expected) in [("0", "1"), ("99", "3"), ("two", "1")] {
            let answers = posted_answers(&form(), |key| {
                (key == "places.items").then(|| posted.to_string())
            });
            assert_eq!(answers["places.items"], expected, "posted {posted}");
        }
    }

    #[test]
    fn adding_stops_at_the_maximum_and_removing_at_the_minimum() {
        let form = form();
        let mut answers = Answers::new();
        let add = GroupChange::parse("add:places").unwrap();
        assert_eq!(add.apply(&form, &mut answers), Some(1));
        assert_eq!(add.apply(&form, &mut answers), Some(2));
        assert_eq!(add.apply(&form, &mut answers), None, "at most 3");
        let remove_all = GroupChange::parse("remove:places:0").unwrap();
        assert!(remove_all.apply(&form, &mut answers).is_some());
        assert!(remove_all.apply(&form, &mut answers).is_some());
        assert_eq!(remove_all.apply(&form, &mut answers), None, "at least 1");
        assert_eq!(GroupChange::parse("remove:places:x"), None);
    }

    #[test]
    fn removing_an_item_moves_the_later_ones_up_with_their_answers() {
        let form = form();
        let mut answers = Answers::from([
            ("places.items".to_string(), "3".to_string()),
            ("places.0.from".to_string(), "2000".to_string()),
            ("places.1.from".to_string(), "2005".to_string()),
            ("places.2.from".to_string(), "2010".to_string()),
            ("places.2.where.province".to_string(), "22".to_string()),
        ]);
        GroupChange::parse("remove:places:1")
            .unwrap()
            .apply(&form, &mut answers);
        assert_eq!(answers["places.items"], "2");
        assert_eq!(answers["places.0.from"], "2000");
        assert_eq!(answers["places.1.from"], "2010");
        assert_eq!(answers["places.1.where.province"], "22");
        assert!(!answers.contains_key("places.2.from"));
        assert!(!answers.contains_key("places.2.where.province"));
    }
}
