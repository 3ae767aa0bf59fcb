#!/usr/bin/env bash
# Installs everything, builds the widget and the local handoff inbox, and serves the demo
# shop page: chat, press "Talk to a human", and watch the handoff land in the inbox.
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
scripts/build.sh
cargo build --release --quiet --example inbox
PORT="${PORT:-8080}"
INBOX_PORT="${INBOX_PORT:-8787}"
target/release/examples/inbox --port "$INBOX_PORT" --file target/inbox/handoffs.jsonl &
inbox=$!
trap 'kill "$inbox" 2>/dev/null' EXIT
# The page posts to /api/handoff on its own origin (its CSP allows only 'self'); the demo
# server forwards that to the inbox.
node scripts/serve.mjs "$PORT" "http://127.0.0.1:$INBOX_PORT"
