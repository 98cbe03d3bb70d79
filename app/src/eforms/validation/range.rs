//! A date range: two dates, the second not before the first; kept as its
//! two parts and written out ("01/03/2026 – 15/03/2026") under the
//! field's own key.

use super::*;

impl Checked<'_> {
    pub(super) fn date_range(
        &mut self,
        field: &Field,
        key: &str,
        scope: &Scope,
        answers: &Answers,
        context: ValidationContext,
    ) {
        let e = &context.lang.texts().eforms;
        let name = self.name_of(field, scope, context.lang);
        let part = |which: &str| {
            let key = keys::range_part(key, which);
            let raw = answers.get(&key).map(String::as_str).unwrap_or("");
            (key, crate::text::normalize(raw.trim()))
        };
        let (from_key, from) = part("from");
        let (to_key, to) = part("to");
        if from.is_empty() && to.is_empty() && !field.required {
            return;
        }
        let mut read = |key: String, text: &str, which: &str| {
            let label = format!("{name} ({})", which.to_lowercase());
            if text.is_empty() {
                self.refuse(key, scope, (e.enter)(&lowercase_first(&label)));
                return None;
            }
            let date = parse_date(text);
            if date.is_none() {
                self.refuse(key, scope, (e.not_a_date)(&label));
            }
            date
        };
        let from_date = read(from_key.clone(), &from, e.range_from);
        let to_date = read(to_key.clone(), &to, e.range_to);
        let (Some(from_date), Some(to_date)) = (from_date, to_date) else {
            return;
        };
        if to_date < from_date {
            return self.refuse(to_key, scope, (e.range_backwards)(&name));
        }
        let (from, to) = (
            from_date.format(DAY).to_string(),
            to_date.format(DAY).to_string(),
        );
        self.clean.insert(key.to_string(), format!("{from} – {to}"));
        self.clean.insert(from_key, from);
        self.clean.insert(to_key, to);
    }
}
