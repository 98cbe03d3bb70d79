use crate::filing::AttachedFile;
use crate::i18n::use_texts;
use crate::paths;
use leptos::prelude::*;

/// For the assigned specialist: the draft result attached so far, and a
/// form to attach their own PDF (a plain multipart post).
#[component]
pub fn DraftResult(code: String, result: Option<AttachedFile>) -> impl IntoView {
    let b = &use_texts().back_office;
    view! {
        <div class="action-group">
            <h3 class="action-group__title">{b.draft_result_heading}</h3>
            {match result {
                Some(file) => view! {
                    <p><a href=paths::file_view(file.id) rel="external noopener" target="_blank">{format!("{} ({})", file.name, file.size)}</a></p>
                }.into_any(),
                None => view! { <p class="hint">{b.draft_result_generated}</p> }.into_any(),
            }}
            <form method="post" action=paths::office_result_upload(&code) enctype="multipart/form-data">
                <div class="form-group">
                    <label class="label" for="draft-result-file">{b.draft_result_label}</label>
                    <input class="file-input" type="file" id="draft-result-file" name="file" accept="application/pdf,.pdf"/>
                </div>
                <button type="submit" class="button button--secondary">{b.draft_result_button}</button>
            </form>
        </div>
    }
}
