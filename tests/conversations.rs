//! The escalation policy on the test conversations in `tests/data/conversations.jsonl`:
//! calm ones must get no offer, escalating ones an offer (or a handoff), explicit ones a
//! handoff. `cargo test --test conversations -- --nocapture` prints the figures.
#![cfg(not(target_arch = "wasm32"))]

use handover::detect::shared;
use handover::escalate::{Policy, Thresholds};
use serde_json::Value;

struct Conversation {
    label: String,
    lines: Vec<Value>,
}

fn conversations() -> Vec<Conversation> {
    let text = std::fs::read_to_string("tests/data/conversations.jsonl").unwrap();
    text.split("\n\n")
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            let lines: Vec<Value> = block
                .lines()
                .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
                .collect();
            let label = lines[0]["label"]
                .as_str()
                .expect("first line has a label")
                .to_owned();
            Conversation { label, lines }
        })
        .collect()
}

/// The decisions of one conversation, one per visitor turn.
fn decide(conversation: &Conversation, thresholds: Thresholds) -> Vec<&'static str> {
    let detector = shared();
    let mut policy = Policy::new(thresholds);
    let mut decisions = Vec::new();
    for line in &conversation.lines {
        let text = line["text"].as_str().unwrap();
        match line["role"].as_str().unwrap() {
            "visitor" => {
                let out = policy.visitor(text, &detector.analyze(text), None);
                decisions.push(out.decision.as_str());
            }
            _ => policy.bot_replied(text, !detector.is_bot_fallback(text)),
        }
    }
    decisions
}

#[test]
fn default_thresholds_on_the_test_conversations() {
    let all = conversations();
    let mut rows = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    println!();
    for conversation in &all {
        let decisions = decide(conversation, Thresholds::default());
        let hit = match conversation.label.as_str() {
            "calm" => decisions.iter().any(|d| *d != "none"),
            "escalating" => decisions.iter().any(|d| *d != "none"),
            "explicit" => decisions.contains(&"handoff"),
            other => panic!("unknown label {other}"),
        };
        let row = rows.entry(conversation.label.as_str()).or_default();
        row.0 += 1;
        row.1 += usize::from(hit);
        let first = conversation.lines[0]["text"].as_str().unwrap();
        println!(
            "{:10} {:30} {:?}",
            conversation.label,
            first.chars().take(30).collect::<String>(),
            decisions
        );
    }
    let (calm, false_offers) = rows["calm"];
    let (escalating, caught) = rows["escalating"];
    let (explicit, handed_off) = rows["explicit"];
    println!(
        "calm: {false_offers} of {calm} got an offer ({:.0}% false offers); escalating: {caught} of {escalating} caught; explicit: {handed_off} of {explicit} handed off",
        100.0 * false_offers as f64 / calm as f64
    );
    assert_eq!(false_offers, 0, "calm conversations got offers");
    assert!(
        caught as f64 >= 0.9 * escalating as f64,
        "escalations missed"
    );
    assert_eq!(handed_off, explicit);
}
