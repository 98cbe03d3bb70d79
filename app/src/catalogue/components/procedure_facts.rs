use super::LevelBadge;
use crate::catalogue::model::ProcedureDetail;
use crate::i18n::{use_lang, use_texts};
use leptos::prelude::*;

/// The key facts of a procedure as a description list: code, sector, agency,
/// online level, processing time and the cut-off rule.
#[component]
pub fn ProcedureFacts(procedure: ProcedureDetail) -> impl IntoView {
    let t = use_texts();
    let sector = use_lang().name(procedure.sector_name, procedure.sector_name_en);
    let online = procedure
        .channels
        .contains(&crate::dossiers::Channel::Online);
    let channels = procedure
        .channels
        .iter()
        .map(|channel| (t.procedures_admin.channel_name)(channel.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <dl class="facts">
            <div class="facts__row">
                <dt>{t.procedure_code}</dt>
                <dd class="code">{procedure.code}</dd>
            </div>
            <div class="facts__row">
                <dt>{t.sector}</dt>
                <dd>{sector}</dd>
            </div>
            <div class="facts__row">
                <dt>{t.implementing_agency}</dt>
                <dd>{procedure.implementing_agency}" ("{procedure.agency_level.label(t)}")"</dd>
            </div>
            <div class="facts__row">
                <dt>{t.procedures_admin.channels}</dt>
                <dd>{channels}</dd>
            </div>
            {online.then(|| view! {
                <div class="facts__row">
                    <dt>{t.online_level}</dt>
                    <dd>
                        <LevelBadge level=procedure.online_level/>
                        " "{procedure.online_level.hint(t)}
                    </dd>
                </div>
            })}
            <div class="facts__row">
                <dt>{t.processing_time}</dt>
                <dd>
                    {procedure.processing_time.label(t)}
                    {procedure.cutoff.map(|time| view! { <br/><span class="hint">{(t.cutoff_rule)(&time)}</span> })}
                </dd>
            </div>
            <div class="facts__row">
                <dt>{t.result_type}</dt>
                <dd>{procedure.result_type}</dd>
            </div>
        </dl>
    }
}
