//! A form's file question on the filing page: the files held for it, each
//! with a remove button, and a file input with its "Tải lên" button. Both
//! buttons post the whole filing form (multipart, `formaction`), so what was
//! typed is saved first, as for the procedure's documents; without
//! JavaScript they are plain posts. The builder's preview shows the input
//! only: files go up when a dossier is filed.

use super::eform_fields::{hint_of, label_of, ShownErrors, FORM_NAME};
use super::model::AnswerFile;
use crate::eforms::{Field, FieldKind, FileType};
use crate::forms::field_id;
use crate::i18n::use_lang;
use crate::paths;
use leptos::prelude::*;

/// The file part of a file question is named `{ANSWER_FILE_PREFIX}{key}`.
pub const ANSWER_FILE_PREFIX: &str = "answerfile_";
/// The upload button's name (its value: the question's key).
pub const UPLOAD_ANSWER_FILE: &str = "answer_file";
/// The remove button's name (its value: `{key}:{file id}`).
pub const REMOVE_ANSWER_FILE: &str = "remove_answer_file";

/// Between the names of a question's files in its answer.
pub const NAME_SEPARATOR: &str = "; ";

/// What the filing page gives its file questions.
#[derive(Clone, Debug)]
pub struct FileQuestions {
    /// Where uploads and removals post.
    pub action: String,
    pub files: Vec<AnswerFile>,
}

#[component]
pub fn FileField(
    field: Field,
    key: String,
    shown: ShownErrors,
    condition: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let e = &lang.texts().eforms;
    let FieldKind::File {
        accept,
        max_files,
        max_mb,
    } = &field.kind
    else {
        return ().into_any();
    };
    let questions = use_context::<FileQuestions>();
    let held: Vec<AnswerFile> = questions
        .as_ref()
        .map(|questions| {
            questions
                .files
                .iter()
                .filter(|held| held.field == key)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let error = shown.for_keys(vec![key.clone()]);
    let id = field_id(FORM_NAME, &key);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let kinds = FileType::taken(accept)
        .iter()
        .map(|kind| kind.name())
        .collect::<Vec<_>>()
        .join(", ");
    let limits = (e.file_hint)(&kinds, *max_files, max_mb.unwrap_or(0));
    let hint = [hint_of(&field, condition, lang), limits]
        .into_iter()
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let group_class = move || {
        if error.get().is_some() {
            "form-group form-group--error"
        } else {
            "form-group"
        }
    };
    // What the rules in the browser read for the question (the server
    // ignores it and reads its own record).
    let names = held
        .iter()
        .map(|held| held.file.name.as_str())
        .collect::<Vec<_>>()
        .join(NAME_SEPARATOR);
    let full = held.len() >= *max_files;
    let several = *max_files > 1;
    let action = questions.map(|questions| questions.action);
    let upload = match &action {
        Some(action) if !full => view! {
            <button type="submit" class="button button--secondary" name=UPLOAD_ANSWER_FILE value=key.clone()
                formaction=action.clone() formenctype="multipart/form-data">{e.file_upload}</button>
        }
        .into_any(),
        Some(_) => ().into_any(),
        None => view! { <p class="hint">{e.file_only_when_filing}</p> }.into_any(),
    };
    view! {
        <div class=group_class id=format!("{id}-question") tabindex="-1">
            <label class="label" for=id.clone()>{label_of(&field, lang)}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {move || error.get().map(|message| view! { <p class="error-message" id=error_id.clone()>{message}</p> })}
            {(!held.is_empty()).then(|| view! {
                <input type="hidden" name=key.clone() value=names/>
                <ul class="document-slot__files">
                    {held.iter().map(|held| view! {
                        <li>
                            <a href=paths::file_download(held.file.id) rel="external">{held.file.name.clone()}</a>
                            " (" {held.file.size.clone()} ") "
                            {action.clone().map(|action| view! {
                                <button type="submit" class="button button--link" name=REMOVE_ANSWER_FILE
                                    value=format!("{key}:{}", held.file.id) formaction=action formenctype="multipart/form-data">
                                    {(e.file_remove)(&held.file.name)}
                                </button>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {(!full).then(|| view! {
                <div class="upload-form">
                    <input class="file-input" type="file" id=id.clone() name=format!("{ANSWER_FILE_PREFIX}{key}")
                        accept=FileType::accept_list(accept) multiple=several
                        aria-describedby=described_by/>
                    {upload}
                    <div class="upload-progress" role="status" aria-live="polite"></div>
                </div>
            })}
        </div>
    }
    .into_any()
}
