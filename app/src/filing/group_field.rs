//! A repeatable group: the same fields for each item, with "Thêm …" and
//! "Xóa … 2" buttons. The buttons are submit buttons: the server saves the
//! draft with one item more or less and comes back to it, so they work the
//! same with and without JavaScript, and nothing typed is lost.

use super::eform_fields::{any_field, hint_of, label_of, ShownErrors, FORM_NAME};
use super::model::AddressChoices;
use crate::eforms::keys::{group_item_key, group_items_key, group_len, GroupChange};
use crate::eforms::{Answers, Field, FieldKind};
use crate::forms::field_id;
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

#[component]
pub fn GroupField(
    field: Field,
    key: String,
    answers: Answers,
    shown: ShownErrors,
    condition: Option<String>,
    places: AddressChoices,
) -> impl IntoView {
    let lang = use_lang();
    let f = &use_texts().filing;
    let FieldKind::Group {
        fields,
        item_label,
        min_items,
        max_items,
        ..
    } = &field.kind
    else {
        return ().into_any();
    };
    let max_items = (*max_items).max(*min_items);
    let count = group_len(&answers, &key, *min_items, max_items);
    let item_label = item_label.get(lang).to_string();
    let id = field_id(FORM_NAME, &key);
    let hint = hint_of(&field, condition, lang);
    let items = (0..count)
        .map(|index| {
            let item_id = field_id(FORM_NAME, &format!("{key}.{index}"));
            let controls = fields
                .iter()
                .filter(|inner| !matches!(inner.kind, FieldKind::Group { .. }))
                .map(|inner| {
                    let inner_key = group_item_key(&key, index, &inner.name);
                    let control =
                        any_field(inner.clone(), inner_key.clone(), &answers, shown, None, &places);
                    // The item's own rules show and hide its fields one by
                    // one; the enhancer finds each by its key.
                    view! { <div class="eform-field" data-field=inner_key>{control}</div> }
                })
                .collect_view();
            let remove = (count > *min_items).then(|| {
                view! {
                    <button type="submit" class="button button--secondary button--small" name="action"
                        value=GroupChange::remove_value(&key, index)>{(f.remove_item)(&item_label, index + 1)}</button>
                }
            });
            view! {
                <fieldset class="fieldset eform-item" id=item_id>
                    <legend class="eform-item__title">{format!("{item_label} {}", index + 1)}</legend>
                    {controls}
                    {remove}
                </fieldset>
            }
        })
        .collect_view();
    let add = (count < max_items).then(|| {
        view! {
            <button type="submit" class="button button--secondary" name="action"
                value=GroupChange::add_value(&key)>{(f.add_item)(&item_label)}</button>
        }
    });
    view! {
        <div class="form-group eform-group">
            <fieldset class="fieldset" id=id>
                <legend class="label">{label_of(&field, lang)}</legend>
                {(!hint.is_empty()).then(|| view! { <p class="hint">{hint.clone()}</p> })}
                <input type="hidden" name=group_items_key(&key) value=count.to_string()/>
                {items}
                {add}
            </fieldset>
        </div>
    }
    .into_any()
}
