#!/usr/bin/env bash
# Times message analysis in WebAssembly (release build, V8 under Node.js) and prints the
# per-message medians next to the 20 µs budget. Native figures: `cargo bench --bench detect`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
cargo build --release --quiet --example wasm_bench --target wasm32-unknown-unknown
out=target/wasm-bench
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out" target/wasm32-unknown-unknown/release/examples/wasm_bench.wasm
node -e "console.log(require('./$out/wasm_bench.js').run())"
