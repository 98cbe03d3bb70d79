//! Trả kết quả: `action=return&delivery=online|counter` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer of the dossier's agency. When: result ready →
//! returned, final. Rule: the dossier's fee is paid. Effect: the result goes
//! online into the applicant's wallet, or is handed over at the counter —
//! unsaid, as the procedure is offered (toàn trình online, một phần at the
//! counter, where the officer records who collected it); the applicant is
//! asked to rate the service.

use super::core::{Halt, Step};
use super::Outcome;
use app::accounts::identity::CitizenId;
use app::i18n::Lang;

pub(super) async fn effect(step: &mut Step<'_>) -> Result<(), Halt> {
    // One read: whether the fee is settled, and how the procedure is offered.
    let terms = sqlx::query!(
        r#"SELECT v.online_level,
                  d.fee_total > 0 AND NOT EXISTS (SELECT 1 FROM payments p
                      WHERE p.dossier_id = d.id AND p.status = 'paid') AS "unpaid!"
           FROM dossiers d JOIN procedure_versions v ON v.id = d.procedure_version_id
           WHERE d.id = $1"#,
        step.dossier.id
    )
    .fetch_one(&mut *step.tx)
    .await?;
    if terms.unpaid {
        return Err(Outcome::FeeUnpaid.into());
    }
    let chosen = match (
        step.request.delivery.as_deref(),
        terms.online_level.as_str(),
    ) {
        (Some("online"), _) => "online",
        (Some("counter"), _) | (_, "partial") => "counter",
        _ => "online",
    };
    if chosen == "counter" {
        record_collector(step).await?;
    }
    step.change.delivery = Some(chosen);
    Ok(())
}

/// At the counter the officer writes down who took the result and, if
/// shown, their identity number; the history (and so slip 06 and both
/// dossier pages) says it.
async fn record_collector(step: &mut Step<'_>) -> Result<(), Halt> {
    let collector = &step.request.collector;
    let name = collector
        .name
        .as_deref()
        .map(|name| app::text::normalize(name.trim()))
        .filter(|name| !name.is_empty() && name.chars().count() <= 100)
        .ok_or(Outcome::CollectorMissing)?;
    let citizen_id = match collector.citizen_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(typed) => Some(
            CitizenId::parse(typed)
                .map_err(|_| Outcome::CollectorIdInvalid)?
                .as_str()
                .to_string(),
        ),
    };
    sqlx::query!(
        "UPDATE dossiers SET collected_by_name = $2, collected_by_citizen_id = $3, collected_at = $4
         WHERE id = $1",
        step.dossier.id,
        name,
        citizen_id,
        step.now as _,
    )
    .execute(&mut *step.tx)
    .await?;
    let identity = citizen_id.map(|id| match step.request.lang {
        Lang::Vi => format!(" (số định danh {id})"),
        Lang::En => format!(" (identity number {id})"),
    });
    let said = match step.request.lang {
        Lang::Vi => format!(
            "Đã trao kết quả trực tiếp tại bộ phận một cửa cho {name}{}.",
            identity.unwrap_or_default()
        ),
        Lang::En => format!(
            "The result was handed over at the one-stop desk to {name}{}.",
            identity.unwrap_or_default()
        ),
    };
    step.change.note = Some(match step.change.note.take() {
        Some(note) => format!("{said} {note}"),
        None => said,
    });
    Ok(())
}

pub(super) async fn notify(step: &mut Step<'_>) -> anyhow::Result<()> {
    let about = step.applicant().await?;
    let (code, procedure) = (&about.code, &about.procedure);
    let base = &step.state.config.public_base_url;
    let title = format!("Đã trả kết quả hồ sơ {code}");
    let body = format!(
        "Kết quả giải quyết hồ sơ “{procedure}” đã được trả. Bạn có thể tải kết quả tại trang hồ sơ.\nMời bạn đánh giá mức độ hài lòng: {base}/ho-so/{code}#rating"
    );
    step.tell_applicant(&about, title, body).await
}
