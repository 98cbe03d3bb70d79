//! The rule editor, from what a designer fills in: the rule it makes is
//! the one the evaluator reads (it fires on the answers it names), a group
//! rule acts per item, routes stay on pages, and the rule reads back in
//! words with the questions' and choices' labels.

use super::rule_editing::*;
use super::rule_words::describe;
use crate::eforms::{evaluate, FormDefinition};
use crate::i18n::Lang;
use chrono::NaiveDate;
use serde_json::json;

fn household() -> FormDefinition {
    serde_json::from_value(json!({ "sections": [
        { "key": "nguoi-nop", "title": { "vi": "Người nộp", "en": "Applicant" }, "fields": [
            { "name": "relationship", "label": { "vi": "Quan hệ", "en": "Relationship" }, "type": "radio",
              "options": [ { "value": "father", "label": { "vi": "Cha", "en": "Father" } },
                           { "value": "other", "label": { "vi": "Khác", "en": "Other" } } ] },
            { "name": "father_name", "label": { "vi": "Họ tên cha", "en": "Father's name" }, "type": "text" },
            { "name": "members", "label": { "vi": "Thành viên", "en": "Members" }, "type": "group",
              "item_label": { "vi": "Người", "en": "Person" }, "fields": [
                { "name": "birth_date", "label": { "vi": "Ngày sinh", "en": "Birth date" }, "type": "date" },
                { "name": "guardian", "label": { "vi": "Người giám hộ", "en": "Guardian" }, "type": "text" } ] } ] },
        { "key": "cuoi", "title": { "vi": "Hoàn tất", "en": "Finish" }, "fields": [
            { "name": "note", "label": { "vi": "Ghi chú", "en": "Note" }, "type": "text" } ] }
    ] }))
    .unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

use crate::eforms::answers_from as answers;

#[test]
fn a_rule_from_the_editor_fires_on_the_answers_it_names() {
    let mut form = household();
    let new = NewRule {
        place: "form",
        combine: "all",
        rows: vec![
            ConditionRow {
                field: "relationship",
                op: "eq",
                value: "father",
            },
            ConditionRow::default(),
        ],
        action: "show",
        target: "father_name",
        ..Default::default()
    };
    add_rule(&mut form, &new).unwrap();
    assert_eq!(super::check_design(&form), vec![]);
    let father = evaluate(&form, &answers(&[("relationship", "father")]), today());
    let other = evaluate(&form, &answers(&[("relationship", "other")]), today());
    assert!(father.shows("father_name"));
    assert!(!other.shows("father_name"));
    assert_eq!(
        describe(&form.rules[0], &form, Lang::Vi),
        "Khi “Quan hệ” = Cha: hiện “Họ tên cha”"
    );
}

#[test]
fn a_group_rule_on_age_acts_on_each_item_alone() {
    let mut form = household();
    let new = NewRule {
        place: "group:members",
        rows: vec![ConditionRow {
            field: "birth_date",
            op: "age_lt",
            value: "14",
        }],
        action: "require",
        target: "guardian",
        ..Default::default()
    };
    add_rule(&mut form, &new).unwrap();
    let family = answers(&[
        ("members.items", "2"),
        ("members.0.birth_date", "01/01/1990"),
        ("members.1.birth_date", "01/01/2020"),
    ]);
    let judged = evaluate(&form, &family, today());
    assert!(judged.required.contains("members.1.guardian"));
    assert!(!judged.required.contains("members.0.guardian"));
    let (place, _, rule) = all_rules(&form).pop().unwrap();
    assert_eq!(place, RulePlace::Group("members".into()));
    assert_eq!(
        describe(rule, &form, Lang::En),
        "When the age from “Birth date” < 14: require “Guardian”"
    );
}

#[test]
fn conditions_combine_and_routes_stay_on_pages() {
    let mut form = household();
    let either = NewRule {
        place: "page:nguoi-nop",
        combine: "any",
        rows: vec![
            ConditionRow {
                field: "relationship",
                op: "in",
                value: "father, other",
            },
            ConditionRow {
                field: "father_name",
                op: "filled",
                value: "",
            },
        ],
        action: "skip_to",
        target: "cuoi",
        ..Default::default()
    };
    add_rule(&mut form, &either).unwrap();
    assert_eq!(super::check_design(&form), vec![]);
    assert_eq!(
        describe(&form.sections[0].rules[0], &form, Lang::Vi),
        "Khi “Quan hệ” thuộc Cha, Khác hoặc “Họ tên cha” đã điền: chuyển tới trang “Hoàn tất”"
    );
    let on_form = NewRule {
        place: "form",
        ..either.clone()
    };
    assert_eq!(
        add_rule(&mut form, &on_form),
        Err(RuleRefusal::RouteOutsidePage)
    );
}

#[test]
fn an_incomplete_editor_says_what_is_missing() {
    let mut form = household();
    let base = NewRule {
        place: "form",
        rows: vec![ConditionRow {
            field: "relationship",
            op: "eq",
            value: "father",
        }],
        action: "prevent",
        ..Default::default()
    };
    assert_eq!(add_rule(&mut form, &base), Err(RuleRefusal::NoMessage));
    let no_row = NewRule {
        rows: vec![ConditionRow::default()],
        ..base.clone()
    };
    assert_eq!(add_rule(&mut form, &no_row), Err(RuleRefusal::NoCondition));
    let no_value = NewRule {
        rows: vec![ConditionRow {
            field: "relationship",
            op: "eq",
            value: " ",
        }],
        ..base.clone()
    };
    assert_eq!(add_rule(&mut form, &no_value), Err(RuleRefusal::NoValue));
    let no_place = NewRule {
        place: "page:khong-co",
        message_vi: "Không",
        message_en: "No",
        ..base.clone()
    };
    assert_eq!(
        add_rule(&mut form, &no_place),
        Err(RuleRefusal::UnknownPlace)
    );
    assert!(form.rules.is_empty(), "nothing half-added");
    assert!(!remove_rule(&mut form, &RulePlace::Form, 0));
}
