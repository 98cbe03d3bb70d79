//! `POST /quan-tri/tu-ngu-tim-kiem`: adds an everyday phrase and what it
//! means (`action=add_synonym`), or a question word (`action=add_filler`),
//! or removes one (`remove_synonym=<key>`, `remove_filler=<word>`).
//! Province administrators only; every change is audited. Both lists are
//! keyed by their search key, so "sổ đỏ" and "so do" are one phrase, and a
//! phrase added twice at the same moment is added once (the primary key
//! decides, not a check that could race).

use super::procedures::catalogue_keeper;
use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::administration::pages::{NEW_FILLER_FORM, NEW_SYNONYM_FORM};
use app::administration::search_words::{check_filler, check_synonym, WordsRefusal};
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use app::text::normalize;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

pub async fn change(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    user: SignedIn,
    form: Posted,
) -> HandlerResult {
    let admin = catalogue_keeper(&state, &user, &asker).await?;
    let t = &asker.lang.texts().search_words;
    let back = paths::SEARCH_WORDS_ADMIN;
    let mut tx = state.pool.begin().await?;
    let (done, detail) = if !form.get("remove_synonym").is_empty() {
        let removed = sqlx::query!(
            "DELETE FROM search_synonyms WHERE phrase = $1 RETURNING typed, means",
            form.get("remove_synonym")
        )
        .fetch_optional(&mut *tx)
        .await?;
        match removed {
            Some(row) => (
                (t.removed)(&row.typed),
                json!({ "removed": { "phrase": row.typed, "means": row.means } }),
            ),
            None => return Ok(see_other(back)),
        }
    } else if !form.get("remove_filler").is_empty() {
        let removed = sqlx::query_scalar!(
            "DELETE FROM search_filler_words WHERE word = $1 RETURNING word",
            form.get("remove_filler")
        )
        .fetch_optional(&mut *tx)
        .await?;
        match removed {
            Some(word) => ((t.removed)(&word), json!({ "removed": { "filler": word } })),
            None => return Ok(see_other(back)),
        }
    } else if form.get("action") == "add_synonym" {
        let mut kept = FormFeedback::new(NEW_SYNONYM_FORM);
        let phrase = normalize(&form.kept_text(&mut kept, "phrase"));
        let means = normalize(&form.kept_text(&mut kept, "means"));
        let mut refusals = check_synonym(&phrase, &means);
        if refusals.is_empty() {
            let added = sqlx::query_scalar!(
                "INSERT INTO search_synonyms (phrase, typed, means) VALUES (search_key($1), $1, $2)
                 ON CONFLICT (phrase) DO NOTHING RETURNING phrase",
                phrase,
                means
            )
            .fetch_optional(&mut *tx)
            .await?;
            if added.is_none() {
                refusals.push(("phrase", WordsRefusal::Taken));
            }
        }
        if !refusals.is_empty() {
            for (field, refusal) in refusals {
                kept.error(field, (t.refusal)(refusal));
            }
            feedback::form(&session, kept).await;
            return Ok(see_other(back));
        }
        (
            (t.added)(&phrase),
            json!({ "added": { "phrase": phrase, "means": means } }),
        )
    } else if form.get("action") == "add_filler" {
        let mut kept = FormFeedback::new(NEW_FILLER_FORM);
        let word = normalize(&form.kept_text(&mut kept, "word"));
        let mut refusal = check_filler(&word);
        if refusal.is_none() {
            let added = sqlx::query_scalar!(
                "INSERT INTO search_filler_words (word) VALUES (search_key($1))
                 ON CONFLICT (word) DO NOTHING RETURNING word",
                word
            )
            .fetch_optional(&mut *tx)
            .await?;
            if added.is_none() {
                refusal = Some(WordsRefusal::Taken);
            }
        }
        if let Some(refusal) = refusal {
            kept.error("word", (t.refusal)(refusal));
            feedback::form(&session, kept).await;
            return Ok(see_other(back));
        }
        ((t.added)(&word), json!({ "added": { "filler": word } }))
    } else {
        return Ok(see_other(back));
    };
    audit::record(
        &mut *tx,
        Some(admin),
        AuditAction::SearchWordsChanged,
        detail,
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, done).await;
    Ok(see_other(back))
}
