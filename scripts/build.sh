#!/usr/bin/env bash
# Builds the release widget and the demo page into dist/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$HANDOVER_ROOT"
trunk build --release
