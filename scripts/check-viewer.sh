#!/usr/bin/env bash
# Checks the server's viewer (`frontline serve`, GET /) in headless Chromium (Debian's chromium;
# not part of the unit tests; the play step needs python3's websocket-client): Leaflet loads from the server, the tiles of the permalink's date
# are drawn, the attribution names every source (© OpenStreetMap contributors among them), the
# scale and the legend are there, a permalink to another date shows that date's snapshot, and
# the play button moves the date. Takes the README's screenshot (Output/samples/viewer.png).
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
command -v chromium >/dev/null || { echo "check-viewer: needs Debian's chromium" >&2; exit 1; }
port=$((18000 + RANDOM % 1000))
$f serve --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"
dom() { chromium --headless --no-sandbox --disable-gpu --window-size=1300,850 --virtual-time-budget=20000 --dump-dom "$1" 2>/dev/null; }
fail() { echo "check-viewer: $1" >&2; exit 1; }

page=$(dom "$base/#2026-02-05/7/48.2/37.3")
tiles=$(grep -o 'leaflet-tile leaflet-tile-loaded' <<<"$page" | wc -l)
echo "tiles drawn: $tiles"
[ "$tiles" -ge 6 ] || fail "fewer than 6 tiles drawn"
grep -q '/tiles/2026-02-05/7/' <<<"$page" || fail "no tile of the permalink's date and zoom"
for part in 'OpenStreetMap contributors' 'DeepStateMap.Live' 'Liveuamap' 'leaflet-control-scale' 'Occupied by Russia' 'Front line' 'km² occupied'; do
  grep -q "$part" <<<"$page" || fail "the page lacks '$part'"
done
date=$(grep -o '<div id="date">[^<]*' <<<"$page" | sed 's/.*>//')
echo "date shown: $date"
[ "$date" = "2026-02-05" ] || fail "permalink date 2026-02-05 shows $date"

# A permalink to a day between snapshots shows the snapshot that stands for it.
old=$(dom "$base/#2022-07-20/6/48.5/34.0" | grep -o '<div id="date">[^<]*' | sed 's/.*>//')
echo "2022-07-20 shows snapshot $old"
[ "$old" = "2022-07-16" ] || fail "2022-07-20 should show the snapshot of 2022-07-16, got $old"

# The play button steps on from the first snapshot (real time, over the DevTools protocol).
read -r before after < <(python3 scripts/cdp_steps.py "$base/#2022-02-24/6/48.5/34.0" 'wait:3' \
  "document.getElementById('date').textContent" "document.getElementById('play').click()" 'wait:2.5' \
  "document.getElementById('date').textContent" | grep -E '^[0-9]{4}-' | tr '\n' ' ') || true
echo "play: $before -> $after"
[ -n "$after" ] && [[ "$after" > "$before" ]] || fail "the play button did not move the date"

# Without Leaflet the page says so, and the figures still come.
port2=$((port + 1000))
FRONTLINE_LEAFLET=/nonexistent $f serve --port "$port2" >/dev/null 2>&1 &
bare=$!
trap 'kill $server $bare 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port2/health" >/dev/null && break; sleep 0.2; done
nolib=$(dom "http://127.0.0.1:$port2/#2026-02-05/7/48.2/37.3")
grep -q "not installed on this server" <<<"$nolib" || fail "no message without Leaflet"
grep -q "km² occupied" <<<"$nolib" || fail "no figures without Leaflet"
echo "without Leaflet: the message and the figures"

mkdir -p Output/samples
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1300,850 --virtual-time-budget=20000 \
  --screenshot=Output/samples/viewer.png "$base/#2026-02-05/7/48.2/37.3" >/dev/null 2>&1
echo "check-viewer: ok (Output/samples/viewer.png)"
