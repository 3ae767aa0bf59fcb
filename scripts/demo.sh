#!/usr/bin/env bash
# Installs everything, builds the widget, and serves the demo shop page.
set -euo pipefail
"$(dirname "$0")/install.sh"
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
scripts/build.sh
exec node scripts/serve.mjs "${PORT:-8080}"
