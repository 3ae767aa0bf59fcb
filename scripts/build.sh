#!/usr/bin/env bash
# Builds the release widget and the demo page into dist/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
trunk build --release
# Trunk's own minifier fails on wasm-bindgen's glue; esbuild handles it (and stays CSP-safe:
# it only renames and strips, it adds no eval).
for file in dist/handover.js dist/embed.js; do
  esbuild "$file" --minify --legal-comments=none --log-level=warning --allow-overwrite --outfile="$file"
done
