#!/usr/bin/env bash
# Regenerates the committed sample images under Output/samples/ (shown in the README).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product frontline --static-swift-stdlib >/dev/null
mkdir -p Output/samples
f=.build/release/frontline
$f render --date 2026-02-05 -o Output/samples/control-2026-02-05.png
$f render --date 2026-02-05 --region UA-14 -o Output/samples/donetsk-2026-02-05.png
$f render --date 2026-02-05 --lang uk --theme dark --size 1200x900 -o Output/samples/control-2026-02-05-uk-dark.png
$f render --date 2023-06-15 -o Output/samples/control-2023-06-15.png
$f render --date 2024-09-01 --region UA-59 -o Output/samples/kursk-2024-09-01.png
$f render --date 2026-02-05 --preset landscape -o Output/samples/control-2026-02-05-landscape.png
$f render --date 2026-08-22 --preset story -o Output/samples/story-2026-08-22.png
$f render --date 2024-09-01 --theme colorblind -o Output/samples/control-2024-09-01-colorblind.png
$f render --date 2026-02-05 --region UA-14 --advances 30d -o Output/samples/donetsk-2026-02-05-advances.png
$f diff --from 2022-11-17 --to 2023-11-17 -o Output/samples/change-2022-11-17-2023-11-17.png > /dev/null
$f diff --from 2025-02-05 --to 2026-02-05 -o Output/samples/change-2025-02-05-2026-02-05.png > Output/samples/change-2025-02-05-2026-02-05.txt
$f chart --from 2022-02-24 --to 2026-08-22 -o Output/samples/chart-2022-02-24-2026-08-22.png
$f chart --from 2025-01-01 --to 2026-02-05 --metric change -o Output/samples/chart-monthly-change.png
$f chart --from 2022-02-24 --to 2026-08-22 --metric front-km -o Output/samples/chart-front-km.png
$f chart --from 2022-02-24 --to 2026-08-22 --metric rate -o Output/samples/chart-rate.png
$f timelapse --from 2025-01-01 --to 2026-01-01 --every 14d --size 600x450 -o Output/samples/timelapse-2025.gif
$f report --from 2025-02-05 --to 2026-02-05 -o Output/samples/report-2025-02-05-2026-02-05.html
# The screenshot needs Debian's chromium (not installed by setup.sh: only this sample needs it).
if command -v chromium >/dev/null; then
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,3600 \
    --screenshot=Output/samples/report-2025-02-05-2026-02-05.png \
    "file://$PWD/Output/samples/report-2025-02-05-2026-02-05.html" 2>/dev/null
fi
