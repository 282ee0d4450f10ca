#!/usr/bin/env bash
# Import benchmark (issue 5): every DeepState daily file and every raw export into a fresh
# store, and the imported figures against a peer reading the original files.
# Needs ../shared/datasets (not part of the clone). Usage: bench/import.sh [runs]
. "$(dirname "$0")/lib.sh"
need_shared deepstate-raw
need_shared deepstate-daily
need_pip "shapely, pyproj" shapely pyproj
build_release
exec python3 bench/import_bench.py --shared "$SHARED" --runs "${1:-3}"
