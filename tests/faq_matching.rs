//! The FAQ matcher on the demo FAQ: top-1 accuracy on questions it covers, and how often it
//! answers a question it does not cover. `cargo test --test faq_matching -- --nocapture`
//! prints the figures and every miss.
#![cfg(not(target_arch = "wasm32"))]

use handover::bot::faq::Faq;
use handover::bot::matcher::Matcher;

#[test]
fn demo_faq_accuracy_and_refusals() {
    let faq = Faq::parse(&std::fs::read_to_string("examples/demo/faq.json").unwrap()).unwrap();
    let matcher = Matcher::new(&faq);
    let text = std::fs::read_to_string("tests/data/faq_questions.txt").unwrap();
    let (mut covered, mut right, mut wrong, mut unanswered) = (0, 0, 0, 0);
    let (mut outside, mut answered_anyway) = (0, 0);
    println!();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (expected, question) = line.split_once('\t').expect("id TAB question");
        let result = matcher.ask(question);
        let got = result.entry.map(|i| faq.entries[i].id.as_str());
        if expected == "-" {
            outside += 1;
            if let Some(id) = got {
                answered_anyway += 1;
                println!(
                    "answered out of scope: {question:?} -> {id} ({})",
                    result.confidence
                );
            }
        } else {
            covered += 1;
            match got {
                Some(id) if id == expected => right += 1,
                Some(id) => {
                    wrong += 1;
                    println!(
                        "wrong: {question:?} -> {id} ({}), expected {expected}",
                        result.confidence
                    );
                }
                None => {
                    unanswered += 1;
                    println!(
                        "no answer: {question:?} ({}), expected {expected}",
                        result.confidence
                    );
                }
            }
        }
    }
    let accuracy = right as f64 / covered as f64;
    let leak = answered_anyway as f64 / outside as f64;
    println!(
        "in scope: {right}/{covered} right ({:.1}%), {wrong} wrong, {unanswered} not answered; out of scope: {answered_anyway}/{outside} answered ({:.1}%)",
        accuracy * 100.0,
        leak * 100.0
    );
    // A floor under the first version (76.9%), against regressions; the bot issue raises it.
    assert!(accuracy >= 0.75, "top-1 accuracy {accuracy:.3}");
    assert!(leak <= 0.1, "out-of-scope answered {leak:.3}");
}
