#!/usr/bin/env bash
# Sets up a fresh machine, builds the release binary and renders the default map: territorial
# control on the dataset's seed date (2026-02-05) to Output/control-2026-02-05.png.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
swift build -c release --product frontline --static-swift-stdlib
mkdir -p Output
.build/release/frontline render --date 2026-02-05 -o Output/control-2026-02-05.png
