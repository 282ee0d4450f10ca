#!/usr/bin/env bash
# Draws the vector tiles with MapLibre GL JS (the `maplibre` Python package ships maplibre-gl.js)
# in headless Chromium from the style.json `tiles --format mvt` writes, served over HTTP by
# Python's http.server: a screenshot (Output/samples/maplibre-2026-02-05.png) and a pixel probe
# (Donetsk in the occupied colour, Kyiv not). Needs: pip install maplibre; Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
js=$(python3 -c "import os, maplibre; print(os.path.dirname(maplibre.__file__))" 2>/dev/null)/srcjs
[ -f "$js/maplibre-gl.js" ] || { echo "check-maplibre: pip install maplibre" >&2; exit 1; }
dir=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$dir"' EXIT
$f tiles --date 2026-02-05 --zoom 0-8 --format mvt -o "$dir/tiles" --url "http://127.0.0.1:$port/tiles/" 2>/dev/null
cp "$js/maplibre-gl.js" "$js/maplibre-gl.css" "$dir/"
cat > "$dir/index.html" <<HTML
<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="maplibre-gl.css">
<style>body{margin:0}#map{width:1000px;height:750px}</style></head><body><div id="map"></div><pre id="probe">waiting</pre>
<script src="maplibre-gl.js"></script><script>
const map = new maplibregl.Map({container: "map", style: "http://127.0.0.1:$port/tiles/style.json", center: [31.5, 48.6], zoom: 4.6,
  canvasContextAttributes: {preserveDrawingBuffer: true}, preserveDrawingBuffer: true, attributionControl: {compact: false}});
map.once("idle", () => {
  const gl = map.getCanvas().getContext("webgl2") || map.getCanvas().getContext("webgl");
  const r = window.devicePixelRatio || 1, h = map.getCanvas().height;
  const probe = (lon, lat) => { const p = map.project([lon, lat]); const px = new Uint8Array(4);
    gl.readPixels(Math.round(p.x * r), Math.round(h - p.y * r), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px); return Array.from(px.slice(0, 3)); };
  document.getElementById("probe").textContent = JSON.stringify({donetsk: probe(37.80, 48.02), kyiv: probe(30.30, 50.30), lviv: probe(24.03, 49.84)});
});
</script></body></html>
HTML
sleep 0.5
mkdir -p Output/samples
# Real time over the DevTools protocol: MapLibre's workers do not run under --virtual-time-budget.
probe=$(python3 scripts/cdp_page.py "http://127.0.0.1:$port/index.html" Output/samples/maplibre-2026-02-05.png 60)
echo "pixel probe: $probe"
python3 - "$probe" <<'PY'
import json, sys
p = json.loads(sys.argv[1])
occupied = (0xb3 * 0.72 + 0xfb * 0.28, 0x26 * 0.72 + 0xfa * 0.28, 0x1e * 0.72 + 0xf7 * 0.28)
near = lambda a, b: all(abs(x - y) < 24 for x, y in zip(a, b))
ok = near(p["donetsk"], occupied) and not near(p["kyiv"], occupied) and not near(p["lviv"], occupied)
print("Donetsk in the occupied colour, Kyiv and Lviv not:", ok)
sys.exit(0 if ok else 1)
PY
echo "check-maplibre: ok"
