#!/usr/bin/env bash
# The cartographic QA matrix (scripts/qa_maps.py): every picture of the matrix checked from
# what the renderer placed, a contact sheet in Output/qa/index.html, and a failure for any
# violation scripts/qa-known.txt does not list.
#   scripts/qa-maps.sh                 the whole matrix (release binary, a few minutes)
#   scripts/qa-maps.sh --sample        what CI runs (the debug binary the tests built)
#   scripts/qa-maps.sh --update-known  after a fix: the known list rewritten from what is seen
set -euo pipefail
cd "$(dirname "$0")/.."
export FRONTLINE_DATA=${FRONTLINE_DATA:-$PWD/GeoData/ukraine}
if [[ " $* " == *" --sample "* ]]; then
  bin=${BIN:-.build/debug/frontline}
  [ -x "$bin" ] || swift build --product frontline >/dev/null
  out=Output/qa-sample
else
  bin=${BIN:-.build/release/frontline}
  [ -n "${BIN:-}" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
  out=Output/qa
fi
rm -rf "$out"
python3 scripts/qa_maps.py "$bin" "$out" "$@"
