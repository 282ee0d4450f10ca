#!/usr/bin/env bash
# Sets up a fresh machine, builds the release binary and produces the default output for the
# dataset's seed date (2026-02-05): the control figures, per region and national.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product frontline
.build/release/frontline stats --date 2026-02-05
