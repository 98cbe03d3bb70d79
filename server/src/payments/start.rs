//! `POST /ho-so/{code}/thanh-toan`: the applicant starts paying what their
//! dossier owes. A payment with a fresh reference and the exact amount is
//! stored as pending, earlier unfinished attempts are given up, and the
//! browser goes to the gateway. Nothing here marks anything paid.

use super::gateway::Checkout;
use crate::access::extractors::SignedIn;
use crate::access::feedback;
use crate::access::refusals;
use crate::errors::HandlerResult;
use crate::forms::{see_other, Asker};
use crate::state::AppState;
use app::access::policy::{self, DossierOwnership};
use app::deadlines::vietnam_local;
use app::forms::NoticeTone;
use app::i18n::Lang;
use app::money::Vnd;
use app::paths;
use axum::extract::{Path, State};
use chrono::TimeDelta;
use rand::distributions::{Alphanumeric, DistString};
use tower_sessions::Session;

#[tracing::instrument(skip_all, fields(dossier = %code, user_id = user.id, action = "start_payment"))]
pub async fn start(
    State(state): State<AppState>,
    session: Session,
    asker: Asker,
    SignedIn(user): SignedIn,
    Path(code): Path<String>,
) -> HandlerResult {
    let back = paths::dossier(&code);
    let dossier = sqlx::query!(
        r#"SELECT d.id, d.status, d.fee_total, d.applicant_id, d.agency_id, d.handling_agency_id, d.assignee_id,
                  EXISTS (SELECT 1 FROM payments p WHERE p.dossier_id = d.id
                          AND p.status IN ('paid', 'refund_due', 'refunded')) AS "paid!"
           FROM dossiers d WHERE d.code = $1"#,
        code,
    )
    .fetch_optional(&state.pool)
    .await?;
    let Some(dossier) = dossier else {
        return Ok(see_other(&paths::dossiers()));
    };
    let ownership = DossierOwnership {
        applicant_id: dossier.applicant_id,
        agency_id: dossier.agency_id,
        handling_agency_id: dossier.handling_agency_id,
        assignee_id: dossier.assignee_id,
    };
    if !policy::may_follow_as_applicant(&user, &ownership) {
        // Exactly what a missing dossier answers, audited.
        let object = format!("dossier {code}");
        return Ok(refusals::mark(see_other(&paths::dossiers()), object));
    }
    let open =
        app::dossiers::DossierStatus::parse(&dossier.status).is_some_and(|status| status.is_open());
    let refusal = match (dossier.paid, dossier.fee_total > 0, open) {
        (true, _, _) => Some(words(asker.lang).already_paid),
        (_, false, _) => Some(words(asker.lang).nothing_owed),
        (_, _, false) => Some(words(asker.lang).closed),
        _ => None,
    };
    if let Some(refusal) = refusal {
        feedback::notice(&session, NoticeTone::Error, refusal).await;
        return Ok(see_other(&back));
    }

    let gateway = super::configured_gateway(&state);
    let now = state.clock.now();
    let expiry = TimeDelta::minutes(state.config.payments.expiry_minutes);
    let reference = format!(
        "MC{}{}",
        vietnam_local(now).format("%y%m%d"),
        Alphanumeric
            .sample_string(&mut rand::rngs::OsRng, 12)
            .to_uppercase()
    );
    let stored = async {
        let mut tx = state.pool.begin().await?;
        // One attempt at a time: an abandoned one is given up (if its money
        // arrives after all, settlement still counts it).
        sqlx::query!(
            "UPDATE payments SET status = 'expired' WHERE dossier_id = $1 AND status = 'pending'",
            dossier.id
        )
        .execute(&mut *tx)
        .await?;
        sqlx::query!(
            "INSERT INTO payments (reference, dossier_id, gateway, method, amount_vnd, status, created_at, expires_at)
             VALUES ($1, $2, $3, 'online', $4, 'pending', $5, $6)",
            reference,
            dossier.id,
            gateway.name(),
            dossier.fee_total,
            now as _,
            (now + expiry) as _,
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
    .await;
    stored?;
    let checkout = Checkout {
        reference: reference.clone(),
        amount: Vnd(dossier.fee_total),
        // Gateways want the order's description without diacritics.
        description: format!("Thanh toan phi, le phi ho so {code}"),
        return_url: format!("{}/thanh-toan/{reference}", state.config.public_base_url),
        client_ip: asker
            .ip
            .map(|ip| ip.to_string())
            .unwrap_or_else(|| "127.0.0.1".into()),
        created_at: vietnam_local(now),
        expires_at: vietnam_local(now + expiry),
    };
    Ok(see_other(&gateway.checkout_url(&checkout)))
}

struct Words {
    already_paid: &'static str,
    nothing_owed: &'static str,
    closed: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Vi => Words {
            already_paid: "Hồ sơ này đã được thanh toán.",
            nothing_owed: "Hồ sơ này không phải nộp phí, lệ phí.",
            closed: "Hồ sơ đã kết thúc nên không thể thanh toán.",
        },
        Lang::En => Words {
            already_paid: "This dossier is already paid for.",
            nothing_owed: "This dossier owes no fee.",
            closed: "The dossier is closed, so it can no longer be paid for.",
        },
    }
}
