#!/usr/bin/env bash
# Checks `frontline export` with the field's own readers (not part of the unit tests: it needs
# GDAL's ogrinfo and geopandas): ogrinfo lists the GeoPackage's layers with their feature
# counts and CRS and reads the GeoJSON, KML and CSV; geopandas measures the exported held land
# on the geodesic and compares it with `stats` (within 0.01 %); the GeoJSON follows RFC 7946
# (no crs member, exterior rings counterclockwise, holes clockwise).
# Needs: apt-get install gdal-bin; pip install geopandas pyproj shapely pyogrio
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
status=0
for date in 2026-02-05 2024-07-07; do
  $f export --date $date -o "$dir/$date.gpkg" 2>/dev/null
  $f export --date $date -o "$dir/$date.geojson" 2>/dev/null
  $f export --date $date -o "$dir/$date.kml" 2>/dev/null
  $f export --date $date --what places -o "$dir/$date-places.csv" 2>/dev/null
  $f stats --date $date --format json > "$dir/$date-stats.json" 2>/dev/null
  echo "== ogrinfo $date.gpkg"
  ogrinfo -so -al "$dir/$date.gpkg" | grep -E "^Layer name|^Geometry:|^Feature Count|^  +ID\[\"EPSG\"" | sed 's/^/   /'
  for ext in geojson kml; do ogrinfo -so -q "$dir/$date.$ext" | sed "s/^/   $ext: /"; done
  ogrinfo -so -al "$dir/$date-places.csv" | grep -E "Feature Count|Geometry:" | sed 's/^/   csv: /'
  python3 - "$dir" "$date" <<'PY' || status=1
import json, sys
import geopandas as gpd, shapely
from pyproj import Geod
d, date = sys.argv[1], sys.argv[2]
geod = Geod(ellps="WGS84")
stats = json.load(open(f"{d}/{date}-stats.json"))
control = gpd.read_file(f"{d}/{date}.gpkg", layer="control")
assert control.crs.to_epsg() == 4326, control.crs
bad = 0
for status in stats["statuses"]:
    part = control[control.status == status]
    km2 = sum(abs(geod.geometry_area_perimeter(g)[0]) for g in part.geometry) / 1e6
    want = stats["national"][f"{status}_km2"]
    diff = 100 * abs(km2 - want) / max(want, 1e-9)
    print(f"   {date} {status}: geopandas {km2:,.1f} km², stats {want:,.1f} km², {diff:.4f} %")
    bad += diff > 0.01
    for _, row in part.iterrows():  # per region too
        a = abs(geod.geometry_area_perimeter(row.geometry)[0]) / 1e6
        if abs(a - row.km2) > max(0.0001 * row.km2, 0.05):
            print(f"   {row.iso} {status}: {a:.1f} km² measured, {row.km2:.1f} in the file"); bad += 1
gj = json.load(open(f"{d}/{date}.geojson"))
assert "crs" not in gj, "RFC 7946: no crs member"
assert gj["frontline"]["snapshots"], "provenance"
wrong = 0
for feat in gj["features"]:
    g = shapely.geometry.shape(feat["geometry"])
    for poly in getattr(g, "geoms", [g]) if g.geom_type in ("Polygon", "MultiPolygon") else []:
        wrong += (not poly.exterior.is_ccw) + sum(r.is_ccw for r in poly.interiors)
print(f"   GeoJSON: {len(gj['features'])} features, rings against the right-hand rule: {wrong}")
sys.exit(1 if bad or wrong else 0)
PY
done
[ $status -eq 0 ] && echo "check-export: ok" || { echo "check-export: FAILED"; exit 1; }
