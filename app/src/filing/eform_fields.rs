//! Renders an e-form definition as accessible HTML controls, with the
//! answers given so far and the messages of a refused post.

use super::address_field::AddressField;
use super::choice_fields::ChoiceField;
use super::date_range_field::DateRangeField;
use super::file_field::FileField;
use super::form_text::FormText;
use super::group_field::GroupField;
use super::model::AddressChoices;
use crate::eforms::logic::Action;
use crate::eforms::{Answers, Field, FieldKind, FormDefinition};
use crate::forms::{field_id, FieldError};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;

/// The form name used in field ids (`filing-child-name`).
pub const FORM_NAME: &str = "filing";

/// The messages of a refused post, shown next to their fields. With
/// JavaScript, `crate::enhance::FilingFormEnhancer` changes them in place as
/// the citizen leaves each field (`<p class="error-message" id="…-error">`,
/// the markup rendered here).
#[derive(Clone, Copy)]
pub struct ShownErrors(pub RwSignal<Vec<FieldError>>);

impl ShownErrors {
    /// The first message for any of `keys`.
    pub fn for_keys(self, keys: Vec<String>) -> Memo<Option<String>> {
        Memo::new(move |_| {
            self.0.with(|errors| {
                errors
                    .iter()
                    .find(|error| keys.contains(&error.field))
                    .map(|error| error.message.clone())
            })
        })
    }
}

/// The questions answered from a verified identity (read-only), given by
/// the filing page.
#[derive(Clone, Debug, Default)]
pub struct VerifiedFields(pub Vec<String>);

/// Which of the form's fields to render: the questions, in their sections,
/// or the declaration (cam đoan), which the filing page asks last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EformPart {
    #[default]
    Questions,
    Declaration,
}

#[component]
pub fn EformFields(
    form: FormDefinition,
    answers: Answers,
    errors: Vec<FieldError>,
    places: AddressChoices,
    #[prop(optional)] part: EformPart,
    /// The sections to show the questions of (a paged form's one page, or
    /// none); all when not given. The declaration is always shown.
    #[prop(default = None)]
    sections: Option<Vec<usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let shown =
        use_context::<ShownErrors>().unwrap_or_else(|| ShownErrors(RwSignal::new(errors.clone())));
    let wanted = move |field: &&Field| field.declaration == (part == EformPart::Declaration);
    form.sections
        .iter()
        .enumerate()
        .filter(|(index, _)| {
            part == EformPart::Declaration
                || sections.as_ref().is_none_or(|shown| shown.contains(index))
        })
        .map(|(_, section)| section)
        .filter(|section| !section.exit && section.fields.iter().any(|field| wanted(&field)))
        .map(|section| {
            let title = match part {
                EformPart::Questions => section.title.get(lang).to_string(),
                EformPart::Declaration => lang.texts().filing_check.declaration_heading.to_string(),
            };
            let fields = section
                .fields
                .iter()
                .filter(wanted)
                .map(|field| {
                    let condition = condition_hint(&form, field, lang);
                    let control = any_field(
                        field.clone(),
                        field.name.clone(),
                        &answers,
                        shown,
                        condition,
                        &places,
                    );
                    // Every field is shown, conditional ones with their "Chỉ điền
                    // khi …" hint; with JavaScript the enhancer hides those whose
                    // condition the answers do not meet (`data-field`).
                    view! { <div class="eform-field" data-field=field.name.clone()>{control}</div> }
                })
                .collect_view();
            view! {
                <fieldset class="fieldset eform-section">
                    <legend class="eform-section__title">{title}</legend>
                    {fields}
                </fieldset>
            }
        })
        .collect_view()
}

/// The control of any kind of field answering under `key`.
pub(super) fn any_field(
    field: Field,
    key: String,
    answers: &Answers,
    shown: ShownErrors,
    condition: Option<String>,
    places: &AddressChoices,
) -> AnyView {
    match &field.kind {
        FieldKind::Address => view! {
            <AddressField field key answers=answers.clone() shown condition places=places.clone()/>
        }
        .into_any(),
        FieldKind::Group { .. } => view! {
            <GroupField field key answers=answers.clone() shown condition places=places.clone()/>
        }
        .into_any(),
        FieldKind::DateRange => view! {
            <DateRangeField field key answers=answers.clone() shown condition/>
        }
        .into_any(),
        FieldKind::YesNo | FieldKind::Checkboxes { .. } => {
            let value = answers.get(&key).cloned().unwrap_or_default();
            view! { <ChoiceField field key value shown condition/> }.into_any()
        }
        FieldKind::Hidden { .. } => ().into_any(),
        FieldKind::File { .. } => view! { <FileField field key shown condition/> }.into_any(),
        kind if !kind.asks() => {
            let value = answers.get(&key).cloned().unwrap_or_default();
            view! { <FormText field key value/> }.into_any()
        }
        _ => {
            let value = answers.get(&key).cloned().unwrap_or_default();
            view! { <EformField field key value shown condition/> }.into_any()
        }
    }
}

/// "Only when “Có thông tin người cha” is “Có”": shown under conditional
/// fields so the form reads right without JavaScript; a field a rule
/// shows gets the general "only when an answer above calls for it".
fn condition_hint(form: &FormDefinition, field: &Field, lang: Lang) -> Option<String> {
    let shown_by_rule = form
        .rules
        .iter()
        .chain(form.sections.iter().flat_map(|section| &section.rules))
        .flat_map(|rule| &rule.then)
        .any(|action| matches!(action, Action::Show { field: name } if *name == field.name));
    let Some(condition) = field.visible_when.as_ref() else {
        return shown_by_rule.then(|| lang.texts().eforms.only_when_rule.to_string());
    };
    let Some((name, equals)) = condition.as_equality() else {
        return Some(lang.texts().eforms.only_when_rule.to_string());
    };
    let other = form.field(name)?;
    let answer = match &other.kind {
        FieldKind::Select { options } | FieldKind::Radio { options } => options
            .iter()
            .find(|choice| choice.value == equals)
            .map(|choice| choice.label.get(lang).to_string())
            .unwrap_or(equals),
        FieldKind::YesNo => match equals.as_str() {
            "yes" => lang.texts().eforms.yes.to_string(),
            "no" => lang.texts().eforms.no.to_string(),
            _ => equals,
        },
        _ => equals,
    };
    let label = other.label.get(lang);
    Some((lang.texts().eforms.only_when)(label, &answer))
}

/// A field's label with "(không bắt buộc)" when it may be left empty.
pub(super) fn label_of(field: &Field, lang: Lang) -> String {
    let optional = lang.texts().eforms.optional_suffix;
    format!(
        "{}{}",
        field.label.get(lang),
        if field.required { "" } else { optional }
    )
}

/// The hint under a label: the field's help, how to write a date, then
/// the field's condition.
pub(super) fn hint_of(field: &Field, condition: Option<String>, lang: Lang) -> String {
    let example = match field.kind {
        FieldKind::Date { .. } | FieldKind::DateRange => Some(lang.texts().eforms.date_example),
        FieldKind::Time => Some(lang.texts().eforms.time_example),
        _ => None,
    }
    .map(str::to_string);
    [
        field.help.as_ref().map(|help| help.get(lang).to_string()),
        example,
        condition,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
}

#[component]
fn EformField(
    field: Field,
    key: String,
    value: String,
    shown: ShownErrors,
    condition: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let error = shown.for_keys(vec![key.clone()]);
    let id = field_id(FORM_NAME, &key);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let verified = use_context::<VerifiedFields>().is_some_and(|fields| fields.0.contains(&key));
    let mut hint = hint_of(&field, condition, lang);
    if verified {
        hint = [hint.as_str(), lang.texts().eforms.verified_hint]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
    }
    // The hint, and the message while there is one (it comes and goes as
    // the citizen types): never an id that is not on the page.
    let described_by = {
        let (hint_id, error_id, has_hint) = (hint_id.clone(), error_id.clone(), !hint.is_empty());
        Memo::new(move |_| {
            let ids = [
                has_hint.then(|| hint_id.clone()),
                error.get().map(|_| error_id.clone()),
            ];
            let ids: Vec<String> = ids.into_iter().flatten().collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        })
    };
    let described_by = move || described_by.get();
    let invalid = move || error.get().is_some().then_some("true");
    let label = label_of(&field, lang);
    let group_class = move || {
        if error.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    let hint_view =
        (!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id.clone()>{hint.clone()}</p> });
    let error_view = move || {
        error
            .get()
            .map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })
    };
    let name = key.clone();
    let control = match &field.kind {
        FieldKind::LongText { .. } => view! {
            <textarea class="textarea" id=id.clone() name=name rows="5" aria-describedby=described_by aria-invalid=invalid>{value}</textarea>
        }
        .into_any(),
        FieldKind::Select { options } => {
            let choose = lang.texts().eforms.choose_placeholder;
            view! {
                <select class="select" id=id.clone() name=name aria-describedby=described_by aria-invalid=invalid>
                    <option value="">{choose}</option>
                    {options.iter().map(|choice| view! {
                        <option value=choice.value.clone() selected=choice.value == value>{choice.label.get(lang).to_string()}</option>
                    }).collect_view()}
                </select>
            }
            .into_any()
        }
        FieldKind::Radio { options } => {
            return view! {
                <div class=group_class>
                    <fieldset class="fieldset" id=id.clone() aria-describedby=described_by>
                        <legend class="label">{label}</legend>
                        {hint_view}
                        {error_view}
                        {options.iter().enumerate().map(|(index, choice)| {
                            let option_id = format!("{id}-{index}");
                            view! {
                                <div class="radio">
                                    <input class="radio__input" type="radio" id=option_id.clone() name=name.clone()
                                        value=choice.value.clone() checked=choice.value == value/>
                                    <label class="radio__label" for=option_id>{choice.label.get(lang).to_string()}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                </div>
            }
            .into_any();
        }
        FieldKind::Checkbox => {
            return view! {
                <div class=group_class>
                    {error_view}
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id=id.clone() name=name value="on"
                            checked=value == "on" aria-describedby=described_by aria-invalid=invalid/>
                        <label class="checkbox__label" for=id.clone()>{label}</label>
                    </div>
                    {hint_view}
                </div>
            }
            .into_any();
        }
        kind => {
            let (input_type, inputmode, autocomplete) = match kind {
                FieldKind::Email => ("email", None, Some("email")),
                FieldKind::Phone => ("tel", None, Some("tel")),
                FieldKind::Number { .. } | FieldKind::Money { .. } | FieldKind::CitizenId | FieldKind::TaxCode => ("text", Some("numeric"), None),
                FieldKind::Decimal { .. } => ("text", Some("decimal"), None),
                FieldKind::Time => ("text", Some("numeric"), None),
                FieldKind::Date { .. } => ("text", Some("numeric"), None),
                _ => ("text", None, None),
            };
            let wide = matches!(kind, FieldKind::Text { max_length: Some(max), .. } if *max > 60);
            view! {
                <input class=if wide { "input" } else { "input input--medium" } id=id.clone() name=name type=input_type
                    value=value inputmode=inputmode autocomplete=autocomplete readonly=verified
                    aria-describedby=described_by aria-invalid=invalid/>
            }
            .into_any()
        }
    };
    view! {
        <div class=group_class>
            <label class="label" for=id>{label}</label>
            {hint_view}
            {error_view}
            {control}
        </div>
    }
    .into_any()
}
