#!/usr/bin/env bash
# Writes the outputs a refactor must leave unchanged into OUT, with the binary BIN: the
# README samples, the stats CSV over every snapshot, a vector (MVT) pyramid and the raster
# pyramid z0-9. Run it with the binary before and after a change and compare:
#   bench/sameness.sh /tmp/frontline-before /tmp/same-before
#   bench/sameness.sh .build/release/frontline /tmp/same-after
#   diff -rq /tmp/same-before /tmp/same-after
set -euo pipefail
BIN=${1:?usage: sameness.sh BIN OUT}
OUT=${2:?usage: sameness.sh BIN OUT}
rm -rf "$OUT" && mkdir -p "$OUT/samples"
s="$OUT/samples"
$BIN render --date 2026-02-05 -o "$s/control-2026-02-05.png"
$BIN render --date 2026-02-05 --region UA-14 -o "$s/donetsk-2026-02-05.png"
$BIN render --date 2026-02-05 --lang uk --theme dark --size 1200x900 -o "$s/control-2026-02-05-uk-dark.png"
$BIN render --date 2023-06-15 -o "$s/control-2023-06-15.png"
$BIN render --date 2024-09-01 --region UA-59 -o "$s/kursk-2024-09-01.png"
$BIN render --date 2026-02-05 --preset landscape -o "$s/control-2026-02-05-landscape.png"
$BIN render --date 2026-02-05 --region UA-14 --advances 30d -o "$s/donetsk-2026-02-05-advances.png"
$BIN render --date 2025-06-01 --size 900x700 -o "$s/control-2025-06-01.svg"
$BIN render --date 2025-06-01 --size 900x700 -o "$s/control-2025-06-01.pdf"
$BIN diff --from 2022-11-17 --to 2023-11-17 -o "$s/change-2022-11-17-2023-11-17.png" > /dev/null
$BIN diff --from 2025-02-05 --to 2026-02-05 -o "$s/change-2025-02-05-2026-02-05.png" > "$s/change-2025-02-05-2026-02-05.txt"
$BIN chart --from 2022-02-24 --to 2026-08-22 -o "$s/chart.png"
$BIN timelapse --from 2025-01-01 --to 2026-01-01 --every 14d --size 600x450 -o "$s/timelapse-2025.gif"
$BIN report --from 2025-02-05 --to 2026-02-05 -o "$s/report.html"
$BIN stats --from 2022-02-24 --to 2026-08-22 --format csv > "$OUT/stats.csv"
$BIN tiles --date 2026-02-05 --zoom 0-7 --format mvt -o "$OUT/mvt" --url http://localhost/mvt/ > /dev/null
$BIN tiles --date 2026-02-05 --zoom 0-9 -o "$OUT/raster" > /dev/null
echo "$OUT: $(find "$OUT" -type f | wc -l) files"
