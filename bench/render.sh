#!/usr/bin/env bash
# Render benchmark (issue 3): frontline render vs Mapnik and geopandas + matplotlib drawing the
# same layers from the same files at 1600x1200. Usage: bench/render.sh [runs]
. "$(dirname "$0")/lib.sh"
need_mapnik
need_pip "geopandas, matplotlib" geopandas matplotlib
build_release
exec python3 bench/render_bench.py --runs "${1:-7}" ${BASE_BIN:+--base "$BASE_BIN"}
