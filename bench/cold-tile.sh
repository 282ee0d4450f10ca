#!/usr/bin/env bash
# The server's first tile of a date it has not drawn before (#18: p99 under 50 ms). One server;
# for N dates spread over the whole record (default 60), one z7 tile over the Donbas each, in
# turn, as a newsroom's map would ask for it; then a second tile of each date (its world is
# built). Latency is curl's time_total on 127.0.0.1. Usage: bench/cold-tile.sh [dates]
. "$(dirname "$0")/lib.sh"
build_release
n=${1:-60}
port=18081
bin=${BIN:-.build/release/frontline}
dates=$($bin snapshots --dates --format json | N=$n python3 -c '
import json, os, sys
n = int(os.environ["N"])
dates = sorted({d for s in json.load(sys.stdin)["sources"] for d in s["dates"]})
print(" ".join(dates[round(i * (len(dates) - 1) / (n - 1))] for i in range(n)))')
$bin serve --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s "127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
first=() second=()
for d in $dates; do
  first+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "127.0.0.1:$port/tiles/$d/7/77/44.png")")
  second+=("$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "127.0.0.1:$port/tiles/$d/7/78/44.png")")
done
report() {
  printf '%s\n' "$@" | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
bad = [r for r in rows if r[0] != "200"]
ms = sorted(float(r[1]) * 1000 for r in rows)
q = lambda p: ms[min(len(ms) - 1, round(p * (len(ms) - 1)))]
print(f"{len(ms)} tiles, {len(bad)} not 200: p50 {q(0.5):.1f} ms, p90 {q(0.9):.1f} ms, p99 {q(0.99):.1f} ms, max {ms[-1]:.1f} ms")'
}
[ -n "${VERBOSE:-}" ] && printf "%s\n" "${first[@]}" | tr "\n" " "
echo "first tile of a date:  $(report "${first[@]}")"
echo "second tile of a date: $(report "${second[@]}")"
