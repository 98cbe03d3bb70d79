//! `/phan-anh/gui`: filing a field report in two steps, both plain forms.
//! Step 1 (a GET form) names the kind of problem and the place; step 2
//! shows the open reports of that kind nearby — follow one instead — and
//! takes the description, the photos and whether it may be public (a
//! multipart POST). A refused post comes back to step 2 with what was
//! typed; the photos must be chosen again (a browser never refills a file
//! input).

use crate::field_reports::server_fns::load_file_report;
use crate::field_reports::{FileReport, PlaceQuery, MAX_PHOTOS};
use crate::forms::{CheckboxField, ErrorSummary, FieldGroup, FormFeedback, HiddenField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::map_picker::MapPicker;
use super::report_parts::ReportCards;
use crate::enhance::map_picker::{LATITUDE_INPUT_ID, LONGITUDE_INPUT_ID};

/// The report form (step 2).
pub const FILE_REPORT_FORM: &str = "report_file";
/// The place form (step 1).
const PLACE_FORM: &str = "report_place";

#[component]
pub fn FileReportPage() -> impl IntoView {
    let t = &use_texts().field_reports;
    let query = use_query_map();
    // "Change the place" comes back to step 1 with the place filled in.
    let changing = move || query.with_untracked(|query| query.get("doi").is_some());
    let data = Resource::new(
        move || {
            let query = query.get();
            let get = |name: &str| query.get(name).unwrap_or_default();
            PlaceQuery {
                category: get("loai"),
                commune: get("xa"),
                street: get("dia-chi"),
                latitude: get("vi-do"),
                longitude: get("kinh-do"),
            }
        },
        load_file_report,
    );
    view! {
        <PageLoader resource=data title=t.file_title render={move |form: FileReport, session| {
            let mut place_feedback = FormFeedback::new(PLACE_FORM);
            for (field, error) in &form.place_errors {
                place_feedback.error(field, (t.place_error)(*error));
            }
            let report_feedback = session.feedback.form_for(FILE_REPORT_FORM);
            view! {
                <PageTitle title=t.file_title lead=t.file_lead/>
                {form.for_caller.then(|| view! { <p class="notice notice--info">{t.caller_lead}</p> })}
                {match form.chosen.clone() {
                    Some(_) if !changing() => view! { <DetailsStep form=form.clone() feedback=report_feedback/> }.into_any(),
                    _ => view! { <PlaceStep form=form.clone() feedback=place_feedback/> }.into_any(),
                }}
            }
        }}/>
    }
}

/// Step 1: the kind of problem and the place.
#[component]
fn PlaceStep(form: FileReport, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().field_reports;
    let place = form.place.clone();
    view! {
        <ErrorSummary form=feedback.clone()/>
        <h2>{t.step_place}</h2>
        <form method="get" action=paths::FILE_REPORT novalidate="">
            <FieldGroup name="category" label=t.category feedback=feedback.clone()>
                <select class="select" id="report-place-category" name="loai">
                    <option value="">{t.choose}</option>
                    {form.groups.iter().map(|group| view! {
                        <optgroup label=group.name.clone()>
                            {group.categories.iter().map(|category| view! {
                                <option value=category.code.clone() selected=category.code == place.category>{category.name.clone()}</option>
                            }).collect_view()}
                        </optgroup>
                    }).collect_view()}
                </select>
            </FieldGroup>
            <FieldGroup name="commune" label=t.commune feedback=feedback.clone()>
                <select class="select" id="report-place-commune" name="xa" autocomplete="address-level2">
                    <option value="">{t.choose}</option>
                    {form.communes.iter().map(|commune| view! {
                        <option value=commune.code.clone() selected=commune.code == place.commune>{commune.name.clone()}</option>
                    }).collect_view()}
                </select>
            </FieldGroup>
            <FieldGroup name="street" label=t.street hint=t.street_hint feedback=feedback.clone()>
                <input class="input" type="text" id="report-place-street" name="dia-chi" value=place.street.clone()
                    autocomplete="street-address" aria-describedby="report-place-street-hint"/>
            </FieldGroup>
            <fieldset class="fieldset">
                <legend class="label">{t.coordinates}</legend>
                <p class="hint" id="report-place-point-hint">{t.point_hint}</p>
                {form.map.clone().map(|map| view! { <MapPicker map/> })}
                <FieldGroup name="latitude" label=t.latitude feedback=feedback.clone()>
                    <input class="input input--short" type="text" inputmode="decimal" id=LATITUDE_INPUT_ID name="vi-do"
                        value=place.latitude.clone() aria-describedby="report-place-point-hint"/>
                </FieldGroup>
                <FieldGroup name="longitude" label=t.longitude feedback=feedback.clone()>
                    <input class="input input--short" type="text" inputmode="decimal" id=LONGITUDE_INPUT_ID name="kinh-do"
                        value=place.longitude.clone() aria-describedby="report-place-point-hint"/>
                </FieldGroup>
            </fieldset>
            <button type="submit" class="button">{t.next}</button>
        </form>
    }
}

/// Step 2: similar reports nearby, then the report itself.
#[component]
fn DetailsStep(form: FileReport, feedback: FormFeedback) -> impl IntoView {
    let t = &use_texts().field_reports;
    let Some(category) = form.chosen.clone() else {
        return ().into_any();
    };
    let place = form.place.clone();
    let commune = form
        .communes
        .iter()
        .find(|c| c.code == place.commune)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let change = format!(
        "{}?loai={}&xa={}&dia-chi={}&vi-do={}&kinh-do={}&doi=1",
        paths::FILE_REPORT,
        encode(&place.category),
        encode(&place.commune),
        encode(&place.street),
        encode(&place.latitude),
        encode(&place.longitude)
    );
    let caller_name = feedback.value("caller_name");
    let caller_phone = feedback.value("caller_phone");
    let counter = feedback.value("channel") == "counter";
    let description = feedback.value("description");
    let public = if feedback.values.is_empty() {
        category.public_by_default
    } else {
        feedback.values.contains_key("public")
    };
    let max_mb = 10;
    view! {
        <p class="hint">{category.name.clone()}" · "{place.street.clone()}" "{commune}" · "<a href=change>{t.change_place}</a></p>
        {(!form.nearby.is_empty()).then(|| view! {
            <section class="section" aria-labelledby="report-nearby">
                <h2 id="report-nearby">{t.nearby_heading}</h2>
                <p>{t.nearby_lead}</p>
                <ReportCards reports=form.nearby.clone() link=|code: &str| paths::report(code)/>
                <ul class="inline-list">
                    {form.nearby.iter().map(|card| view! {
                        <li>
                            <form method="post" action=paths::report_follow(&card.code) class="inline-form">
                                <button type="submit" class="button button--secondary" name="follow" value="1">
                                    {t.follow}" "<span class="visually-hidden">{card.code.clone()}</span>
                                </button>
                            </form>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        <h2>{t.step_details}</h2>
        <ErrorSummary form=feedback.clone()/>
        <form method="post" action=paths::FILE_REPORT enctype="multipart/form-data" novalidate="">
            <HiddenField name="category" value=place.category.clone()/>
            <HiddenField name="commune" value=place.commune.clone()/>
            <HiddenField name="street" value=place.street.clone()/>
            <HiddenField name="latitude" value=place.latitude.clone()/>
            <HiddenField name="longitude" value=place.longitude.clone()/>
            {form.for_caller.then(|| view! {
                <FieldGroup name="caller_name" label=t.caller_name feedback=feedback.clone()>
                    <input class="input" type="text" id="report-file-caller-name" name="caller_name" value=caller_name.clone()/>
                </FieldGroup>
                <FieldGroup name="caller_phone" label=t.caller_phone feedback=feedback.clone()>
                    <input class="input" type="tel" id="report-file-caller-phone" name="caller_phone" value=caller_phone.clone()/>
                </FieldGroup>
                <FieldGroup name="channel" label=t.channel feedback=feedback.clone()>
                    <select class="select" id="report-file-channel" name="channel">
                        <option value="hotline" selected=!counter>{t.channel_hotline}</option>
                        <option value="counter" selected=counter>{t.channel_counter}</option>
                    </select>
                </FieldGroup>
            })}
            <FieldGroup name="description" label=t.description hint=t.description_hint feedback=feedback.clone()>
                <textarea class="textarea" id="report-file-description" name="description" rows="6"
                    aria-describedby="report-file-description-hint">{description}</textarea>
            </FieldGroup>
            <FieldGroup name="photo" label=t.photos feedback=feedback.clone()>
                <p class="hint" id="report-file-photo-hint">
                    {(t.photos_hint)(MAX_PHOTOS, max_mb)}
                    {category.photo_required.then(|| view! { " "{t.photo_required} })}
                </p>
                <input class="file-input" type="file" id="report-file-photo" name="photo" multiple
                    accept="image/jpeg,image/png,image/heic,image/heif,.heic,.heif" aria-describedby="report-file-photo-hint"/>
            </FieldGroup>
            <CheckboxField name="public" label=t.public.to_string() hint=t.public_hint checked=public id="report-file-public"/>
            <button type="submit" class="button">{t.send}</button>
        </form>
    }
    .into_any()
}

/// A value for the query string.
fn encode(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect()
}
