#!/usr/bin/env bash
# #34's cache flood: `serve --cache-mb 1`, SECONDS (20) of wrk over empty z16 vector tiles of
# one date, then raster tiles of that date: before #34 each store scanned every cached entry
# (empty ones unbounded) and the server sat at 100 % CPU for minutes. Prints the flood's rate,
# the server's CPU in the 5 s after it, and the time of ten raster tiles asked after it.
. "$(dirname "$0")/lib.sh"
need_wrk
build_release
seconds=${1:-20}
port=18095
bin=${BIN:-.build/release/frontline}
$bin serve --port "$port" --cache-mb 1 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 300); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
curl -s "127.0.0.1:$port/vector/2025-01-01/6/37/22.pbf" -o /dev/null  # the world of the date, built once
DATE=2025-01-01 wrk -t 2 -c 64 -d "${seconds}s" --latency -s bench/cache-flood.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|Non-2xx|99%"
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
a=$(ticks); sleep 5; b=$(ticks)
echo "server CPU in the 5 s after the flood: $(( (b - a) * 100 / $(getconf CLK_TCK) / 5 )) %"
start=$(date +%s.%N)
for x in 36 37 38 39 40; do for y in 21 22; do
  curl -s -o /dev/null -w "%{http_code} " --max-time 30 "127.0.0.1:$port/tiles/2025-01-01/6/$x/$y.png"
done; done
echo; echo "ten raster tiles after the flood: $(echo "$(date +%s.%N) - $start" | bc) s"
