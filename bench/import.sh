#!/usr/bin/env bash
# Import benchmark (issue 5): every DeepState daily file and every raw export into a fresh
# store, and the imported figures against a peer reading the original files.
# Needs ../shared/datasets (not part of the clone). Usage: bench/import.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
[ -d "$SHARED/datasets/deepstate-raw" ] || { echo "bench: $SHARED/datasets/deepstate-raw not found" >&2; exit 66; }
./scripts/setup.sh >/dev/null
python3 -c "import shapely, pyproj" 2>/dev/null || pip install -q shapely pyproj
swift build -c release --product frontline --static-swift-stdlib >/dev/null
exec python3 bench/import_bench.py --shared "$SHARED" --runs "${1:-3}"
