//! Trả kết quả: `action=return&delivery=online|counter` on
//! `POST /can-bo/ho-so/{code}/thao-tac`.
//!
//! Who: a reception officer of the dossier's agency. When: result ready →
//! returned, final. Rule: the dossier's fee is paid. Effect: the result goes
//! online into the applicant's wallet, or is handed over at the counter —
//! unsaid, as the procedure is offered (toàn trình online, một phần at the
//! counter); the applicant is asked to rate the service.

use super::core::{Halt, Step};
use super::Outcome;
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
    if chosen == "counter" && step.change.note.is_none() {
        step.change.note = Some(match step.request.lang {
            Lang::Vi => "Đã trao kết quả trực tiếp tại bộ phận một cửa.".to_string(),
            Lang::En => "The result was handed over at the one-stop desk.".to_string(),
        });
    }
    step.change.delivery = Some(chosen);
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
