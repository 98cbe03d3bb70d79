//! `/quan-tri/thu-tuc-moi`: adding a procedure a decision has announced.

use super::choice_select::ChoiceSelect;
use crate::administration::procedures::server_fns::load_new_procedure_options;
use crate::administration::procedures::{Choice, NewProcedureOptions};
use crate::forms::{ErrorSummary, TextField};
use crate::i18n::use_texts;
use crate::layout::{PageLoader, PageTitle};
use crate::paths;
use leptos::prelude::*;

/// The form name the server's handler answers to.
pub const NEW_PROCEDURE_FORM: &str = "new_procedure";

#[component]
pub fn NewProcedurePage() -> impl IntoView {
    let t = &use_texts().procedures_admin;
    let c = t.content;
    let data = Resource::new(|| (), |_| load_new_procedure_options());
    let choices = |pairs: &[(&str, &str)]| -> Vec<Choice> {
        pairs
            .iter()
            .map(|(value, label)| Choice {
                value: value.to_string(),
                label: label.to_string(),
            })
            .collect()
    };
    view! {
        <PageLoader resource=data title=c.new_procedure render={move |options: NewProcedureOptions, session| {
            let feedback = session.feedback.form_for(NEW_PROCEDURE_FORM);
            let mut agencies = vec![Choice { value: String::new(), label: "—".into() }];
            agencies.extend(options.agencies);
            view! {
                <p class="breadcrumb"><a href=paths::PROCEDURES_ADMIN>{t.title}</a></p>
                <PageTitle title=c.new_procedure lead=c.new_procedure_lead/>
                <ErrorSummary form=feedback.clone()/>
                <form method="post" action=paths::NEW_PROCEDURE novalidate="">
                    <TextField name="code" label=c.procedure_code hint=c.procedure_code_hint feedback=feedback.clone() required=true inputmode="decimal"/>
                    <TextField name="name" label=t.name feedback=feedback.clone() required=true/>
                    <ChoiceSelect name="sector" label=c.sector choices=options.sectors feedback=feedback.clone()/>
                    <ChoiceSelect name="level" label=c.level feedback=feedback.clone()
                        choices=choices(&[("province", c.level_province), ("commune", c.level_commune)])/>
                    <ChoiceSelect name="agency" label=c.agency hint=c.agency_hint choices=agencies feedback=feedback.clone()/>
                    <ChoiceSelect name="time_unit" label=t.time_unit feedback=feedback.clone()
                        choices=choices(&[("working_days", t.unit_working_days), ("working_hours", t.unit_working_hours), ("same_day", t.unit_same_day)])/>
                    <TextField name="time_value" label=t.time_value feedback=feedback.clone() required=true inputmode="numeric"/>
                    <ChoiceSelect name="online_level" label=t.online_level feedback=feedback.clone()
                        choices=choices(&[("full", t.level_full), ("partial", t.level_partial)])/>
                    <TextField name="result_type" label=t.result_type feedback=feedback.clone() required=true/>
                    <button type="submit" class="button">{c.create_button}</button>
                </form>
            }
        }}/>
    }
}
