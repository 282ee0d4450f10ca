#!/usr/bin/env bash
# #34's cache flood: `serve --cache-mb 1`, SECONDS (20) of wrk over empty z16 vector tiles of
# one date, then raster tiles of that date: before #34 each store scanned every cached entry
# (empty ones unbounded) and the server sat at 100 % CPU for minutes. Prints the flood's rate,
# the server's CPU in the 5 s after it, how many raster tiles are answered after it (enough
# to pass the budget) and in what time, and the CPU after those.
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
cpu() { local a b; a=$(ticks); sleep 5; b=$(ticks); echo "$(( (b - a) * 100 / $(getconf CLK_TCK) / 5 )) %"; }
echo "server CPU in the 5 s after the flood: $(cpu)"
# Up to 240 z8 raster tiles at @2x over Ukraine (several MB): past the 1 MB budget, so stores evict.
# Three tiles in a row with no answer in 10 s end the run (the old cache's spin).
start=$(date +%s.%N) ok=0 bytes=0 missed=0
for x in $(seq 144 163); do for y in $(seq 84 95); do
  r=$(curl -s -o /dev/null -w "%{http_code} %{size_download}" --max-time 10 "127.0.0.1:$port/tiles/2025-01-01/8/$x/$y@2x.png" || true)
  if [ "${r%% *}" = 200 ]; then ok=$((ok + 1)) bytes=$((bytes + ${r##* })) missed=0; else missed=$((missed + 1)); fi
  [ "$missed" -ge 3 ] && break 2
done; done
echo "raster tiles after the flood: $ok answered ($((bytes / 1024)) KB) in $(echo "$(date +%s.%N) - $start" | bc) s$([ "$missed" -ge 3 ] && echo ", then three with no answer in 10 s")"
echo "server CPU in the 5 s after them: $(cpu)"
