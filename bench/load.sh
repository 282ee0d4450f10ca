#!/usr/bin/env bash
# Load test of `frontline serve` on 127.0.0.1 only: wrk, 64 connections, random tiles z0-10
# over Ukraine. Three runs of DURATION seconds (30 by default), each on a fresh server:
# one date cold then warm, and 60 dates spread over the whole record (most never measured
# before: the server must answer 200 or 503 + Retry-After, never leave a request waiting).
# Peak RSS is the server's VmHWM after each server's runs. Usage: bench/load.sh [seconds]
. "$(dirname "$0")/lib.sh"
need_wrk
build_release
duration=${1:-30}
port=18080
bin=${BIN:-.build/release/frontline}
sixty=$(spread_dates "$bin" 60)

serve() {
  $bin serve --port "$port" --cache-mb 512 2>/dev/null &
  server=$!
  for _ in $(seq 50); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
}
stop() {
  echo "  server alive: $(kill -0 "$server" 2>/dev/null && echo yes || echo NO), peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$server/status)"
  kill "$server"; wait "$server" 2>/dev/null || true
}
trap 'kill $server 2>/dev/null || true' EXIT
load() { DATES="$1" wrk -t 2 -c 64 -d "${duration}s" --timeout 10s -s bench/load.lua "http://127.0.0.1:$port" | grep RESULT; }

serve
echo "one date, cold: $(load 2026-02-05)"
echo "one date, warm: $(load 2026-02-05)"
stop
serve
echo "60 dates, cold: $(load "$sixty")"
echo "60 dates, again: $(load "$sixty")"
stop
