#!/usr/bin/env bash
# Checks `frontline embed` in headless Chromium (Debian's chromium; not part of the unit tests):
# writes the page of one year and of the whole war, prints their sizes and the time to a drawn
# map, and takes the README's screenshots (Output/samples/): a phone and a desktop width, and
# the desktop after the slider was moved (an input event on the real slider).
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
command -v chromium >/dev/null || { echo "check-embed: needs Debian's chromium" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size="$1" --virtual-time-budget=8000 \
  --screenshot="$2" "file://$3" >/dev/null 2>&1; }
dom() { chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=8000 --dump-dom "file://$1" 2>/dev/null; }

start=$(date +%s.%N)
$f embed --from 2025-02-05 --to 2026-02-05 -o "$dir/year.html" > "$dir/snippet.txt" 2>/dev/null
echo "year:  $(stat -c %s "$dir/year.html" | numfmt --to=iec) in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-4) s"
start=$(date +%s.%N)
$f embed --from 2022-02-24 --to 2026-08-22 -o "$dir/war.html" > /dev/null 2>&1
echo "war:   $(stat -c %s "$dir/war.html" | numfmt --to=iec) in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-4) s"
echo "snippet: $(cat "$dir/snippet.txt")"
grep -qE '(src|href)="https?://[^"]*\.(js|css)' "$dir/year.html" && { echo "check-embed: the page loads something from outside"; exit 1; }

# Time from navigation start to the drawn map (the figures line is written by the same call).
for page in year war; do
  sed 's#</body>#<script>addEventListener("load",()=>{document.title="loaded "+Math.round(performance.now())+" ms"})</script></body>#' \
    "$dir/$page.html" > "$dir/$page-timed.html"
  echo "$page: $(dom "$dir/$page-timed.html" | grep -o '<title>loaded [0-9]* ms' | sed 's/<title>//') in headless Chromium"
done

mkdir -p Output/samples
shot 390,760 Output/samples/embed-phone.png "$dir/year.html"
shot 1200,820 Output/samples/embed-desktop.png "$dir/year.html"
# Move the slider to the first snapshot, as a reader's drag does (an input event).
sed 's#</body>#<script>addEventListener("load",()=>{const s=document.getElementById("slider");s.value=0;s.dispatchEvent(new Event("input"))})</script></body>#' \
  "$dir/year.html" > "$dir/moved.html"
shot 1200,820 Output/samples/embed-desktop-slider.png "$dir/moved.html"
before=$(dom "$dir/year.html" | grep -o '<output id="date"[^<]*</output>')
after=$(dom "$dir/moved.html" | grep -o '<output id="date"[^<]*</output>')
echo "slider: $before -> $after"
[ "$before" != "$after" ] || { echo "check-embed: the slider did not change the date"; exit 1; }
echo "check-embed: ok"
