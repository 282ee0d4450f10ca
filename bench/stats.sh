#!/usr/bin/env bash
# Stats benchmark (issue 2): frontline vs shapely + pyproj over every DeepState daily file.
# Needs ../shared/datasets (not part of the clone). Usage: bench/stats.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/datasets/deepstate-daily" ] || { echo "bench: $SHARED/datasets/deepstate-daily not found" >&2; exit 66; }
./scripts/setup.sh >/dev/null
python3 -c "import shapely, pyproj" 2>/dev/null || pip install -q shapely pyproj
swift build -c release --product frontline --static-swift-stdlib >/dev/null
exec python3 bench/stats_bench.py --shared "$SHARED" --runs "${1:-3}"
