#!/usr/bin/env bash
# Load test of `frontline serve` on 127.0.0.1 only: wrk, 64 connections, random tiles z0-10
# over Ukraine for four dates; a cold run on a fresh server, then a warm run on the same one.
# Bounded: each run lasts DURATION seconds (30 by default). Usage: bench/load.sh [seconds]
. "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
build_release
duration=${1:-30}
port=18080
.build/release/frontline serve --port "$port" --cache-mb 512 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
for run in cold warm; do
  line=$(wrk -t 2 -c 64 -d "${duration}s" --timeout 10s -s bench/load.lua "http://127.0.0.1:$port" | grep RESULT)
  echo "$run $line"
done
kill -0 $server && echo "server alive after the runs (pid $server)"
