#!/usr/bin/env bash
# Installs everything, then runs every check and test: lint, host tests, browser tests,
# the release build, end-to-end tests, and the budget report.
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets --quiet -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings

step "host tests (pure core)"
cargo test --quiet

step "FAQ matcher against the TF-IDF and BM25 baselines"
python3 scripts/faq-eval.py

step "summary details against a regex baseline; planted secrets"
python3 scripts/summary-eval.py

step "browser tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

step "release build (widget, and the local handoff inbox the end-to-end tests post to)"
scripts/build.sh
cargo build --release --quiet --example inbox

step "end-to-end tests (playwright-core, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/

step "budgets"
node scripts/budget.mjs
