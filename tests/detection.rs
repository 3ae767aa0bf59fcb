//! Accuracy of explicit human-request detection on the labeled sets in `tests/data/`:
//! recall per language on requests, and false alarms on look-alikes and on ordinary support
//! questions and chit-chat. `cargo test --test detection -- --nocapture` prints the figures.
#![cfg(not(target_arch = "wasm32"))]

use handover::detect::shared;
use std::fs;

/// Lines of a data file without comments and blanks.
fn lines(path: &str) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// Recall per language and false alarms over one directory of labeled files (plus the
/// ordinary messages); returns the targets missed.
fn evaluate(dir: &str) -> Vec<String> {
    let detector = shared();
    let mut false_alarms = Vec::new();
    let mut negatives = 0;
    let mut failures = Vec::new();
    println!("language  requests  found  recall   look-alikes  false alarms");
    for lang in ["en", "es", "fr", "de", "pt", "it", "nl"] {
        let (mut positives, mut found, mut lookalikes, mut alarms) = (0, 0, 0, 0);
        let mut missed = Vec::new();
        for line in lines(&format!("{dir}/{lang}.txt")) {
            let (label, text) = line.split_at(2);
            let detected = detector.analyze(text).human_request;
            if label == "+ " {
                positives += 1;
                if detected {
                    found += 1;
                } else {
                    missed.push(text.to_owned());
                }
            } else {
                lookalikes += 1;
                if detected {
                    alarms += 1;
                    false_alarms.push(format!("{lang}: {text}"));
                }
            }
        }
        negatives += lookalikes;
        let recall = found as f64 / positives as f64;
        println!(
            "{lang:8}  {positives:8}  {found:5}  {:5.1}%   {lookalikes:11}  {alarms:12}",
            recall * 100.0
        );
        for text in &missed {
            println!("          missed: {text}");
        }
        let target = if lang == "en" { 0.97 } else { 0.90 };
        if recall < target {
            failures.push(format!("{lang}: recall {recall:.3} below {target}"));
        }
    }
    let ordinary = lines("tests/data/support_messages.txt");
    for text in &ordinary {
        if detector.analyze(text).human_request {
            false_alarms.push(format!("ordinary: {text}"));
        }
    }
    negatives += ordinary.len();
    let rate = false_alarms.len() as f64 / negatives as f64;
    println!(
        "false alarms: {} of {negatives} messages that ask for no one ({:.2}%)",
        false_alarms.len(),
        rate * 100.0
    );
    for alarm in &false_alarms {
        println!("          false alarm: {alarm}");
    }
    if rate > 0.003 {
        failures.push(format!("false-alarm rate {rate:.4} above 0.3%"));
    }
    failures
}

#[test]
fn human_requests_on_the_tuning_sets() {
    println!("\ntuning sets (tests/data/human_requests):");
    let failures = evaluate("tests/data/human_requests");
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn human_requests_on_the_second_held_out_sets() {
    println!("\nsecond held-out sets (tests/data/human_requests_holdout2):");
    let failures = evaluate("tests/data/human_requests_holdout2");
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn human_requests_on_the_held_out_sets() {
    println!("\nheld-out sets (tests/data/human_requests_holdout):");
    let failures = evaluate("tests/data/human_requests_holdout");
    assert!(failures.is_empty(), "{failures:?}");
}

#[test]
fn human_requests_on_the_third_held_out_sets() {
    println!("\nthird held-out sets (tests/data/human_requests_holdout3):");
    let failures = evaluate("tests/data/human_requests_holdout3");
    assert!(failures.is_empty(), "{failures:?}");
}
