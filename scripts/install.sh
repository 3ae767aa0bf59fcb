#!/usr/bin/env bash
# Installs everything the demo and the tests need on a fresh Debian machine.
# Idempotent: every step checks what is there first and skips it when it is right.
# Nothing is downloaded from GitHub: tools come from Debian, crates.io and npm only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v chromium >/dev/null || packages+=(chromium)
command -v chromedriver >/dev/null || packages+=(chromium-driver)
command -v brotli >/dev/null || packages+=(brotli)
command -v node >/dev/null || packages+=(nodejs)
command -v npm >/dev/null || packages+=(npm)
command -v python3 >/dev/null || packages+=(python3)
python3 -c 'import ensurepip' 2>/dev/null || packages+=(python3-venv)
if [ ${#packages[@]} -gt 0 ]; then
  step "Debian packages: ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  # --locked: newer versions of its dependencies do not build together.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes on 2 cores)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node tools: wasm-opt from binaryen (Debian's is too old for Trunk), playwright-core and
# axe-core for the end-to-end tests. Reinstalled only when the lockfile changed.
if [ ! -d tests/e2e/node_modules ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
  step "npm packages (tests/e2e)"
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi

# Python packages for the FAQ matcher's baselines (scripts/faq-eval.py) only, in a venv.
FAQ_EVAL_PYTHON=target/faq-eval/venv/bin/python
if ! "$FAQ_EVAL_PYTHON" -c 'import sklearn, rank_bm25' 2>/dev/null; then
  step "Python venv for scripts/faq-eval.py (scikit-learn, rank_bm25)"
  python3 -m venv target/faq-eval/venv
  "$FAQ_EVAL_PYTHON" -m pip install -q --disable-pip-version-check $(sed -n 's/^PACKAGES = \[\(.*\)\]/\1/p' scripts/faq-eval.py | tr -d '",')
fi

step "tools ready"
