#!/usr/bin/env bash
# Figures measured once (issue 18): stats over every DeepState daily file and over every
# bundled date, chart over the whole war and report for a year, read from the figure store,
# against measuring them (FRONTLINE_CACHE=off) and against shapely + pyproj on the same dates.
# Needs ../shared/datasets (not part of the clone). Usage: bench/figures.sh [runs]
. "$(dirname "$0")/lib.sh"
need_shared deepstate-daily
need_pip "shapely, pyproj" shapely pyproj
build_release
exec python3 bench/figures_bench.py --shared "$SHARED" --runs "${1:-5}"
