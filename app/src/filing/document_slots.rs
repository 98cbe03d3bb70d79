//! The required documents of a dossier, each with its upload (and, for the
//! citizen, "use from the wallet").
//!
//! On the filing page (`in_form`) they sit inside the filing form: each
//! "Tải lên" button posts the whole form (`formaction`, multipart), so the
//! server saves every answer typed so far before attaching the file and
//! comes back to the slot (`#tai-lieu-<slot>`) — without JavaScript as a
//! plain post, with it through the upload progress. Elsewhere (a dossier
//! awaiting a supplement) each slot has its own small form.

use super::{document_anchor, AttachedFile, DocumentSlot};
use crate::enhance::{UploadProgressEnhancer, PERCENT_PLACEHOLDER};
use crate::forms::field_id;
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

const ACCEPT: &str = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/// With JavaScript, uploads show their progress (`UploadProgressEnhancer`).
#[component]
pub fn DocumentSlots(
    upload_action: String,
    /// Where "use from the wallet" posts; `None` hides it.
    wallet_action: Option<String>,
    slots: Vec<DocumentSlot>,
    wallet: Vec<AttachedFile>,
    /// Inside the filing form: buttons post the whole form.
    #[prop(optional)]
    in_form: bool,
) -> impl IntoView {
    let t = use_texts();
    let f = &t.filing;
    let wallet = if wallet_action.is_some() {
        wallet
    } else {
        Vec::new()
    };
    let wallet_action = wallet_action.unwrap_or_default();
    view! {
        <section class="section" aria-labelledby="documents-heading">
            <h2 id="documents-heading">{f.documents_heading}</h2>
            <p class="hint">{f.documents_hint}</p>
            // Its own paragraph: two text nodes side by side would merge in
            // the browser and break hydration.
            {slots.iter().any(|slot| slot.provision == "eform").then(|| view! { <p class="hint">{f.eform_replaces_form}</p> })}
            <ol class="document-slots">
                {slots.into_iter().map(|slot| {
                    let need = (f.document_need)(slot.originals, slot.copies, slot.mandatory, slot.when_represented);
                    let upload = match slot.provision.as_str() {
                        "eform" => view! { <p class="document-slot__provision">{f.provided_by_eform}</p> }.into_any(),
                        "present" => view! { <p class="document-slot__provision">{f.presented_in_person}</p> }.into_any(),
                        _ if in_form => view! {
                            <SlotInForm slot_id=slot.id upload_action=upload_action.clone()
                                wallet_action=wallet_action.clone() wallet=wallet.clone()/>
                        }.into_any(),
                        _ => view! {
                            <SlotForms slot_id=slot.id upload_action=upload_action.clone()
                                wallet_action=wallet_action.clone() wallet=wallet.clone()/>
                        }.into_any(),
                    };
                    view! {
                        <li class="document-slot" id=document_anchor(slot.id) tabindex="-1">
                            <h3 class="document-slot__name">{slot.name.clone()}</h3>
                            <p class="hint">{need}</p>
                            {slot.template.clone().filter(|_| slot.provision == "upload").map(|template| view! {
                                <p class="document-slot__template">
                                    <span>{f.template_lead}</span>" "
                                    <a href=template.url rel="external" download="">{f.download_template}</a>
                                </p>
                            })}
                            {(!slot.files.is_empty()).then(|| view! {
                                <ul class="document-slot__files">
                                    {slot.files.iter().map(|file| view! {
                                        <li><a href=paths::file_download(file.id) rel="external">{file.name.clone()}</a>" ("{file.size.clone()}")"</li>
                                    }).collect_view()}
                                </ul>
                            })}
                            {upload}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <UploadProgressEnhancer uploading=(f.uploading)(PERCENT_PLACEHOLDER)/>
        </section>
    }
}

/// One slot's upload inside the filing form.
#[component]
fn SlotInForm(
    slot_id: i64,
    upload_action: String,
    wallet_action: String,
    wallet: Vec<AttachedFile>,
) -> impl IntoView {
    let slot = slot_id;
    let f = &use_texts().filing;
    let input_id = field_id(
        super::eform_fields::FORM_NAME,
        &format!("{}{slot}", super::DOCUMENT_FIELD_PREFIX),
    );
    view! {
        <div class="upload-form">
            <label class="label" for=input_id.clone()>{f.choose_file}</label>
            <input class="file-input" type="file" id=input_id name=format!("file_{slot}") accept=ACCEPT/>
            <button type="submit" class="button button--secondary" name="document" value=slot.to_string()
                formaction=upload_action formenctype="multipart/form-data">{f.upload}</button>
            <UploadProgress/>
        </div>
        {(!wallet.is_empty()).then(|| {
            let select_id = format!("wallet-{slot}");
            view! {
                <div class="upload-form">
                    <label class="label" for=select_id.clone()>{f.choose_from_wallet}</label>
                    <select class="select input--medium" id=select_id name=format!("wallet_{slot}")>
                        {wallet.iter().map(|file| view! {
                            <option value=file.id.to_string()>{format!("{} ({})", file.name, file.size)}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button button--secondary" name="document" value=slot.to_string()
                        formaction=wallet_action>{f.use_from_wallet}</button>
                </div>
            }
        })}
    }
}

/// One slot's upload as forms of its own (a dossier awaiting a supplement).
#[component]
fn SlotForms(
    slot_id: i64,
    upload_action: String,
    wallet_action: String,
    wallet: Vec<AttachedFile>,
) -> impl IntoView {
    let slot = slot_id;
    let f = &use_texts().filing;
    let input_id = field_id(
        super::eform_fields::FORM_NAME,
        &format!("{}{slot}", super::DOCUMENT_FIELD_PREFIX),
    );
    view! {
        <form method="post" action=upload_action enctype="multipart/form-data" class="upload-form">
            <input type="hidden" name="document" value=slot.to_string()/>
            <label class="label" for=input_id.clone()>{f.choose_file}</label>
            <input class="file-input" type="file" id=input_id name="file" accept=ACCEPT/>
            <button type="submit" class="button button--secondary">{f.upload}</button>
            <UploadProgress/>
        </form>
        {(!wallet.is_empty()).then(|| {
            let select_id = format!("wallet-{slot}");
            view! {
                <form method="post" action=wallet_action class="upload-form">
                    <input type="hidden" name="document" value=slot.to_string()/>
                    <label class="label" for=select_id.clone()>{f.choose_from_wallet}</label>
                    <select class="select input--medium" id=select_id name="file">
                        {wallet.iter().map(|file| view! {
                            <option value=file.id.to_string()>{format!("{} ({})", file.name, file.size)}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="button button--secondary">{f.use_from_wallet}</button>
                </form>
            }
        })}
    }
}

/// Where "Đang tải lên… 42%" appears while a file goes up (with JavaScript).
#[component]
fn UploadProgress() -> impl IntoView {
    view! { <div class="upload-progress" role="status" aria-live="polite"></div> }
}
