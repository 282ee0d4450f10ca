#!/usr/bin/env bash
# Stats benchmark (issue 2): frontline vs shapely + pyproj over every DeepState daily file.
# Needs ../shared/datasets (not part of the clone). Usage: bench/stats.sh [runs]
. "$(dirname "$0")/lib.sh"
need_shared deepstate-daily
need_pip "shapely, pyproj" shapely pyproj
build_release
exec python3 bench/stats_bench.py --shared "$SHARED" --runs "${1:-3}"
