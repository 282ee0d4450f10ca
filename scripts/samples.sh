#!/usr/bin/env bash
# Regenerates the committed sample images under Output/samples/ (shown in the README).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product frontline >/dev/null
mkdir -p Output/samples
f=.build/release/frontline
$f render --date 2026-02-05 -o Output/samples/control-2026-02-05.png
$f render --date 2026-02-05 --region UA-14 -o Output/samples/donetsk-2026-02-05.png
$f render --date 2026-02-05 --lang uk --theme dark --size 1200x900 -o Output/samples/control-2026-02-05-uk-dark.png
$f diff --from 2025-02-05 --to 2026-02-05 -o Output/samples/change-2025-02-05-2026-02-05.png > Output/samples/change-2025-02-05-2026-02-05.txt
