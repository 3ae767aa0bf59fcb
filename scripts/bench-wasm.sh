#!/usr/bin/env bash
# Times message analysis in WebAssembly (V8 under Node.js) and prints the
# per-message medians next to the 20 µs budget. Built with the widget's own profile, so it
# times the code visitors run. Native figures: `cargo bench --bench detect`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
cargo build --profile widget --quiet --example wasm_bench --target wasm32-unknown-unknown
out=target/wasm-bench
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out" target/wasm32-unknown-unknown/widget/examples/wasm_bench.wasm
node -e "console.log(require('./$out/wasm_bench.js').run())"
