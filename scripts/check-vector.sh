#!/usr/bin/env bash
# Checks `tiles --format mvt` with the field's readers (not the unit tests): every tile of a
# z0-10 pyramid decoded by the `mapbox-vector-tile` Python package (layers, extent 4096, geometry
# types, exterior rings clockwise on screen, nothing outside the buffer), the same pyramid read
# from PMTiles with the `pmtiles` package, and ogrinfo (GDAL's MVT driver) reading the MBTiles.
# Needs: pip install mapbox-vector-tile pmtiles shapely; apt-get install gdal-bin
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
zoom=${ZOOM:-0-10}
$f tiles --date 2026-02-05 --zoom $zoom --format mvt --mbtiles "$dir/v.mbtiles" 2>/dev/null
$f tiles --date 2026-02-05 --zoom $zoom --format mvt --pmtiles "$dir/v.pmtiles" 2>/dev/null
echo "== ogrinfo"
ogrinfo -so "$dir/v.mbtiles" | grep -E "^[0-9]+: " | sed 's/^/   /'
ogrinfo -so -al "$dir/v.mbtiles" control | grep -E "Feature Count" | sed 's/^/   control at the highest zoom: /'
python3 - "$dir" <<'PY'
import gzip, os, sqlite3, sys
import mapbox_vector_tile as mvt
from pmtiles.reader import Reader, MmapSource
from shapely.geometry import shape
d = sys.argv[1]
db = sqlite3.connect(f"{d}/v.mbtiles")
kinds = {"control": "Polygon", "regions": "Polygon", "front": "LineString", "borders": "LineString", "places": "Point", "water": "Polygon"}
n = features = bad = 0
seen = set()
for z, x, row, blob in db.execute("select zoom_level, tile_column, tile_row, tile_data from tiles"):
    n += 1
    tile = mvt.decode(gzip.decompress(blob), default_options={"y_coord_down": True})
    for name, layer in tile.items():
        seen.add(name)
        if layer["extent"] != 4096: bad += 1; print("extent", z, x, row, name)
        for feat in layer["features"]:
            features += 1
            g = feat["geometry"]
            if not g["type"].endswith(kinds[name]): bad += 1; print("type", name, g["type"])
            coords = g["coordinates"]
            flat = []
            def walk(c):
                if isinstance(c[0], (int, float)): flat.append(c)
                else:
                    for e in c: walk(e)
            walk(coords)
            if any(not (-80 <= v <= 4096 + 80) for p in flat for v in p):
                bad += 1; print("outside the buffer", z, x, row, name)
with open(f"{d}/v.pmtiles", "rb") as fh:
    r = Reader(MmapSource(fh))
    h = r.header()
    same = all(r.get(z, x, (1 << z) - 1 - row) == blob for z, x, row, blob in db.execute("select zoom_level, tile_column, tile_row, tile_data from tiles"))
print(f"   {n} tiles, {features} features decoded, layers {sorted(seen)}; problems: {bad}")
print(f"   PMTiles: tile type {h['tile_type'].name}, compression {h['tile_compression'].name}, {h['addressed_tiles_count']} tiles, "
      f"{h['tile_contents_count']} distinct; same bytes as the MBTiles: {same}; "
      f"{os.path.getsize(f'{d}/v.pmtiles'):,} bytes against {os.path.getsize(f'{d}/v.mbtiles'):,}")
sys.exit(1 if bad or not same or h["addressed_tiles_count"] != n else 0)
PY
echo "check-vector: ok"
