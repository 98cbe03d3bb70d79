use super::{level_label, Question, Rating, QUESTIONS};
use crate::forms::{ErrorSummary, FormFeedback};
use crate::i18n::{use_lang, use_texts};
use crate::paths;
use leptos::prelude::*;

/// The form's name in session feedback.
pub const FORM_NAME: &str = "rating";

/// The applicant's rating of a returned dossier: the form until they have
/// rated it, what they said afterwards.
#[component]
pub fn RatingSection(
    code: String,
    rating: Option<Rating>,
    feedback: FormFeedback,
) -> impl IntoView {
    let t = use_texts();
    let r = &t.ratings;
    let lang = use_lang();
    view! {
        <section class="section" aria-labelledby="danh-gia" id="rating">
            <h2 id="danh-gia">{r.heading}</h2>
            {match rating {
                Some(rating) => view! {
                    <p>{(r.rated_on)(&rating.on)}</p>
                    <dl class="summary-list">
                        {rating.answers.iter().map(|(question, level)| view! {
                            <div><dt>{question.label(lang)}</dt><dd>{level_label(*level, lang)}</dd></div>
                        }).collect_view()}
                        {rating.comment.clone().map(|comment| view! { <div><dt>{r.comment_label}</dt><dd>{comment}</dd></div> })}
                    </dl>
                }.into_any(),
                None => view! {
                    <ErrorSummary form=feedback.clone()/>
                    <p class="hint">{r.hint}</p>
                    <form method="post" action=paths::rate(&code) novalidate>
                        {QUESTIONS.into_iter().map(|question| {
                            let field = question.field();
                            let chosen = feedback.value(field);
                            let error = feedback.message_for(field);
                            let invalid = error.is_some();
                            let id = format!("{FORM_NAME}-{field}");
                            view! {
                                <div class=if invalid { "form-group form-group--error" } else { "form-group" } id=id.clone()>
                                    <fieldset class="fieldset" aria-invalid=invalid.then_some("true")>
                                        <legend class="label">{question.label(lang)}</legend>
                                        {error.map(|message| view! { <p class="error-message">{message}</p> })}
                                        <div class="radios">
                                            {(1..=5).rev().map(|level: i16| view! {
                                                <label class="radio">
                                                    <input type="radio" name=field value=level.to_string() checked=chosen == level.to_string()/>
                                                    " "{level_label(level, lang)}
                                                </label>
                                            }).collect_view()}
                                        </div>
                                    </fieldset>
                                </div>
                            }
                        }).collect_view()}
                        <div class="form-group">
                            <label class="label" for="rating-comment">{r.comment_label}</label>
                            <textarea class="textarea" id="rating-comment" name="comment" rows="3" maxlength="1000">{feedback.value("comment")}</textarea>
                        </div>
                        <button type="submit" class="button">{r.send}</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// The question a field name answers (for the server's messages).
pub fn question_of(field: &str) -> Option<Question> {
    QUESTIONS
        .into_iter()
        .find(|question| question.field() == field)
}
