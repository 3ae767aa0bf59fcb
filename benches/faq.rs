//! Matching one question against a FAQ of 150 entries with 10 phrasings each (the issue's
//! yardstick; the widget asks this once per visitor message), and indexing that FAQ (once
//! per page). `cargo bench --bench faq`; the median is `median.point_estimate` (ns) in
//! `target/criterion/faq_ask/new/estimates.json`.
//!
//! The FAQ is built from the 111-entry test FAQ: its entries, then 39 more made of its
//! words, each entry padded to 10 phrasings by recombining its own texts' words with the
//! ways visitors start a question. The questions are the real test questions for that FAQ.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{Criterion, criterion_group, criterion_main};
#[cfg(not(target_arch = "wasm32"))]
use handover::bot::{faq::Faq, matcher::Matcher};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

#[cfg(not(target_arch = "wasm32"))]
const OPENERS: [&str; 10] = [
    "how do i",
    "can i",
    "what about",
    "i want to",
    "help with",
    "why does",
    "is it possible to",
    "where do i",
    "question about",
    "please explain",
];

/// The 150 × 10 FAQ, deterministic.
#[cfg(not(target_arch = "wasm32"))]
fn big_faq() -> Faq {
    let mut value: serde_json::Value =
        serde_json::from_str(include_str!("../tests/data/faq_large.json")).unwrap();
    let entries = value["entries"].as_array_mut().unwrap();
    let words: Vec<String> = entries
        .iter()
        .flat_map(|e| e["question"].as_str().unwrap().split_whitespace())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| w.len() > 3)
        .collect();
    for extra in 0..39 {
        let pick = |k: usize| words[(extra * 7 + k * 13) % words.len()].clone();
        entries.push(serde_json::json!({
            "id": format!("extra-{extra}"),
            "question": format!("{} {} {}?", pick(0), pick(1), pick(2)),
            "answer": "See the help pages.",
        }));
    }
    for entry in entries.iter_mut() {
        let own: Vec<String> = std::iter::once(&entry["question"])
            .chain(entry["phrasings"].as_array().into_iter().flatten())
            .flat_map(|t| t.as_str().unwrap().split_whitespace())
            .map(str::to_owned)
            .collect();
        let mut phrasings: Vec<String> = entry["phrasings"]
            .as_array()
            .map(|a| a.iter().map(|p| p.as_str().unwrap().to_owned()).collect())
            .unwrap_or_default();
        let mut k = 0;
        while phrasings.len() < 9 {
            let tail: Vec<&str> = (0..4)
                .map(|j| own[(k * 3 + j) % own.len()].as_str())
                .collect();
            phrasings.push(format!("{} {}", OPENERS[k % OPENERS.len()], tail.join(" ")));
            k += 1;
        }
        entry["phrasings"] = serde_json::json!(phrasings);
    }
    Faq::parse(&value.to_string()).unwrap()
}

#[cfg(not(target_arch = "wasm32"))]
fn matching(c: &mut Criterion) {
    let faq = big_faq();
    assert_eq!(faq.entries.len(), 150);
    assert!(faq.entries.iter().all(|e| 1 + e.phrasings.len() == 10));
    let matcher = Matcher::new(&faq);
    let questions: Vec<&str> = include_str!("../tests/data/faq_large_questions.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, q)| q))
        .collect();
    let mut next = 0;
    c.bench_function("faq/ask", |b| {
        b.iter(|| {
            next = (next + 1) % questions.len();
            matcher.ask(black_box(questions[next]))
        })
    });
    c.bench_function("faq/index", |b| b.iter(|| Matcher::new(black_box(&faq))));
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, matching);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
