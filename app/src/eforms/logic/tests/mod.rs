//! The logic as the form designer's guide states it: a field shown by a
//! rule is asked only while the rule fires; a hidden field's answer is not
//! kept; rules in a group act on one item; routes only go forward.

use super::*;
use crate::eforms::{Answers, FormDefinition};
use chrono::NaiveDate;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
}

fn form(json: serde_json::Value) -> FormDefinition {
    serde_json::from_value(json).expect("a valid form")
}

use crate::eforms::answers_from as answers;

fn text(name: &str) -> serde_json::Value {
    serde_json::json!({ "name": name, "label": { "vi": name, "en": name }, "type": "text" })
}

/// A household: members with a date of birth and a school asked only of
/// members under 14 (per item), a guardian required when any member is
/// under 14, and a total computed.
fn household() -> FormDefinition {
    form(serde_json::json!({ "sections": [
        { "title": { "vi": "Hộ", "en": "Household" }, "fields": [
            { "name": "members", "label": { "vi": "Thành viên", "en": "Members" }, "type": "group",
              "item_label": { "vi": "Người", "en": "Person" }, "min_items": 1, "max_items": 5,
              "fields": [ text("name"), text("born"), text("school") ],
              "rules": [ { "when": { "field": "born", "op": "lt", "value": 14, "age": true },
                           "then": [ { "action": "show", "field": "school" },
                                     { "action": "require", "field": "school" },
                                     { "action": "require", "field": "guardian" } ] } ] },
            text("guardian"),
            { "name": "count", "label": { "vi": "Số người", "en": "People" }, "type": "calculated",
              "formula": { "count_items": "members" } }
        ] }
    ] }))
}

#[test]
fn a_rule_in_a_group_acts_on_its_own_item() {
    let given = answers(&[
        ("members.items", "2"),
        ("members.0.born", "01/01/1980"),
        ("members.1.born", "01/01/2020"),
        ("members.0.school", "typed before the birth date"),
    ]);
    let evaluation = evaluate(&household(), &given, today());
    assert!(
        !evaluation.shows("members.0.school"),
        "an adult is not asked"
    );
    assert!(evaluation.shows("members.1.school"), "a child is asked");
    assert!(evaluation.requires("members.1.school"));
    assert!(!evaluation.requires("members.0.school"));
    assert!(
        evaluation.requires("guardian"),
        "a form field named from an item"
    );
    assert_eq!(
        evaluation.values.get("count").map(String::as_str),
        Some("2")
    );
    let kept = evaluation.effective(&given);
    assert!(
        !kept.contains_key("members.0.school"),
        "a hidden answer is dropped"
    );
}

#[test]
fn age_counts_whole_years_and_a_birthday_on_its_day() {
    let born = NaiveDate::from_ymd_opt(2012, 12, 6).unwrap();
    assert_eq!(age_on(born, today()), 14);
    assert_eq!(age_on(born.succ_opt().unwrap(), today()), 13);
    let given = answers(&[("members.items", "1"), ("members.0.born", "06/12/2012")]);
    assert!(!evaluate(&household(), &given, today()).shows("members.0.school"));
    let given = answers(&[("members.items", "1"), ("members.0.born", "07/12/2012")]);
    assert!(evaluate(&household(), &given, today()).shows("members.0.school"));
}

#[test]
fn comparisons_read_numbers_dates_lists_and_emptiness() {
    let reading = |pairs: &[(&str, &str)], condition: serde_json::Value| {
        let view = answers(pairs);
        let multiple = ["pets".to_string()].into();
        let reading = reading::Reading {
            view: &view,
            today: today(),
            item: None,
            multiple: &multiple,
        };
        serde_json::from_value::<Condition>(condition)
            .unwrap()
            .holds(&reading)
    };
    use serde_json::json;
    assert!(reading(
        &[("n", "1.500.000")],
        json!({"field": "n", "op": "gt", "value": 1000000})
    ));
    assert!(reading(
        &[("n", "2,5")],
        json!({"field": "n", "op": "lt", "value": 3})
    ));
    assert!(reading(
        &[("n", "5")],
        json!({"field": "n", "equals": "5,0"})
    ));
    assert!(reading(
        &[("d", "05/12/2026")],
        json!({"field": "d", "op": "lt", "value": "today"})
    ));
    assert!(!reading(
        &[("d", "06/12/2026")],
        json!({"field": "d", "op": "lt", "value": "today"})
    ));
    assert!(reading(
        &[("c", "b")],
        json!({"field": "c", "op": "in", "value": ["a", "b"]})
    ));
    assert!(reading(
        &[("pets", "cat,dog")],
        json!({"field": "pets", "value": "dog"})
    ));
    assert!(reading(
        &[("x", "  ")],
        json!({"field": "x", "op": "empty"})
    ));
    assert!(reading(
        &[],
        json!({"field": "x", "op": "ne", "value": "a"})
    ));
    assert!(
        !reading(
            &[("x", "abc")],
            json!({"field": "x", "op": "gt", "value": 1})
        ),
        "text does not order against a number"
    );
    assert!(reading(
        &[("a", "1"), ("b", "2")],
        json!({"all": [{"field": "a", "value": "1"}, {"any": [{"field": "b", "value": "9"}, {"not": {"field": "b", "op": "empty"}}]}]})
    ));
}

fn paged() -> FormDefinition {
    form(serde_json::json!({ "paged": true, "sections": [
        { "key": "who", "title": { "vi": "Ai", "en": "Who" },
          "fields": [ text("kind") ],
          "rules": [
            { "when": { "field": "kind", "value": "company" }, "then": [ { "action": "skip_to", "page": "company" } ] },
            { "when": { "field": "kind", "value": "foreigner" }, "then": [ { "action": "exit_to", "page": "not-here" } ] },
            { "when": { "field": "kind", "value": "loop" }, "then": [ { "action": "skip_to", "page": "who" } ] } ] },
        { "key": "person", "title": { "vi": "Cá nhân", "en": "Person" }, "fields": [ text("person_name") ] },
        { "key": "company", "title": { "vi": "Doanh nghiệp", "en": "Company" }, "fields": [ text("company_name") ] },
        { "key": "not-here", "exit": true, "title": { "vi": "Nộp tại Bộ Ngoại giao", "en": "File with the ministry" },
          "fields": [ { "name": "why", "label": { "vi": "Vì sao", "en": "Why" }, "type": "statement",
                        "text": { "vi": "…", "en": "…" } } ] }
    ] }))
}

#[test]
fn routes_skip_forward_and_exit_pages_end_the_form() {
    let form = paged();
    let person = evaluate(
        &form,
        &answers(&[("kind", "person"), ("company_name", "x")]),
        today(),
    );
    assert_eq!(person.pages, vec![0, 1, 2]);
    assert_eq!(person.exit, None);
    let company = evaluate(
        &form,
        &answers(&[("kind", "company"), ("person_name", "x")]),
        today(),
    );
    assert_eq!(company.pages, vec![0, 2]);
    assert!(!company.shows("person_name"), "a skipped page is not asked");
    assert!(!company
        .effective(&answers(&[("person_name", "x")]))
        .contains_key("person_name"));
    let foreigner = evaluate(&form, &answers(&[("kind", "foreigner")]), today());
    assert_eq!(
        (foreigner.pages.clone(), foreigner.exit),
        (vec![0], Some(3))
    );
    let backwards = evaluate(&form, &answers(&[("kind", "loop")]), today());
    assert_eq!(backwards.pages, vec![0, 1, 2], "a route back is ignored");
}

#[test]
fn show_hides_until_it_fires_and_hide_wins_while_it_fires() {
    let form = form(
        serde_json::json!({ "sections": [ { "title": { "vi": "A", "en": "A" },
        "fields": [ text("a"), text("b"), text("c") ] } ],
        "rules": [
            { "when": { "field": "a", "value": "yes" }, "then": [ { "action": "show", "field": "b" } ] },
            { "when": { "field": "a", "value": "no" }, "then": [ { "action": "hide", "field": "c" },
                { "action": "set", "field": "b", "value": "ignored" },
                { "action": "prevent", "message": { "vi": "Không được", "en": "Not allowed" } } ] } ] }),
    );
    let yes = evaluate(&form, &answers(&[("a", "yes")]), today());
    assert!(yes.shows("b") && yes.shows("c") && yes.prevented.is_empty());
    let no = evaluate(
        &form,
        &answers(&[("a", "no"), ("b", "x"), ("c", "y")]),
        today(),
    );
    assert!(!no.shows("b") && !no.shows("c"));
    assert_eq!(no.prevented.len(), 1);
    assert!(
        no.effective(&answers(&[("b", "x")])).is_empty(),
        "a set value of a hidden field is not kept"
    );
}

#[test]
fn a_hidden_answer_stops_counting_in_other_rules() {
    // c is shown by b, b by a: emptying a hides b, and with it c.
    let form = form(
        serde_json::json!({ "sections": [ { "title": { "vi": "A", "en": "A" },
        "fields": [ text("a"), text("b"), text("c") ] } ],
        "rules": [
            { "when": { "field": "a", "value": "1" }, "then": [ { "action": "show", "field": "b" } ] },
            { "when": { "field": "b", "value": "1" }, "then": [ { "action": "show", "field": "c" } ] } ] }),
    );
    let evaluation = evaluate(
        &form,
        &answers(&[("a", "0"), ("b", "1"), ("c", "1")]),
        today(),
    );
    assert!(!evaluation.shows("b") && !evaluation.shows("c"));
}

#[test]
fn computed_values_follow_the_answers() {
    let form = form(
        serde_json::json!({ "sections": [ { "title": { "vi": "A", "en": "A" },
        "fields": [ text("copies"), text("price"),
            { "name": "total", "label": { "vi": "Tổng", "en": "Total" }, "type": "calculated",
              "formula": { "multiply": [ { "field": "copies" }, { "field": "price" } ] } },
            { "name": "rest", "label": { "vi": "Còn", "en": "Rest" }, "type": "calculated",
              "formula": { "subtract": [ 10, { "field": "copies" }, 0.5 ] } } ] } ] }),
    );
    let evaluation = evaluate(
        &form,
        &answers(&[("copies", "3"), ("price", "5.000")]),
        today(),
    );
    assert_eq!(evaluation.values["total"], "15000");
    assert_eq!(evaluation.values["rest"], "6,5");
    let missing = evaluate(&form, &answers(&[("copies", "3")]), today());
    assert_eq!(missing.values["total"], "", "no number, no total");
}

mod agreement;
