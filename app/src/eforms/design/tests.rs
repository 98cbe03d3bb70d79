//! The builder's checks, from its rules: no rule points to a missing field
//! or page, no route goes backwards or nowhere, no key repeats, every
//! choice list has options; the seeded forms pass them all.

use super::*;
use crate::eforms::FormDefinition;
use serde_json::json;

fn form(value: serde_json::Value) -> FormDefinition {
    serde_json::from_value(value).unwrap()
}

fn text(name: &str) -> serde_json::Value {
    json!({ "name": name, "label": { "vi": name, "en": name }, "type": "text" })
}

fn page(key: &str, fields: Vec<serde_json::Value>, rules: serde_json::Value) -> serde_json::Value {
    json!({ "key": key, "title": { "vi": key, "en": key }, "fields": fields, "rules": rules })
}

#[test]
fn a_sound_form_has_no_problems() {
    let sound = form(json!({ "sections": [
        page("a", vec![text("kind")], json!([{ "when": { "field": "kind", "value": "x" },
            "then": [ { "action": "skip_to", "page": "c" } ] }])),
        page("b", vec![text("other")], json!([])),
        page("c", vec![text("last")], json!([])) ] }));
    assert_eq!(check_design(&sound), vec![]);
}

#[test]
fn keys_repeat_or_break_the_pattern() {
    let bad = form(
        json!({ "sections": [ page("a", vec![text("name"), text("name"), text("Tên")], json!([])) ] }),
    );
    assert_eq!(
        check_design(&bad),
        vec![
            DesignProblem::DuplicateKey("name".into()),
            DesignProblem::BadKey("Tên".into())
        ]
    );
}

#[test]
fn rules_name_fields_that_exist_in_their_scope() {
    let bad = form(json!({ "sections": [ page("a", vec![text("a"), json!({
        "name": "members", "label": { "vi": "Người", "en": "People" }, "type": "group",
        "item_label": { "vi": "Người", "en": "Person" }, "fields": [ text("born") ],
        "rules": [ { "when": { "field": "born", "op": "lt", "value": 14, "age": true },
                     "then": [ { "action": "show", "field": "school" } ] } ] })], json!([])) ],
        "rules": [ { "when": { "field": "born", "value": "x" }, "then": [ { "action": "hide", "field": "a" } ] } ] }));
    assert_eq!(
        check_design(&bad),
        vec![
            DesignProblem::UnknownField("members".into(), "school".into()),
            DesignProblem::UnknownField("".into(), "born".into()),
        ],
        "an item's field is not the form's"
    );
}

#[test]
fn routes_go_forward_to_pages_that_exist_and_exits_to_exit_pages() {
    let skip = |target: &str| {
        json!([{ "when": { "field": "a", "op": "filled" },
        "then": [ { "action": "skip_to", "page": target } ] }])
    };
    let with = |rules| {
        form(json!({ "sections": [
        page("one", vec![text("b")], json!([])),
        page("two", vec![text("a")], rules),
        { "key": "out", "exit": true, "title": { "vi": "Hết", "en": "End" }, "fields": [] } ] }))
    };
    assert_eq!(
        check_design(&with(skip("one"))),
        vec![DesignProblem::RouteBackwards("one".into())]
    );
    assert_eq!(
        check_design(&with(skip("two"))),
        vec![DesignProblem::RouteBackwards("two".into())]
    );
    assert_eq!(
        check_design(&with(skip("nowhere"))),
        vec![DesignProblem::UnknownPage("nowhere".into())]
    );
    assert_eq!(
        check_design(&with(skip("out"))),
        vec![DesignProblem::RouteBackwards("out".into())]
    );
    let exit_to_regular = json!([{ "when": { "field": "a", "op": "filled" },
        "then": [ { "action": "exit_to", "page": "one" } ] }]);
    assert_eq!(
        check_design(&with(exit_to_regular)),
        vec![DesignProblem::NotAnExitPage("one".into())]
    );
}

#[test]
fn choice_lists_need_options_and_groups_do_not_nest() {
    let bad = form(json!({ "sections": [ page("a", vec![
        json!({ "name": "kind", "label": { "vi": "Loại", "en": "Kind" }, "type": "radio", "options": [] }),
        json!({ "name": "outer", "label": { "vi": "Ngoài", "en": "Outer" }, "type": "group",
                "item_label": { "vi": "Mục", "en": "Item" }, "fields": [ json!({
                    "name": "inner", "label": { "vi": "Trong", "en": "Inner" }, "type": "group",
                    "item_label": { "vi": "Mục", "en": "Item" }, "fields": [ text("x") ] }) ] }) ], json!([])) ] }));
    let problems = check_design(&bad);
    assert!(problems.contains(&DesignProblem::BadOptions("kind".into())));
    assert!(problems.contains(&DesignProblem::BadGroup("outer".into())));
    assert!(problems.contains(&DesignProblem::BadGroup("inner".into())));
}

#[test]
fn file_questions_stand_alone_and_take_a_file() {
    let file = |name: &str, max_files: usize| {
        json!({ "name": name, "label": { "vi": "Ảnh", "en": "Photo" }, "type": "file",
                "accept": ["jpeg", "png"], "max_files": max_files, "max_mb": 2 })
    };
    let bad = form(json!({ "sections": [ page("a", vec![
        file("portrait", 1),
        file("none_allowed", 0),
        json!({ "name": "members", "label": { "vi": "Thành viên", "en": "Members" }, "type": "group",
                "item_label": { "vi": "Người", "en": "Person" }, "fields": [ text("member_name"), file("member_photo", 1) ] }) ], json!([])) ] }));
    let problems = check_design(&bad);
    assert!(!problems.contains(&DesignProblem::BadFileQuestion("portrait".into())));
    assert!(problems.contains(&DesignProblem::BadFileQuestion("none_allowed".into())));
    assert!(problems.contains(&DesignProblem::BadFileQuestion("member_photo".into())));
}

#[test]
fn a_form_that_asks_nothing_is_refused() {
    let empty = form(
        json!({ "sections": [ page("a", vec![json!({ "name": "intro",
        "label": { "vi": "Giới thiệu", "en": "Intro" }, "type": "heading" })], json!([])) ] }),
    );
    assert_eq!(check_design(&empty), vec![DesignProblem::NoQuestions]);
}

#[test]
fn state_follows_publication_draft_and_archive() {
    assert_eq!(FormState::of(false, true, false), FormState::Draft);
    assert_eq!(FormState::of(true, false, false), FormState::Live);
    assert_eq!(FormState::of(true, true, false), FormState::LiveWithDraft);
    assert_eq!(FormState::of(true, true, true), FormState::Archived);
}

#[test]
fn the_outline_moves_fields_across_sections_and_adds_choice_questions() {
    use super::outline::{add_field, blank_form, move_field, remove_field, NewField};
    let mut form = blank_form();
    assert!(check_design(&form).is_empty(), "a new form starts sound");
    assert!(
        move_field(&mut form, "applicant_name", 1),
        "down into the next section"
    );
    assert_eq!(form.sections[1].fields[0].name, "applicant_name");
    assert!(
        !move_field(&mut form, "oath", 1),
        "nothing below the last field"
    );
    let options = vec![
        "single|Độc thân|Single".to_string(),
        "married|Đã kết hôn".to_string(),
    ];
    add_field(
        &mut form,
        &NewField {
            section: "page-1",
            key: "status",
            label_vi: "Tình trạng",
            label_en: "Status",
            kind: "radio",
            required: true,
            options: &options,
        },
    )
    .unwrap();
    let added = form.field("status").unwrap();
    match &added.kind {
        crate::eforms::FieldKind::Radio { options } => {
            assert_eq!(
                options[1].label.en, "Đã kết hôn",
                "an English label left out is the Vietnamese"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(remove_field(&mut form, "status"));
    assert!(form.field("status").is_none());
    assert!(add_field(
        &mut form,
        &NewField {
            section: "nowhere",
            key: "x",
            label_vi: "x",
            label_en: "x",
            kind: "text",
            required: false,
            options: &[]
        }
    )
    .is_none());
}
