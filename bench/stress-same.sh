#!/usr/bin/env bash
# #28's stress run: `frontline serve` under wrk's mixed soak traffic at 64 connections over
# 100 dates (bench/soak.lua: raster and vector tiles, maps, diffs, stats, bad requests) for
# SECONDS, while bench/same_bytes.py asks a fixed set of requests twice and compares the
# bytes. Usage: bench/stress-same.sh [seconds]. BIN=.build-tsan/debug/frontline and
# SERVER_LOG=tsan.log run it under a sanitized server; grep the log for "WARNING:".
. "$(dirname "$0")/lib.sh"
need_wrk
bin=${BIN:-.build/release/frontline}
[ -x "$bin" ] || build_release
duration=${1:-300}
port=18091
dates=$(spread_dates "$bin" 100)
$bin serve --port "$port" 2>"${SERVER_LOG:-/dev/null}" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
echo "stress: ${duration} s of wrk at 64 connections over 100 dates, with the same requests asked twice"
DATES="$dates" wrk -t 2 -c 64 -d "${duration}s" --timeout 30s -s bench/soak.lua "http://127.0.0.1:$port" | grep RESULT &
load=$!
python3 bench/same_bytes.py "$port" "$dates" 400
same=$?
wait "$load"
echo "  server alive: $(kill -0 "$server" 2>/dev/null && echo yes || echo NO)"
exit $same
