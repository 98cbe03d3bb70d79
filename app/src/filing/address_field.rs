//! An address: province, then a commune of that province, then the street.
//! With JavaScript the commune list follows the province at once
//! (`crate::enhance::FilingFormEnhancer`, which also hides the button);
//! without it, "Hiện danh sách xã/phường" saves the draft and comes back
//! with the chosen province's communes.

use super::eform_fields::{hint_of, label_of, ShownErrors, VerifiedFields, FORM_NAME};
use super::model::AddressChoices;
use crate::eforms::keys::{address_part, ADDRESS_PARTS};
use crate::eforms::{Answers, Field, Place};
use crate::forms::field_id;
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

#[component]
pub fn AddressField(
    field: Field,
    key: String,
    answers: Answers,
    shown: ShownErrors,
    condition: Option<String>,
    places: AddressChoices,
) -> impl IntoView {
    let lang = use_lang();
    let f = &use_texts().filing;
    let part_key = |part: &str| address_part(&key, part);
    let value = |part: &str| answers.get(&part_key(part)).cloned().unwrap_or_default();
    let (province, commune, street) = (value("province"), value("commune"), value("street"));
    let error = shown.for_keys(ADDRESS_PARTS.iter().map(|part| part_key(part)).collect());
    let part_error = |part: &str| shown.for_keys(vec![part_key(part)]);
    let (province_error, commune_error, street_error) = (
        part_error("province"),
        part_error("commune"),
        part_error("street"),
    );

    let id = field_id(FORM_NAME, &key);
    let ids = |part: &str| field_id(FORM_NAME, &part_key(part));
    let (province_id, commune_id, street_id) = (ids("province"), ids("commune"), ids("street"));
    let hint = hint_of(&field, condition, lang);
    let hint_id = format!("{id}-hint");
    let hint_view =
        (!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> });
    let described_by = (!hint.is_empty()).then(|| hint_id.clone());

    let communes = places.communes.get(&province).cloned().unwrap_or_default();
    // The id the enhancer finds it by, as for any field's message.
    let message = |memo: Memo<Option<String>>, control_id: &str| {
        let error_id = format!("{control_id}-error");
        move || {
            memo.get()
                .map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })
        }
    };
    let invalid = |memo: Memo<Option<String>>| move || memo.get().is_some().then_some("true");
    let group_class = move || {
        if error.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let provinces = places.provinces.clone();
    let verified = use_context::<VerifiedFields>()
        .is_some_and(|fields| fields.0.contains(&part_key("commune")));
    if verified {
        // From the verified identity: written out, carried as it is.
        let name_of = |places: &[Place], code: &str| {
            places
                .iter()
                .find(|place| place.code == code)
                .map_or_else(|| code.to_string(), |place| place.name.clone())
        };
        let written = [
            street.clone(),
            name_of(&communes, &commune),
            name_of(&provinces, &province),
        ]
        .join(", ");
        let hint = [hint.as_str(), lang.texts().eforms.verified_hint]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let described = hint_id.clone();
        return view! {
            <div class="form-group">
                <fieldset class="fieldset eform-address" id=id aria-describedby=described>
                    <legend class="label">{label_of(&field, lang)}</legend>
                    <p class="hint" id=hint_id>{hint}</p>
                    <p class="eform-address__verified">{written}</p>
                    <input type="hidden" name=part_key("province") value=province/>
                    <input type="hidden" name=part_key("commune") value=commune/>
                    <input type="hidden" name=part_key("street") value=street/>
                </fieldset>
            </div>
        }
        .into_any();
    }
    view! {
        <div class=group_class>
            <fieldset class="fieldset eform-address" id=id aria-describedby=described_by>
                <legend class="label">{label_of(&field, lang)}</legend>
                {hint_view}
                <div class="eform-address__part">
                    <label class="label label--small" for=province_id.clone()>{f.address_province}</label>
                    {message(province_error, &province_id)}
                    <select class="select" id=province_id name=part_key("province")
                        autocomplete="address-level1" aria-invalid=invalid(province_error)>
                        <option value="">{f.choose_province}</option>
                        {provinces.iter().map(|place| view! {
                            <option value=place.code.clone() selected=place.code == province>{place.name.clone()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button button--secondary button--small eform-address__refresh"
                        name="action" value=format!("communes:{key}")>{f.show_communes}</button>
                </div>
                <div class="eform-address__part">
                    <label class="label label--small" for=commune_id.clone()>{f.address_commune}</label>
                    {message(commune_error, &commune_id)}
                    <select class="select" id=commune_id name=part_key("commune") aria-invalid=invalid(commune_error)>
                        {communes_options(communes, commune, f)}
                    </select>
                </div>
                <div class="eform-address__part">
                    <label class="label label--small" for=street_id.clone()>{f.address_street}</label>
                    {message(street_error, &street_id)}
                    <input class="input" id=street_id name=part_key("street") type="text" value=street
                        autocomplete="address-line1" aria-invalid=invalid(street_error)/>
                </div>
            </fieldset>
        </div>
    }
    .into_any()
}

fn communes_options(
    communes: Vec<Place>,
    chosen: String,
    f: &'static crate::i18n::FilingTexts,
) -> impl IntoView {
    let first = if communes.is_empty() {
        f.choose_province_first
    } else {
        f.choose_commune
    };
    view! {
        <option value="">{first}</option>
        {communes.into_iter().map(|place| {
            let selected = place.code == chosen;
            view! { <option value=place.code selected=selected>{place.name}</option> }
        }).collect_view()}
    }
}
