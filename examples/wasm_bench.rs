//! Analysis speed in WebAssembly: built for `wasm32-unknown-unknown` and run under Node.js
//! (V8, as in Chromium) by `scripts/bench-wasm.sh`, which prints the figures.
//! On the host it only explains itself.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use handover::detect::shared;
    use wasm_bindgen::prelude::*;

    /// The same messages as the native bench.
    const MESSAGES: &str = include_str!("../tests/data/bench_messages.txt");

    fn now() -> f64 {
        let performance = js_sys::Reflect::get(&js_sys::global(), &"performance".into())
            .unwrap_or(JsValue::UNDEFINED);
        js_sys::Reflect::get(&performance, &"now".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&performance).ok())
            .and_then(|t| t.as_f64())
            .unwrap_or_else(js_sys::Date::now)
    }

    /// Runs the benchmark and returns a report: building the cue sets once, then per-message
    /// medians over 21 batches.
    #[wasm_bindgen]
    pub fn run() -> String {
        // Linear memory only grows, a 64 KB page at a time: what building adds to it is
        // what the cue sets cost a visitor, to the page.
        let pages = || core::arch::wasm32::memory_size(0);
        let (started, pages_before) = (now(), pages());
        let detector = shared();
        let built = now() - started;
        let grown = (pages() - pages_before) * 64;
        let mut lines = vec![format!(
            "build cue sets (once per page): {built:.1} ms, memory grown by {grown} KB"
        )];
        let mut medians = Vec::new();
        for message in MESSAGES.lines() {
            let mut samples = Vec::new();
            for _ in 0..21 {
                let start = now();
                for _ in 0..200 {
                    std::hint::black_box(detector.analyze(std::hint::black_box(message)));
                }
                samples.push((now() - start) * 1000.0 / 200.0);
            }
            samples.sort_by(f64::total_cmp);
            let median = samples[samples.len() / 2];
            medians.push(median);
            let shown: String = message.chars().take(40).collect();
            lines.push(format!("{median:7.1} µs  {shown}"));
        }
        medians.sort_by(f64::total_cmp);
        lines.push(format!(
            "median over the messages: {:.1} µs per message (budget 20 µs)",
            medians[medians.len() / 2]
        ));
        lines.join("\n")
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("build for wasm32 and run with scripts/bench-wasm.sh");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
