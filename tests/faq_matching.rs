//! The FAQ matcher on every FAQ test set, at each FAQ's shipped threshold: top-1 accuracy on
//! questions it covers, and how often it answers a question it does not cover. The question
//! files were written before the matcher ran on them. `cargo test --release --test
//! faq_matching -- --nocapture` prints the figures and every miss; `scripts/faq-eval.py` puts
//! them beside a TF-IDF and a BM25 baseline.
#![cfg(not(target_arch = "wasm32"))]

use handover::bot::faq::Faq;
use handover::bot::lint::lint;
use handover::bot::matcher::Matcher;

/// FAQ file, question file, floor under top-1 accuracy, ceiling on out-of-scope answers.
/// The floors sit a little under the figures measured when the matcher last changed
/// (85.7%, 83.6%, 69.4%; 0%, 0%, 7.2%), against regressions.
const SETS: &[(&str, &str, f64, f64)] = &[
    (
        "examples/demo/faq.json",
        "tests/data/faq_questions.txt",
        0.85,
        0.05,
    ),
    (
        "examples/demo/faq.es.json",
        "tests/data/faq_questions.es.txt",
        0.82,
        0.05,
    ),
    (
        "tests/data/faq_large.json",
        "tests/data/faq_large_questions.txt",
        0.68,
        0.10,
    ),
];

#[test]
fn accuracy_and_refusals_on_every_set() {
    for (faq_path, questions_path, floor, ceiling) in SETS {
        let faq = Faq::parse(&std::fs::read_to_string(faq_path).unwrap()).unwrap();
        let matcher = Matcher::new(&faq);
        let text = std::fs::read_to_string(questions_path).unwrap();
        let (mut covered, mut right, mut wrong, mut unanswered) = (0, 0, 0, 0);
        let (mut outside, mut answered_anyway) = (0, 0);
        println!("\n{faq_path}, threshold {:.3}:", matcher.threshold());
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let (expected, question) = line.split_once('\t').expect("id TAB question");
            let result = matcher.ask(question);
            let got = result.entry.map(|i| faq.entries[i].id.as_str());
            let confidence = result.confidence;
            if expected == "-" {
                outside += 1;
                if let Some(id) = got {
                    answered_anyway += 1;
                    println!("  answered out of scope: {question:?} -> {id} ({confidence})");
                }
                continue;
            }
            assert!(
                faq.entries.iter().any(|e| e.id == expected),
                "{questions_path}: no entry {expected}"
            );
            covered += 1;
            match got {
                Some(id) if id == expected => right += 1,
                Some(id) => {
                    wrong += 1;
                    println!("  wrong: {question:?} -> {id} ({confidence}), expected {expected}");
                }
                None => {
                    unanswered += 1;
                    println!("  no answer: {question:?} ({confidence}), expected {expected}");
                }
            }
        }
        let accuracy = right as f64 / covered as f64;
        let leak = answered_anyway as f64 / outside as f64;
        println!(
            "  in scope: {right}/{covered} right ({:.1}%), {wrong} wrong, {unanswered} not answered; out of scope: {answered_anyway}/{outside} answered ({:.1}%)",
            accuracy * 100.0,
            leak * 100.0
        );
        assert!(
            accuracy >= *floor,
            "{faq_path}: top-1 accuracy {accuracy:.3}"
        );
        assert!(
            leak <= *ceiling,
            "{faq_path}: out-of-scope answered {leak:.3}"
        );
    }
}

/// Every question and phrasing of every shipped FAQ, asked as written, finds its own entry.
#[test]
fn every_faq_is_lint_clean() {
    for (faq_path, ..) in SETS {
        let faq = Faq::parse(&std::fs::read_to_string(faq_path).unwrap()).unwrap();
        let matcher = Matcher::new(&faq);
        let lints: Vec<String> = lint(&faq, &matcher)
            .iter()
            .map(|l| l.describe(&faq, matcher.threshold()))
            .collect();
        assert!(lints.is_empty(), "{faq_path}: {lints:#?}");
    }
}
