#!/usr/bin/env bash
# Diff benchmark (issue 4): frontline diff one year apart vs a shapely + pyproj peer computing
# the same per-region table from the same files. Usage: bench/diff.sh [runs]
. "$(dirname "$0")/lib.sh"
need_pip "shapely, pyproj" shapely pyproj
build_release
exec python3 bench/diff_bench.py --runs "${1:-5}"
