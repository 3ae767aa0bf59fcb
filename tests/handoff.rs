//! Payload v1 on every test conversation: each one, built as the widget builds it, validates
//! against the published JSON Schema (`src/handoff/handoff-v1.schema.json`), planted card
//! numbers never survive, and order numbers are never redacted.
//! `cargo test --test handoff -- --nocapture` prints a few headlines.
#![cfg(not(target_arch = "wasm32"))]

use handover::conversation::{Message, Role};
use handover::detect::shared;
use handover::handoff::{self, Page, Request, TriggerKind};
use handover::redact::Redactor;
use handover::visitor::Visitor;
use serde_json::{Map, Value};

const SCHEMA: &str = include_str!("../src/handoff/handoff-v1.schema.json");

fn conversations() -> Vec<Vec<Message>> {
    let text = std::fs::read_to_string("tests/data/conversations.jsonl").unwrap();
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            block
                .lines()
                .enumerate()
                .map(|(i, line)| {
                    let value: Value = serde_json::from_str(line).unwrap();
                    let role = match value["role"].as_str().unwrap() {
                        "visitor" => Role::Visitor,
                        _ => Role::Bot,
                    };
                    Message {
                        id: format!("m{i}"),
                        role,
                        text: value["text"].as_str().unwrap().to_owned(),
                        at: 1_795_600_000_000 + 30_000 * i as u64,
                    }
                })
                .collect()
        })
        .collect()
}

fn payload(messages: &[Message], kind: TriggerKind, visitor: Visitor) -> Value {
    let built = handoff::build(
        Request {
            id: "0123456789abcdef".into(),
            now_ms: 1_795_700_000_000,
            messages,
            kind,
            reasons: vec!["the visitor pressed “talk to a human”".into()],
            visitor,
            page: Page {
                url: "http://127.0.0.1:8080/orders?id=1".into(),
                referrer: Some("https://search.example/".into()),
                title: "Orders — Demo shop".into(),
                locale: "en-US".into(),
                timezone: "Europe/Lisbon".into(),
                user_agent: "Mozilla/5.0 (test)".into(),
            },
            context: Map::new(),
            products: &["Aurora Lamp".to_owned()],
        },
        shared(),
        &Redactor::default(),
    );
    serde_json::to_value(built).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn assert_valid(validator: &jsonschema::Validator, value: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{value:#}");
}

#[test]
fn every_conversation_gives_a_valid_payload() {
    let validator = validator();
    let all = conversations();
    assert!(all.len() >= 30);
    let kinds = [
        TriggerKind::ExplicitRequest,
        TriggerKind::Frustration,
        TriggerKind::Confusion,
        TriggerKind::BotFailures,
        TriggerKind::Button,
        TriggerKind::Api,
    ];
    for (n, messages) in all.iter().enumerate() {
        let visitor = if n % 2 == 0 {
            Visitor::default()
        } else {
            Visitor {
                id: Some(format!("user-{n}")),
                name: Some("Ana".into()),
                email: Some("ana@example.com".into()),
                ..Visitor::default()
            }
        };
        let value = payload(messages, kinds[n % kinds.len()], visitor);
        assert_valid(&validator, &value);
        println!(
            "{:>2} {:<7} {}",
            n,
            value["priority"].as_str().unwrap(),
            value["summary"]["headline"].as_str().unwrap()
        );
    }
}

#[test]
fn the_schema_refuses_what_it_should() {
    let validator = validator();
    let messages = &conversations()[0];
    let good = payload(messages, TriggerKind::Button, Visitor::default());
    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut bad = good.clone();
    bad["trigger"]["kind"] = "whim".into();
    cases.push(("unknown trigger", bad));
    let mut bad = good.clone();
    bad["priority"] = "meh".into();
    cases.push(("unknown priority", bad));
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("transcript");
    cases.push(("missing transcript", bad));
    let mut bad = good.clone();
    bad["created_at"] = "yesterday".into();
    cases.push(("bad timestamp", bad));
    let mut bad = good.clone();
    bad["summary"]["headline"] = "x".repeat(121).into();
    cases.push(("long headline", bad));
    let mut bad = good.clone();
    bad["extra"] = true.into();
    cases.push(("unknown field", bad));
    for (what, value) in cases {
        assert!(!validator.is_valid(&value), "{what} was accepted");
    }
}

#[test]
fn planted_secrets_never_survive_and_identifiers_stay() {
    let validator = validator();
    let planted = [
        "my card is 4111 1111 1111 1111",
        "try 5555555555554444 then",
        "iban GB82 WEST 1234 5698 7654 32",
        "password: Tr0ub4dor&3",
        "the code they sent is 834201",
    ];
    for (n, messages) in conversations().into_iter().enumerate() {
        let mut messages = messages;
        let last_at = messages.last().map_or(0, |m| m.at);
        messages.push(Message {
            id: "planted".into(),
            role: Role::Visitor,
            text: format!("{} for order 48213", planted[n % planted.len()]),
            at: last_at + 1000,
        });
        let value = payload(&messages, TriggerKind::ExplicitRequest, Visitor::default());
        assert_valid(&validator, &value);
        let text = value.to_string();
        for secret in ["4111", "5555555555554444", "WEST", "Tr0ub4dor", "834201"] {
            assert!(
                !text.contains(secret),
                "{secret} survived in conversation {n}"
            );
        }
        assert!(value["redactions"].as_u64().unwrap() >= 1);
        assert!(text.contains("48213"), "the order number was redacted");
        assert!(
            value["summary"]["details"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["kind"] == "order_number" && d["value"] == "48213")
        );
    }
}
