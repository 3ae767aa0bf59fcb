//! The FAQ file's JSON Schema (`src/bot/faq-v1.schema.json`) and the Rust type that reads it
//! agree: every shipped FAQ passes both, and files of the wrong shape fail both. (The Rust
//! side checks more than a schema can: unique ids, the answer markup.)
#![cfg(not(target_arch = "wasm32"))]

use handover::bot::faq::Faq;
use serde_json::{Value, json};

const SCHEMA: &str = include_str!("../src/bot/faq-v1.schema.json");
const FAQS: &[&str] = &[
    "examples/demo/faq.json",
    "examples/demo/faq.es.json",
    "tests/data/faq_large.json",
];

fn schema_errors(value: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    validator
        .iter_errors(value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn shipped_faqs_pass_the_schema_and_the_parser() {
    for path in FAQS {
        let text = std::fs::read_to_string(path).unwrap();
        let errors = schema_errors(&serde_json::from_str(&text).unwrap());
        assert!(errors.is_empty(), "{path}: {errors:#?}");
        Faq::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

#[test]
fn wrong_shapes_fail_both() {
    let entry = json!({"id": "a", "question": "q?", "answer": "x"});
    let with = |key: &str, value: Value| {
        let mut e = entry.clone();
        e[key] = value;
        json!({"version": 1, "entries": [e]})
    };
    let cases = [
        json!({"version": 2, "entries": [entry.clone()]}),
        json!({"version": 1, "entries": []}),
        json!({"version": 1}),
        json!({"version": 1, "entries": [entry.clone()], "colour": "red"}),
        json!({"version": 1, "entries": [entry.clone()], "threshold": 0}),
        json!({"version": 1, "entries": [entry.clone()], "threshold": 1.2}),
        json!({"version": 1, "entries": [entry.clone()], "locale": "english"}),
        json!({"version": 1, "entries": [entry.clone()], "starters": [""]}),
        json!({"version": 1, "entries": [{"id": "a", "question": "q?"}]}),
        with("id", json!("a b")),
        with("question", json!("   ")),
        with("question", json!("q".repeat(301))),
        with("phrasings", json!(["ok", ""])),
        with("answer", json!("")),
        with("tags", json!("shipping")),
        with("extra", json!(true)),
    ];
    for case in cases {
        assert!(!schema_errors(&case).is_empty(), "schema accepts {case}");
        assert!(
            Faq::parse(&case.to_string()).is_err(),
            "parser accepts {case}"
        );
    }
    // And a minimal file passes both.
    let minimal = json!({"version": 1, "entries": [entry]});
    assert!(schema_errors(&minimal).is_empty());
    assert!(Faq::parse(&minimal.to_string()).is_ok());
}
