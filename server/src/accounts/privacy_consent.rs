//! `POST /quyen-rieng-tu/dong-y`: a signed-in citizen agrees to the privacy
//! notice in force (the box ticked), and goes back where it was asked —
//! the filing page, usually. Recorded with the notice's version, the time
//! and where it was asked.

use crate::access::audit::{self, AuditAction};
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker, Posted};
use crate::state::AppState;
use app::access::{safe_return_path, AccountKind};
use app::accounts::pages::CONSENT_FORM;
use app::accounts::privacy::store;
use app::forms::{FormFeedback, NoticeTone};
use app::paths;
use axum::extract::State;
use serde_json::json;
use tower_sessions::Session;

pub async fn agree(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    form: Posted,
) -> HandlerResult {
    let t = &asker.lang.texts().privacy;
    let next = form.get("tiep");
    if user.kind != AccountKind::Citizen {
        return Ok(see_other(paths::PRIVACY_NOTICE));
    }
    if form.get("privacy_consent") != "on" {
        let mut refused = FormFeedback::new(CONSENT_FORM);
        refused.error("privacy_consent", t.consent_required);
        feedback::form(&session, refused).await;
        let back = if next.is_empty() {
            paths::privacy_notice()
        } else {
            format!(
                "{}?{}",
                paths::PRIVACY_NOTICE,
                form_urlencoded::Serializer::new(String::new())
                    .append_pair("tiep", &next)
                    .finish()
            )
        };
        return Ok(see_other(&back));
    }
    let place = if next.starts_with("/nop-ho-so/") {
        "filing"
    } else {
        "notice_page"
    };
    let mut tx = state.pool.begin().await?;
    store::record(&mut *tx, user.id, place, asker.ip).await?;
    audit::record(
        &mut *tx,
        Some(user.id),
        AuditAction::PrivacyConsentGiven,
        json!({ "place": place }),
        asker.ip,
    )
    .await?;
    tx.commit().await?;
    feedback::notice(&session, NoticeTone::Success, t.consented).await;
    Ok(see_other(&safe_return_path(&next, paths::PRIVACY_NOTICE)))
}
