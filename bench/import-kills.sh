#!/usr/bin/env bash
# 10 kills timed inside the import commit (bench/import_kills.py); every store must be the
# old one or the new one. Needs ../shared/datasets/deepstate-daily.
source "$(dirname "$0")/lib.sh"
need_shared deepstate-daily
build_release
python3 bench/import_kills.py .build/release/frontline "$SHARED/datasets/deepstate-daily" "${1:-10}"
