#!/usr/bin/env bash
# Diff benchmark (issue 4): frontline diff one year apart vs a shapely + pyproj peer computing
# the same per-region table from the same files. Usage: bench/diff.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
python3 -c "import shapely, pyproj" 2>/dev/null || pip install -q shapely pyproj
swift build -c release --product frontline --static-swift-stdlib >/dev/null
exec python3 bench/diff_bench.py --runs "${1:-5}"
