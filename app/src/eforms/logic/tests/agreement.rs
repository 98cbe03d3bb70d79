//! Random forms and answers. The browser evaluates the form it received as
//! JSON (the island's props), the server the one it loaded: the two must
//! agree, and whatever the rules hide never reaches the kept answers.

use super::*;
use crate::eforms::{validate, ValidationContext};
use crate::i18n::Lang;
use proptest::prelude::*;
use serde_json::{json, Value};

const NAMES: [&str; 6] = ["a", "b", "c", "d", "e", "f"];
const INNER: [&str; 3] = ["x", "y", "z"];
const WORDS: [&str; 6] = ["", "yes", "no", "3", "01/01/2015", "12"];

fn field(name: &str, kind: usize, required: bool) -> Value {
    let label = json!({ "vi": name, "en": name });
    let choices = json!([{ "value": "yes", "label": { "vi": "Có", "en": "Yes" } },
                         { "value": "no", "label": { "vi": "Không", "en": "No" } }]);
    let mut field = match kind {
        0 => json!({ "type": "text" }),
        1 => json!({ "type": "number" }),
        2 => json!({ "type": "radio", "options": choices }),
        3 => json!({ "type": "checkboxes", "options": choices }),
        4 => json!({ "type": "date" }),
        _ => json!({ "type": "calculated", "formula": { "sum": [ { "field": "a" }, 1 ] } }),
    };
    field["name"] = json!(name);
    field["label"] = label;
    field["required"] = json!(required);
    field
}

fn condition(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = (0..names.len(), 0..9usize, 0..WORDS.len(), any::<bool>()).prop_map(
        move |(name, op, word, age)| {
            let ops = ["eq", "ne", "in", "lt", "le", "gt", "ge", "empty", "filled"];
            let value = if ops[op] == "in" {
                json!(["yes", WORDS[word]])
            } else {
                json!(WORDS[word])
            };
            json!({ "field": names[name], "op": ops[op], "value": value, "age": age && op >= 3 })
        },
    );
    leaf.prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(|all| json!({ "all": all })),
            prop::collection::vec(inner.clone(), 1..3).prop_map(|any| json!({ "any": any })),
            inner.prop_map(|not| json!({ "not": not })),
        ]
    })
}

fn action(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    (0..names.len(), 0..5usize, 0..WORDS.len()).prop_map(move |(name, kind, word)| match kind {
        0 => json!({ "action": "show", "field": names[name] }),
        1 => json!({ "action": "hide", "field": names[name] }),
        2 => json!({ "action": "require", "field": names[name] }),
        3 => json!({ "action": "set", "field": names[name], "value": WORDS[word] }),
        _ => json!({ "action": "prevent", "message": { "vi": "Dừng", "en": "Stop" } }),
    })
}

fn rules(names: &'static [&'static str]) -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(
        (condition(names), prop::collection::vec(action(names), 1..3))
            .prop_map(|(when, then)| json!({ "when": when, "then": then })),
        0..4,
    )
}

fn random_form() -> impl Strategy<Value = FormDefinition> {
    (
        prop::collection::vec((0..6usize, any::<bool>()), NAMES.len()),
        prop::collection::vec((0..5usize, any::<bool>()), INNER.len()),
        rules(&NAMES),
        rules(&INNER),
        prop::collection::vec(condition(&NAMES), 2),
    )
        .prop_map(|(kinds, inner_kinds, form_rules, item_rules, routes)| {
            let fields: Vec<Value> = NAMES
                .iter()
                .zip(&kinds)
                .map(|(name, (kind, required))| field(name, *kind, *required))
                .collect();
            let inner: Vec<Value> = INNER
                .iter()
                .zip(&inner_kinds)
                .map(|(name, (kind, required))| field(name, *kind, *required))
                .collect();
            let group = json!({ "name": "g", "label": { "vi": "Nhóm", "en": "Group" }, "type": "group",
                "item_label": { "vi": "Mục", "en": "Item" }, "min_items": 0, "max_items": 3,
                "fields": inner, "rules": item_rules });
            let page = |key: &str, fields: Vec<Value>, rules: Value| {
                json!({ "key": key, "title": { "vi": key, "en": key }, "fields": fields, "rules": rules })
            };
            form(json!({
                "paged": true,
                "rules": form_rules,
                "sections": [
                    page("one", fields[..3].to_vec(), json!([
                        { "when": routes[0], "then": [ { "action": "skip_to", "page": "three" } ] },
                        { "when": routes[1], "then": [ { "action": "exit_to", "page": "out" } ] } ])),
                    page("two", fields[3..].to_vec(), json!([])),
                    page("three", vec![group], json!([])),
                    { "key": "out", "exit": true, "title": { "vi": "Hết", "en": "End" }, "fields": [] }
                ]
            }))
        })
}

fn random_answers() -> impl Strategy<Value = Answers> {
    let keys: Vec<String> = NAMES
        .iter()
        .map(|name| name.to_string())
        .chain((0..3).flat_map(|item| INNER.iter().map(move |name| format!("g.{item}.{name}"))))
        .chain(["g.items".to_string()])
        .collect();
    prop::collection::vec(0..WORDS.len(), keys.len()).prop_map(move |words| {
        keys.iter()
            .zip(words)
            .filter(|(_, word)| !WORDS[*word].is_empty())
            .map(|(key, word)| (key.clone(), WORDS[word].to_string()))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_form_sent_to_the_browser_evaluates_as_the_servers(
        form in random_form(), answers in random_answers()
    ) {
        let sent: FormDefinition =
            serde_json::from_str(&serde_json::to_string(&form).unwrap()).unwrap();
        prop_assert_eq!(&sent, &form);
        prop_assert_eq!(evaluate(&sent, &answers, today()), evaluate(&form, &answers, today()));
    }

    #[test]
    fn the_browsers_copy_of_the_rules_reads_a_post_as_the_server_does(
        form in random_form(), answers in random_answers()
    ) {
        // The post as the browser sends it: several choices as one box each.
        let multiple = form.multiple_choice_names();
        let mut pairs: Vec<(String, String)> = Vec::new();
        for (key, value) in &answers {
            let name = key.rsplit('.').next().unwrap_or(key);
            if multiple.contains(name) {
                for choice in value.split(',') {
                    pairs.push((format!("{key}.{choice}"), "on".into()));
                }
            } else {
                pairs.push((key.clone(), value.clone()));
            }
        }
        pairs.push(("agency".into(), "000.01.40.H34".into()));
        let sent: LogicForm =
            serde_json::from_str(&serde_json::to_string(&form.logic()).unwrap()).unwrap();
        let server = crate::eforms::keys::posted_answers(&form, |key| {
            pairs.iter().find(|(name, _)| name == key).map(|(_, value)| value.clone())
        });
        prop_assert_eq!(
            evaluate_logic(&sent, &sent.posted(&pairs), today()),
            evaluate(&form, &server, today())
        );
    }

    #[test]
    fn hidden_answers_never_reach_the_kept_ones(
        form in random_form(), answers in random_answers()
    ) {
        let evaluation = evaluate(&form, &answers, today());
        let context = ValidationContext { lang: Lang::Vi, today: today(), places: None };
        let kept = match validate(&form, &answers, context) {
            Ok(kept) => kept,
            Err(_) => evaluation.effective(&answers),
        };
        for key in kept.keys() {
            prop_assert!(evaluation.shows(key), "{} is hidden but kept", key);
        }
        let pages = &evaluation.pages;
        prop_assert!(pages.windows(2).all(|pair| pair[0] < pair[1]), "routes go forward");
    }
}
