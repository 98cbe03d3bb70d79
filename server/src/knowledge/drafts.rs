//! Reading the editor's form into a draft, and the checks a draft must
//! pass to be kept: lengths and dates (`check_content`), references that
//! exist, and an answering agency the editor writes for. A refused draft
//! comes back as typed.

use super::store::{self, Locked};
use crate::access::extractors::SignedIn;
use crate::forms::Posted;
use app::forms::FormFeedback;
use app::i18n::KnowledgeTexts;
use app::knowledge::admin_store::may_edit;
use app::knowledge::article::{check_content, procedure_codes};
use app::knowledge::pages::ARTICLE_EDIT_FORM;
use app::knowledge::{ArticleContent, ArticleRefusal, Audience, ChangeKind};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

/// Saves the posted draft; the form to come back with when refused.
pub async fn save(
    tx: &mut PgConnection,
    article: &Locked,
    user: &SignedIn,
    form: &Posted,
    t: &KnowledgeTexts,
    now: DateTime<Utc>,
) -> anyhow::Result<Result<(), FormFeedback>> {
    let mut kept = FormFeedback::new(ARTICLE_EDIT_FORM);
    let agency = form.kept_text(&mut kept, "agency");
    let sector = form.kept_text(&mut kept, "sector");
    let until = form.kept_text(&mut kept, "valid_until");
    let audience = form.kept_text(&mut kept, "audience");
    let content = ArticleContent {
        question: form.kept_text(&mut kept, "question"),
        // The answer keeps its lines: markdown needs them.
        answer: {
            let answer = form.get("answer").replace("\r\n", "\n").trim().to_string();
            kept.keep("answer", &answer);
            answer
        },
        agency: (!agency.is_empty()).then_some(agency),
        sector: (!sector.is_empty()).then_some(sector),
        procedures: procedure_codes(&form.kept_text(&mut kept, "procedures")),
        legal_references: form.kept_lines(&mut kept, "legal_references"),
        audience: Audience::parse(&audience).unwrap_or_default(),
        valid_until: NaiveDate::parse_from_str(&until, "%Y-%m-%d").ok(),
    };
    let today = app::deadlines::vietnam_local(now).date();
    let mut refused = check_content(&content, today);
    if !until.is_empty() && content.valid_until.is_none() {
        refused.push(("valid_until", ArticleRefusal::Missing));
    }
    let agency_id = match store::resolve(tx, &content).await? {
        Ok(resolved) => Some(resolved.agency_id),
        Err(more) => {
            refused.extend(more);
            None
        }
    };
    if let Some(agency_id) = agency_id {
        if !may_edit(&mut *tx, &user.0, agency_id).await? {
            refused.push(("agency", ArticleRefusal::UnknownAgency));
        }
    }
    if !refused.is_empty() {
        for (field, refusal) in refused {
            kept.error(field, (t.refusal)(refusal));
        }
        return Ok(Err(kept));
    }
    store::save_draft(
        tx,
        article.id,
        &content,
        agency_id.flatten(),
        Some(user.0.id),
        now,
        ChangeKind::Saved,
    )
    .await?;
    Ok(Ok(()))
}
