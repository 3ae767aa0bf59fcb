//! Analysis of one message, and one turn of the escalation policy, native.
//! `cargo bench --bench detect`. The wasm figure comes from `scripts/bench-wasm.sh`.

#[cfg(not(target_arch = "wasm32"))]
use criterion::{Criterion, criterion_group, criterion_main};
#[cfg(not(target_arch = "wasm32"))]
use handover::{detect::shared, escalate::Policy};
#[cfg(not(target_arch = "wasm32"))]
use std::hint::black_box;

/// Messages of the kinds the widget sees, short and long (shared with the wasm bench).
#[cfg(not(target_arch = "wasm32"))]
const MESSAGES: &str = include_str!("../tests/data/bench_messages.txt");

#[cfg(not(target_arch = "wasm32"))]
fn analysis(c: &mut Criterion) {
    let detector = shared();
    // Build the cue sets before timing: the widget does this once per page.
    detector.analyze("warm up");
    for (i, message) in MESSAGES.lines().enumerate() {
        c.bench_function(&format!("analyze/{i}"), |b| {
            b.iter(|| detector.analyze(black_box(message)))
        });
    }
    c.bench_function("analyze/mix", |b| {
        b.iter(|| {
            for message in MESSAGES.lines() {
                black_box(detector.analyze(black_box(message)));
            }
        })
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn policy(c: &mut Criterion) {
    let detector = shared();
    let analyses: Vec<_> = MESSAGES.lines().map(|m| detector.analyze(m)).collect();
    c.bench_function("policy/turn", |b| {
        b.iter(|| {
            let mut policy = Policy::default();
            for (message, analysis) in MESSAGES.lines().zip(&analyses) {
                black_box(policy.visitor(message, analysis, None));
                policy.bot_replied("Sorry, I don't know.", false);
            }
        })
    });
}

#[cfg(not(target_arch = "wasm32"))]
criterion_group!(benches, analysis, policy);
#[cfg(not(target_arch = "wasm32"))]
criterion_main!(benches);

/// Criterion is native only; the wasm figures come from `scripts/bench-wasm.sh`.
#[cfg(target_arch = "wasm32")]
fn main() {}
