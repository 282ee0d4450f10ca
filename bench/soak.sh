#!/usr/bin/env bash
# Soak of `frontline serve --cache-mb 64` on 127.0.0.1: wrk at 64 connections for SECONDS
# (600 by default) of mixed traffic over 100+ dates (raster and vector tiles, empty z16 vector
# tiles, maps, diffs, stats, places, bad requests: bench/soak.lua), with a probe beside it
# (bench/soak_probe.py) timing each route and /health every 100 ms, and sampling the server's
# RSS and CPU, also for 10 s after the traffic stops (no spin). Usage: bench/soak.sh [seconds]
# BIN=.build-tsan/debug/frontline SERVER_LOG=tsan.log bench/soak.sh 300: the same under a
# sanitized server, its reports kept in SERVER_LOG (the server's stderr; /dev/null otherwise).
. "$(dirname "$0")/lib.sh"
need_wrk
build_release
duration=${1:-600}
port=18090
bin=${BIN:-.build/release/frontline}
dates=$(spread_dates "$bin" 120)
$bin serve --port "$port" --cache-mb 64 2>"${SERVER_LOG:-/dev/null}" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
echo "soak: ${duration} s, 64 connections, 120 dates, --cache-mb 64"
python3 bench/soak_probe.py "$port" "$server" "$duration" "$dates" &
probe=$!
DATES="$dates" wrk -t 2 -c 64 -d "${duration}s" --timeout 10s -s bench/soak.lua "http://127.0.0.1:$port" | grep RESULT
wait "$probe"
echo "  server alive: $(kill -0 "$server" 2>/dev/null && echo yes || echo NO)"
