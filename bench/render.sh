#!/usr/bin/env bash
# Render benchmark (issue 3): frontline render vs Mapnik and geopandas + matplotlib drawing the
# same layers from the same files at 1600x1200. Usage: bench/render.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh >/dev/null
/usr/bin/python3 -c "import mapnik" 2>/dev/null || { apt-get install -y -qq python3-mapnik >/dev/null; }
python3 -c "import geopandas, matplotlib" 2>/dev/null || pip install -q geopandas matplotlib
swift build -c release --product frontline --static-swift-stdlib >/dev/null
exec python3 bench/render_bench.py --runs "${1:-7}"
