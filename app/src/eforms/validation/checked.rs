//! The walk over a form's fields and group items, keeping clean answers
//! and errors.

use super::*;

pub(super) struct Checked<'e> {
    /// What the form's logic makes of the answers: what is asked, required.
    pub(super) evaluation: &'e Evaluation,
    pub(super) clean: Answers,
    pub(super) errors: Vec<FieldError>,
    /// Fields whose label is shared, by name: the label with its section.
    pub(super) names: BTreeMap<String, String>,
}

impl Checked<'_> {
    pub(super) fn refuse(&mut self, key: String, scope: &Scope, message: String) {
        self.errors.push(FieldError {
            field: key,
            message: format!("{}{message}", scope.prefix()),
        });
    }

    /// Refuses `field`'s answer with a message that names the field, so it
    /// reads right in the error summary, away from the field.
    fn refuse_named(
        &mut self,
        field: &Field,
        key: String,
        scope: &Scope,
        message: String,
        lang: Lang,
    ) {
        let name = self.name_of(field, scope, lang);
        self.refuse(key, scope, naming(&name, message));
    }

    /// What messages call `field`: its label, with its section's title
    /// when another field of the form has the same label.
    pub(super) fn name_of(&self, field: &Field, scope: &Scope, lang: Lang) -> String {
        match (scope, self.names.get(&field.name)) {
            (Scope::Form, Some(name)) => name.clone(),
            _ => field.label.get(lang).to_string(),
        }
    }

    pub(super) fn field(
        &mut self,
        field: &Field,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let key = scope.key(&field.name);
        if !self.evaluation.shows(&key) {
            return;
        }
        // A rule may make an optional field required.
        let required;
        let field = if !field.required && self.evaluation.requires(&key) {
            required = Field {
                required: true,
                ..field.clone()
            };
            &required
        } else {
            field
        };
        match &field.kind {
            FieldKind::Address => self.address(field, &key, scope, answers, context),
            FieldKind::DateRange => self.date_range(field, &key, scope, answers, context),
            FieldKind::Group {
                fields,
                item_label,
                min_items,
                max_items,
                ..
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
                let name = self.name_of(field, scope, context.lang);
                match check(field, &name, &value, scope, answers, context) {
                    Ok(Some(kept)) => {
                        self.clean.insert(key, kept);
                    }
                    Ok(None) => {}
                    Err(message) => self.refuse_named(field, key, scope, message, context.lang),
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
        let label = lowercase_first(&self.name_of(field, scope, context.lang));
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
                return self.refuse_named(
                    field,
                    province_key,
                    scope,
                    (e.choose_province)(&label),
                    context.lang,
                );
            }
            Some(book) => match book.province(&province) {
                Some(name) => Some(name.to_string()),
                None => {
                    let message = e.province_not_listed.to_string();
                    return self.refuse_named(field, province_key, scope, message, context.lang);
                }
            },
            None => None,
        };
        let commune_name = match context.places {
            _ if commune.is_empty() => {
                self.refuse_named(
                    field,
                    commune_key.clone(),
                    scope,
                    (e.choose_commune)(&label),
                    context.lang,
                );
                None
            }
            Some(book) => match book.commune_of(&province, &commune) {
                Some(name) => Some(name.to_string()),
                None => {
                    let province_name = province_name.clone().unwrap_or_default();
                    let message = (e.commune_not_in_province)(&province_name);
                    self.refuse_named(field, commune_key.clone(), scope, message, context.lang);
                    None
                }
            },
            None => None,
        };
        let street_length = street.chars().count();
        if street.is_empty() {
            self.refuse_named(
                field,
                street_key.clone(),
                scope,
                (e.enter_street)(&label),
                context.lang,
            );
        } else if street_length > STREET_MAX {
            let message = (e.street_too_long)(STREET_MAX, street_length);
            self.refuse_named(field, street_key.clone(), scope, message, context.lang);
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
