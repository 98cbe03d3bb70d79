//! The rule editor's changes to a draft (posted to the outline's address):
//! `add_rule` builds a rule from the editor's rows, `remove_rule:<place>:<index>`
//! takes one out. A rule the editor's rows do not make, or that brings the
//! builder's checks a problem of its own (a page that is not later, an
//! exit to a page that is not an exit page), is refused with the reason
//! and the rows come back as typed.

use crate::forms::Posted;
use app::administration::pages::FORM_RULES_FORM;
use app::eforms::design::rule_editing::{add_rule, remove_rule, ConditionRow, NewRule, RulePlace};
use app::eforms::design::{check_design, DesignProblem};
use app::eforms::FormDefinition;
use app::forms::FormFeedback;
use app::i18n::Lang;

/// What a rule change did.
pub(super) enum RuleChange {
    /// Not a rule change.
    None,
    /// Done: the draft is to be saved, with this notice.
    Changed(&'static str),
    /// Refused: the editor comes back with these messages and values.
    Refused(FormFeedback),
}

/// Applies the rule change `action` names to `definition`.
pub(super) fn apply(
    action: &str,
    posted: &Posted,
    definition: &mut FormDefinition,
    lang: Lang,
) -> RuleChange {
    let t = &lang.texts().form_rules;
    if let Some(rest) = action.strip_prefix("remove_rule:") {
        let removed = rest.rsplit_once(':').and_then(|(place, index)| {
            let place = RulePlace::parse(place)?;
            let index = index.parse().ok()?;
            remove_rule(definition, &place, index).then_some(())
        });
        return match removed {
            Some(()) => RuleChange::Changed(t.removed),
            None => RuleChange::None,
        };
    }
    if action != "add_rule" {
        return RuleChange::None;
    }
    let mut kept = FormFeedback::new(FORM_RULES_FORM);
    let mut text = |name: &str| posted.kept_text(&mut kept, name);
    let values: Vec<String> = [
        "place",
        "combine",
        "field_1",
        "op_1",
        "value_1",
        "field_2",
        "op_2",
        "value_2",
        "field_3",
        "op_3",
        "value_3",
        "rule_action",
        "target",
        "set_value",
        "message_vi",
        "message_en",
    ]
    .iter()
    .map(|name| text(name))
    .collect();
    let row = |at: usize| ConditionRow {
        field: &values[at],
        op: &values[at + 1],
        value: &values[at + 2],
    };
    let new = NewRule {
        place: &values[0],
        combine: &values[1],
        rows: vec![row(2), row(5), row(8)],
        action: &values[11],
        target: &values[12],
        value: &values[13],
        message_vi: &values[14],
        message_en: &values[15],
    };
    let before = check_design(definition);
    if let Err(refusal) = add_rule(definition, &new) {
        kept.error(refused_field(refusal), (t.refusal)(refusal).to_string());
        return RuleChange::Refused(kept);
    }
    let fresh: Vec<DesignProblem> = check_design(definition)
        .into_iter()
        .filter(|problem| !before.contains(problem))
        .collect();
    if fresh.is_empty() {
        return RuleChange::Changed(t.added);
    }
    let problem = lang.texts().forms_admin.problem;
    for fresh in &fresh {
        kept.error("target", problem(fresh));
    }
    RuleChange::Refused(kept)
}

/// The editor's field a refusal is about, for the error summary's link.
fn refused_field(refusal: app::eforms::design::rule_editing::RuleRefusal) -> &'static str {
    use app::eforms::design::rule_editing::RuleRefusal;
    match refusal {
        RuleRefusal::NoCondition => "field_1",
        RuleRefusal::NoValue => "value_1",
        RuleRefusal::UnknownOperator => "op_1",
        RuleRefusal::UnknownAction => "rule_action",
        RuleRefusal::NoTarget | RuleRefusal::RouteOutsidePage => "target",
        RuleRefusal::NoMessage => "message_vi",
        RuleRefusal::UnknownPlace => "place",
    }
}
