#!/usr/bin/env bash
# What a process pays before and around its work (issue 18): short commands, whole process,
# alternating with the floors (an empty C program linked with what frontline links at start,
# and with PROJ and libcurl too). BASE_BIN times another frontline binary in the same run.
# Usage: bench/start.sh [runs]
. "$(dirname "$0")/lib.sh"
build_release
exec python3 bench/start_bench.py --runs "${1:-21}" ${BASE_BIN:+--base "$BASE_BIN"}
