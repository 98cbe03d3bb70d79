//! The builder's edits to a draft's outline: move a field up or down within
//! its section (across into the next section at an edge), remove one, add
//! one from the few things the "add a field" form asks, change a field's
//! labels and whether it must be answered.

use crate::eforms::{FieldKind, FormDefinition};
use serde_json::{json, Value};

/// Moves the top-level field `key` one place up (`-1`) or down (`1`),
/// into the neighbouring section at a section's edge. `false` when there
/// is no such field or nowhere to go.
pub fn move_field(form: &mut FormDefinition, key: &str, step: isize) -> bool {
    let Some((section, index)) = position(form, key) else {
        return false;
    };
    let len = form.sections[section].fields.len() as isize;
    let target = index as isize + step;
    if (0..len).contains(&target) {
        form.sections[section].fields.swap(index, target as usize);
        return true;
    }
    let next = section as isize + step;
    if !(0..form.sections.len() as isize).contains(&next) {
        return false;
    }
    let field = form.sections[section].fields.remove(index);
    let next = &mut form.sections[next as usize].fields;
    if step < 0 {
        next.push(field);
    } else {
        next.insert(0, field);
    }
    true
}

pub fn remove_field(form: &mut FormDefinition, key: &str) -> bool {
    let Some((section, index)) = position(form, key) else {
        return false;
    };
    form.sections[section].fields.remove(index);
    true
}

/// Gives the top-level field `key` new labels and says whether it must be
/// answered; `false` when there is no such field. The builder's checks
/// judge the labels.
pub fn edit_field(
    form: &mut FormDefinition,
    key: &str,
    (label_vi, label_en): (&str, &str),
    required: bool,
) -> bool {
    let Some((section, index)) = position(form, key) else {
        return false;
    };
    let field = &mut form.sections[section].fields[index];
    field.label.vi = label_vi.trim().to_string();
    field.label.en = label_en.trim().to_string();
    field.required = required;
    true
}

fn position(form: &FormDefinition, key: &str) -> Option<(usize, usize)> {
    form.sections.iter().enumerate().find_map(|(section, s)| {
        s.fields
            .iter()
            .position(|field| field.name == key)
            .map(|index| (section, index))
    })
}

/// What "add a field" asks.
pub struct NewField<'a> {
    pub section: &'a str,
    pub key: &'a str,
    pub label_vi: &'a str,
    pub label_en: &'a str,
    /// The JSON `type` (`text`, `radio`, `group`, …).
    pub kind: &'a str,
    pub required: bool,
    /// `value|Nhãn|Label` lines, for choice questions.
    pub options: &'a [String],
}

/// Adds the field at the end of its section; `None` when the section is
/// not there or the kind unknown. The builder's checks judge the rest.
pub fn add_field(form: &mut FormDefinition, new: &NewField) -> Option<()> {
    let section = form.page_index(new.section)?;
    let label = json!({ "vi": new.label_vi, "en": new.label_en });
    let mut field =
        json!({ "name": new.key, "label": label, "type": new.kind, "required": new.required });
    match new.kind {
        "select" | "radio" | "checkboxes" => {
            let options: Vec<Value> = new
                .options
                .iter()
                .filter(|line| !line.trim().is_empty())
                .map(|line| {
                    let mut parts = line.split('|').map(str::trim);
                    let value = parts.next().unwrap_or_default();
                    let vi = parts.next().unwrap_or(value);
                    let en = parts.next().unwrap_or(vi);
                    json!({ "value": value, "label": { "vi": vi, "en": en } })
                })
                .collect();
            field["options"] = Value::Array(options);
        }
        "group" => {
            field["item_label"] = label.clone();
            field["fields"] = json!([{ "name": "full_name", "type": "text", "required": true,
                "label": { "vi": "Họ, chữ đệm và tên", "en": "Full name" } }]);
        }
        "statement" => field["text"] = label.clone(),
        _ => {}
    }
    let field = serde_json::from_value(field).ok()?;
    if matches!(
        field,
        crate::eforms::Field {
            kind: FieldKind::Hidden { .. } | FieldKind::Calculated { .. },
            ..
        }
    ) {
        return None;
    }
    form.sections[section].fields.push(field);
    Some(())
}

/// The form a new one starts from: one page asking the applicant's name,
/// and the declaration.
pub fn blank_form() -> FormDefinition {
    serde_json::from_value(json!({ "sections": [
        { "title": { "vi": "Thông tin người nộp", "en": "Applicant" }, "fields": [
            { "name": "applicant_name", "type": "text", "required": true, "prefill": "full_name",
              "label": { "vi": "Họ, chữ đệm và tên", "en": "Full name" } } ] },
        { "title": { "vi": "Cam đoan", "en": "Declaration" }, "fields": [
            { "name": "oath", "type": "checkbox", "required": true, "declaration": true,
              "label": { "vi": "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật.",
                         "en": "I declare that the above is true and I am answerable to the law for it." } } ] }
    ] }))
    .expect("the blank form is a form")
}
