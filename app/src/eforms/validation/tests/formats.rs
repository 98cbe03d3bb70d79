//! The field kinds with a written form of their own (tax codes, plates,
//! times, decimals, several choices, yes/no, date ranges), the values the
//! form sets itself, and rules that require a field or stop the submission.

use super::*;
use crate::eforms::keys::{choice_key, posted_answers, range_part};
use crate::eforms::SUBMISSION;
use serde_json::{json, Value};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
}

fn form_of(fields: Value, rules: Value) -> FormDefinition {
    serde_json::from_value(json!({
        "sections": [{ "title": { "vi": "Thông tin", "en": "Details" }, "fields": fields }],
        "rules": rules,
    }))
    .expect("a valid form")
}

/// A form of one field, `x`, labelled `label`, of the kind `kind` (its
/// `type`, its own limits, `required`).
fn single(label: &str, kind: Value) -> FormDefinition {
    let mut field = json!({ "name": "x", "label": { "vi": label, "en": label } });
    field
        .as_object_mut()
        .unwrap()
        .extend(kind.as_object().unwrap().clone());
    form_of(json!([field]), json!([]))
}

fn run(form: &FormDefinition, pairs: &[(&str, &str)]) -> Result<Answers, Vec<FieldError>> {
    run_on(form, &answers(pairs))
}

fn run_on(form: &FormDefinition, answers: &Answers) -> Result<Answers, Vec<FieldError>> {
    let context = ValidationContext {
        lang: Lang::Vi,
        today: today(),
        places: None,
    };
    validate(form, answers, context)
}

/// What the server keeps when `x` is answered `typed`.
fn kept(form: &FormDefinition, typed: &str) -> String {
    let clean = run(form, &[("x", typed)]).unwrap_or_else(|errors| panic!("{typed}: {errors:?}"));
    clean.get("x").cloned().unwrap_or_default()
}

/// The one error when `x` is answered `typed`.
fn refused(form: &FormDefinition, typed: &str) -> FieldError {
    let errors = match run(form, &[("x", typed)]) {
        Ok(clean) => panic!("{typed} is refused, not kept as {clean:?}"),
        Err(errors) => errors,
    };
    assert_eq!(errors.len(), 1, "{typed}: {errors:?}");
    assert_eq!(errors[0].field, "x", "{typed}");
    errors[0].clone()
}

fn options(values: &[&str]) -> Value {
    let choices: Vec<Value> = values
        .iter()
        .map(|value| json!({ "value": value, "label": { "vi": value, "en": value } }))
        .collect();
    json!(choices)
}

#[test]
fn a_tax_code_is_kept_as_ten_digits_or_ten_dash_three() {
    let form = single("Mã số thuế", json!({ "type": "tax_code" }));
    for (typed, expected) in [
        ("0101234567", "0101234567"),
        ("0101234567-001", "0101234567-001"),
        ("0101234567001", "0101234567-001"),
        ("0101 234 567", "0101234567"),
        ("0101 234 567 001", "0101234567-001"),
        (" 0101234567 - 001 ", "0101234567-001"),
    ] {
        assert_eq!(kept(&form, typed), expected, "{typed}");
    }
}

#[test]
fn any_other_tax_code_is_refused_by_a_message_naming_the_field() {
    let form = single("Mã số thuế doanh nghiệp", json!({ "type": "tax_code" }));
    for typed in [
        "010123456",
        "01012345678",
        "010123456789",
        "01012345670012",
        "0101234567-01",
        "0101234567-0001",
        "010123456A",
        "0101234567/001",
        "mã số thuế",
    ] {
        let error = refused(&form, typed);
        assert!(
            error.message.contains("Mã số thuế doanh nghiệp"),
            "{typed}: {}",
            error.message
        );
    }
}

#[test]
fn a_tax_code_with_its_dash_out_of_place_is_refused() {
    // Only spaces are ignored; the one dash goes before the branch.
    let form = single("Mã số thuế", json!({ "type": "tax_code" }));
    let kept: Vec<(&str, Answers)> = [
        "01012-34567",
        "0101234567-",
        "01012345-67001",
        "0101234567--001",
    ]
    .into_iter()
    .filter_map(|typed| run(&form, &[("x", typed)]).ok().map(|clean| (typed, clean)))
    .collect();
    assert!(kept.is_empty(), "kept: {kept:?}");
}

#[test]
fn a_car_plate_is_kept_as_province_series_dash_number_however_typed() {
    let form = single("Biển số xe", json!({ "type": "vehicle_plate" }));
    for typed in ["29A-123.45", "29a12345", "29 A 123 45"] {
        assert_eq!(kept(&form, typed), "29A-123.45", "{typed}");
    }
}

#[test]
fn a_motorbike_plate_keeps_its_letter_and_digit_series_together() {
    let form = single("Biển số xe", json!({ "type": "vehicle_plate" }));
    assert_eq!(kept(&form, "29-B1 123.45"), "29B1-123.45");
}

#[test]
fn an_old_four_digit_plate_keeps_its_four_digits() {
    let form = single("Biển số xe", json!({ "type": "vehicle_plate" }));
    assert_eq!(kept(&form, "30E-1234"), "30E-1234");
}

#[test]
fn a_plate_may_have_a_two_letter_series() {
    let form = single("Biển số xe", json!({ "type": "vehicle_plate" }));
    assert_eq!(kept(&form, "29LD-123.45"), "29LD-123.45");
}

#[test]
fn a_plate_not_in_the_form_of_one_is_refused() {
    let form = single("Biển số xe", json!({ "type": "vehicle_plate" }));
    for typed in ["ABC", "2A-12345", "29-12345", "29Đ-123.45", "29Ư-12345"] {
        let error = refused(&form, typed);
        assert!(error.message.contains("Biển số xe"), "{}", error.message);
    }
}

#[test]
fn a_time_is_kept_as_two_digit_hours_colon_minutes() {
    let form = single("Giờ hẹn", json!({ "type": "time" }));
    for typed in ["8:30", "08:30", "08h30"] {
        assert_eq!(kept(&form, typed), "08:30", "{typed}");
    }
}

#[test]
fn a_time_that_is_not_a_time_of_day_is_refused() {
    let form = single("Giờ hẹn", json!({ "type": "time" }));
    for typed in ["24:00", "12:60", "noon", "8"] {
        let error = refused(&form, typed);
        assert!(error.message.contains("Giờ hẹn"), "{}", error.message);
    }
}

#[test]
fn a_decimal_is_kept_with_a_decimal_comma() {
    let form = single("Diện tích", json!({ "type": "decimal" }));
    assert_eq!(kept(&form, "2,5"), "2,5");
    assert_eq!(kept(&form, "2.5"), "2,5");
}

#[test]
fn a_dot_before_three_digits_groups_thousands() {
    let form = single("Diện tích", json!({ "type": "decimal" }));
    assert_eq!(kept(&form, "1.500"), "1500");
}

#[test]
fn a_decimal_with_more_places_than_the_default_two_is_refused() {
    let form = single("Diện tích", json!({ "type": "decimal" }));
    let error = refused(&form, "2,345");
    assert!(
        error.message.contains("Diện tích") && error.message.contains('2'),
        "{}",
        error.message
    );
}

#[test]
fn a_decimal_may_have_as_many_places_as_its_field_allows() {
    let form = single("Diện tích", json!({ "type": "decimal", "places": 3 }));
    assert_eq!(kept(&form, "2,345"), "2,345");
}

#[test]
fn a_decimal_below_its_minimum_or_above_its_maximum_is_refused() {
    let form = single(
        "Diện tích",
        json!({ "type": "decimal", "min": 1, "max": 10 }),
    );
    assert_eq!(kept(&form, "1"), "1");
    assert_eq!(kept(&form, "10"), "10");
    assert!(refused(&form, "0,5").message.contains('1'));
    assert!(refused(&form, "10,01").message.contains("10"));
}

fn documents(limits: Value) -> FormDefinition {
    let mut kind =
        json!({ "type": "checkboxes", "options": options(&["birth", "marriage", "death"]) });
    kind.as_object_mut()
        .unwrap()
        .extend(limits.as_object().unwrap().clone());
    single("Giấy tờ cần cấp", kind)
}

#[test]
fn each_ticked_checkbox_is_read_into_one_answer_in_the_lists_order() {
    assert_eq!(choice_key("x", "birth"), "x.birth");
    let form = documents(json!({}));
    let posted = answers(&[("x.death", "on"), ("x.birth", "on"), ("x.other", "on")]);
    let read = posted_answers(&form, |key| posted.get(key).cloned());
    assert_eq!(read, answers(&[("x", "birth,death")]));
    assert_eq!(
        run(&form, &[("x", "birth,death")]).unwrap()["x"],
        "birth,death"
    );
}

#[test]
fn a_choice_not_in_the_list_is_refused() {
    let form = documents(json!({}));
    refused(&form, "birth,wedding");
}

#[test]
fn too_few_or_too_many_choices_are_refused() {
    let form = documents(json!({ "min_choices": 2, "max_choices": 2 }));
    assert_eq!(kept(&form, "birth,death"), "birth,death");
    assert!(refused(&form, "birth").message.contains('2'));
    assert!(refused(&form, "birth,marriage,death").message.contains('2'));
}

#[test]
fn a_required_checkboxes_field_left_empty_is_refused() {
    let form = documents(json!({ "required": true }));
    let errors = run_on(&form, &posted_answers(&form, |_| None)).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "x");
    assert!(errors[0].message.contains("giấy tờ cần cấp"));
}

#[test]
fn a_yes_no_question_keeps_yes_or_no_and_refuses_anything_else() {
    let form = single("Đã có con chung", json!({ "type": "yes_no" }));
    assert_eq!(kept(&form, "yes"), "yes");
    assert_eq!(kept(&form, "no"), "no");
    for typed in ["có", "không", "YES", "true", "maybe"] {
        refused(&form, typed);
    }
}

fn stay(required: bool) -> FormDefinition {
    single(
        "Thời gian lưu trú",
        json!({ "type": "date_range", "required": required }),
    )
}

#[test]
fn a_date_range_is_kept_in_its_two_parts_and_written_out() {
    assert_eq!(range_part("x", "from"), "x.from");
    let clean = run(
        &stay(true),
        &[("x.from", "01/03/2026"), ("x.to", "15/03/2026")],
    )
    .unwrap();
    assert_eq!(clean["x.from"], "01/03/2026");
    assert_eq!(clean["x.to"], "15/03/2026");
    assert_eq!(clean["x"], "01/03/2026 \u{2013} 15/03/2026");
}

#[test]
fn a_date_range_ending_before_it_starts_is_refused_on_its_end() {
    let errors = run(
        &stay(true),
        &[("x.from", "15/03/2026"), ("x.to", "01/03/2026")],
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "x.to");
}

#[test]
fn a_required_date_range_left_empty_is_refused_on_both_parts() {
    let errors = run(&stay(true), &[]).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["x.from", "x.to"]);
}

#[test]
fn an_optional_date_range_left_empty_is_fine_and_keeps_nothing() {
    assert_eq!(run(&stay(false), &[]).unwrap(), Answers::new());
    assert_eq!(
        run(&stay(false), &[("x", "smuggled")]).unwrap(),
        Answers::new()
    );
}

fn fees() -> FormDefinition {
    form_of(
        json!([
            { "name": "copies", "label": { "vi": "Số bản sao", "en": "Copies" },
              "type": "number", "required": true },
            { "name": "fee", "label": { "vi": "Lệ phí", "en": "Fee" }, "type": "calculated",
              "formula": { "multiply": [{ "field": "copies" }, 5000] } },
            { "name": "channel", "label": { "vi": "Kênh", "en": "Channel" }, "type": "hidden",
              "value": "online" }
        ]),
        json!([]),
    )
}

#[test]
fn a_calculated_value_is_the_one_computed_not_the_one_posted() {
    let clean = run(&fees(), &[("copies", "3"), ("fee", "1")]).unwrap();
    assert_eq!(clean["fee"], "15000");
    let clean = run(&fees(), &[("copies", "3")]).unwrap();
    assert_eq!(clean["fee"], "15000");
}

#[test]
fn a_hidden_field_keeps_its_fixed_value_whatever_the_post_says() {
    let clean = run(&fees(), &[("copies", "1"), ("channel", "counter")]).unwrap();
    assert_eq!(clean["channel"], "online");
}

const TOO_YOUNG: &str = "Người chưa đủ 18 tuổi không tự nộp hồ sơ này.";

fn company() -> FormDefinition {
    form_of(
        json!([
            { "name": "has_company", "label": { "vi": "Có doanh nghiệp", "en": "Company" },
              "type": "yes_no" },
            { "name": "company_tax", "label": { "vi": "Mã số thuế", "en": "Tax code" },
              "type": "tax_code" },
            { "name": "age", "label": { "vi": "Tuổi", "en": "Age" }, "type": "number" }
        ]),
        json!([
            { "when": { "field": "has_company", "op": "eq", "value": "yes" },
              "then": [{ "action": "require", "field": "company_tax" }] },
            { "when": { "field": "age", "op": "lt", "value": 18 },
              "then": [{ "action": "prevent",
                         "message": { "vi": TOO_YOUNG, "en": "Under 18." } }] }
        ]),
    )
}

#[test]
fn a_rule_makes_an_optional_field_required_only_while_it_fires() {
    assert!(run(&company(), &[("has_company", "no")]).is_ok());
    assert!(run(&company(), &[]).is_ok());
    let errors = run(&company(), &[("has_company", "yes")]).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "company_tax");
    let filled = [("has_company", "yes"), ("company_tax", "0101234567")];
    assert_eq!(
        run(&company(), &filled).unwrap()["company_tax"],
        "0101234567"
    );
}

#[test]
fn a_rule_that_prevents_the_submission_fails_it_with_the_rules_message() {
    let errors = run(&company(), &[("age", "16")]).unwrap_err();
    assert_eq!(
        errors,
        [FieldError {
            field: SUBMISSION.into(),
            message: TOO_YOUNG.into(),
        }]
    );
    assert!(run(&company(), &[("age", "30")]).is_ok());
}
