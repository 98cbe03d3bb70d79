//! The walk over a form's fields and group items, keeping clean answers
//! and errors.

use super::*;

#[derive(Default)]
pub(super) struct Checked {
    pub(super) clean: Answers,
    pub(super) errors: Vec<FieldError>,
}

impl Checked {
    pub(super) fn refuse(&mut self, key: String, scope: &Scope, message: String) {
        self.errors.push(FieldError {
            field: key,
            message: format!("{}{message}", scope.prefix()),
        });
    }

    pub(super) fn field(
        &mut self,
        field: &Field,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let key = scope.key(&field.name);
        match &field.kind {
            FieldKind::Address => self.address(field, &key, scope, answers, context),
            FieldKind::Group {
                fields,
                item_label,
                min_items,
                max_items,
            } => {
                let count =
                    keys::group_len(answers, &key, *min_items, (*max_items).max(*min_items));
                self.clean
                    .insert(keys::group_items_key(&key), count.to_string());
                for index in 0..count {
                    let item = Scope::Item {
                        group: &key,
                        siblings: fields,
                        index,
                        prefix: format!("{} {}: ", item_label.get(context.lang), index + 1),
                    };
                    for inner in fields {
                        if !matches!(inner.kind, FieldKind::Group { .. }) {
                            self.field(inner, &item, answers, context);
                        }
                    }
                }
            }
            _ => {
                let raw = answers.get(&key).map(String::as_str).unwrap_or("");
                let value = crate::text::normalize(raw.trim());
                match check(field, &value, scope, answers, context) {
                    Ok(Some(kept)) => {
                        self.clean.insert(key, kept);
                    }
                    Ok(None) => {}
                    Err(message) => self.refuse(key, scope, message),
                }
            }
        }
    }

    /// Province, then a commune of that province, then the street; with the
    /// server's book the codes must be real and belong together, and the
    /// whole address is kept written out under the field's own key.
    pub(super) fn address(
        &mut self,
        field: &Field,
        key: &str,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let e = &context.lang.texts().eforms;
        let label = lowercase_first(field.label.get(context.lang));
        let part = |name: &str| {
            let raw = answers
                .get(&keys::address_part(key, name))
                .map(String::as_str)
                .unwrap_or("");
            crate::text::normalize(raw.trim())
        };
        let (province, commune, street) = (part("province"), part("commune"), part("street"));
        if province.is_empty() && commune.is_empty() && street.is_empty() && !field.required {
            return;
        }
        let province_key = keys::address_part(key, "province");
        let commune_key = keys::address_part(key, "commune");
        let street_key = keys::address_part(key, "street");
        let province_name = match context.places {
            _ if province.is_empty() => {
                return self.refuse(province_key, scope, (e.choose_province)(&label));
            }
            Some(book) => match book.province(&province) {
                Some(name) => Some(name.to_string()),
                None => {
                    let message = e.province_not_listed.to_string();
                    return self.refuse(province_key, scope, message);
                }
            },
            None => None,
        };
        let commune_name = match context.places {
            _ if commune.is_empty() => {
                self.refuse(commune_key.clone(), scope, (e.choose_commune)(&label));
                None
            }
            Some(book) => match book.commune_of(&province, &commune) {
                Some(name) => Some(name.to_string()),
                None => {
                    let province_name = province_name.clone().unwrap_or_default();
                    let message = (e.commune_not_in_province)(&province_name);
                    self.refuse(commune_key.clone(), scope, message);
                    None
                }
            },
            None => None,
        };
        let street_length = street.chars().count();
        if street.is_empty() {
            self.refuse(street_key.clone(), scope, (e.enter_street)(&label));
        } else if street_length > STREET_MAX {
            let message = (e.street_too_long)(STREET_MAX, street_length);
            self.refuse(street_key.clone(), scope, message);
        }
        if let (Some(province_name), Some(commune_name)) = (province_name, commune_name) {
            self.clean.insert(
                key.to_string(),
                written_address(&street, &commune_name, &province_name),
            );
        }
        self.clean.insert(province_key, province);
        self.clean.insert(commune_key, commune);
        self.clean.insert(street_key, street);
    }
}

/// The longest house-number-and-street part of an address.
pub(super) const STREET_MAX: usize = 200;
