//! The slip an action issues, in the action's transaction: at acceptance
//! slip 01 (numbered in the one-stop unit's register, rendered and
//! stored); for slips 02, 03 and 05 a number in the one-stop unit's
//! register, for slip 04 one in the processing agency's (its leader signs
//! it); each is rendered, signed when its issuer has a certificate, and
//! stored. A rolled-back action gives its number back.

use super::core::{Halt, Step};
use crate::dossiers::receipt::issue::issue as issue_receipt;
use crate::dossiers::registers::{self, Form};
use app::dossiers::notice_slips::NoticeKind;
use app::dossiers::Action;

pub(super) async fn issue(step: &mut Step<'_>, history_id: i64) -> Result<(), Halt> {
    let action = step.request.action;
    if action == Action::Accept {
        issue_receipt(step.tx, step.state, step.request.code, history_id).await?;
        return Ok(());
    }
    let Some(kind) = NoticeKind::of(action) else {
        return Ok(());
    };
    let form = Form::of_notice(kind);
    // Slip 04 is the agency's whose step the dossier is at (the processing
    // agency, which may not be the receiving one); the others the
    // receiving agency's one-stop unit's.
    let body = match form {
        Form::Apology => registers::agency_body(step.tx, step.dossier.handling_agency_id).await?,
        _ => registers::one_stop_body(step.tx, step.dossier.agency_id).await?,
    };
    let number = registers::next_number(step.tx, &body, form, step.now).await?;
    let reference = body.reference(form, number);
    let (pdf, signed_by) = crate::dossiers::notice_slip::render_issued(
        step.tx,
        step.state,
        step.request.code,
        history_id,
        &reference,
    )
    .await?;
    let issued = registers::Issued {
        dossier_id: step.dossier.id,
        history_id,
        form,
        body: &body,
        number,
        at: step.now,
        pdf: Some(&pdf),
        signed_by: signed_by.as_deref(),
    };
    registers::record(step.tx, &issued).await?;
    Ok(())
}
