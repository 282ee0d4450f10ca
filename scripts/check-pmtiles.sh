#!/usr/bin/env bash
# Checks `tiles --pmtiles` with the `pmtiles` Python package (pip install pmtiles; not part of the
# unit tests): the same pyramid as MBTiles and as PMTiles, every tile read back through the
# archive's directories (leaf directories included) equal to the MBTiles tile, the header's
# counts, and the sizes side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
f=${FRONTLINE:-.build/release/frontline}
[ -x "$f" ] || swift build -c release --product frontline --static-swift-stdlib >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
zoom=${ZOOM:-0-10}
for style in full overlay; do
  flag=$([ $style = overlay ] && echo --overlay || true)
  $f tiles --date 2026-02-05 --zoom $zoom $flag --mbtiles "$dir/$style.mbtiles" 2>/dev/null
  $f tiles --date 2026-02-05 --zoom $zoom $flag --pmtiles "$dir/$style.pmtiles" 2>/dev/null
  python3 - "$dir/$style" "$style" <<'PY'
import os, sqlite3, sys
from pmtiles.reader import Reader, MmapSource
base, style = sys.argv[1], sys.argv[2]
with open(base + ".pmtiles", "rb") as f:
    r = Reader(MmapSource(f))
    h = r.header()
    db = sqlite3.connect(base + ".mbtiles")
    n = bad = 0
    for z, x, row, data in db.execute("select zoom_level, tile_column, tile_row, tile_data from tiles"):
        n += 1
        bad += r.get(z, x, (1 << z) - 1 - row) != data
    leaves = h["leaf_directory_length"] > 0
    print(f"{style}: {n} tiles; PMTiles {os.path.getsize(base + '.pmtiles'):,} bytes against MBTiles {os.path.getsize(base + '.mbtiles'):,};"
          f" {h['tile_entries_count']} entries, {h['tile_contents_count']} distinct contents, leaf directories: {'yes' if leaves else 'no'};"
          f" clustered {h['clustered']}; tiles that differ: {bad}")
    sys.exit(1 if bad or h["addressed_tiles_count"] != n else 0)
PY
done
# `tiles merge` of PMTiles: z0-4 and z5-zN merged equal the whole pyramid, tile for tile.
$f tiles --date 2026-02-05 --zoom 0-4 --pmtiles "$dir/low.pmtiles" 2>/dev/null
$f tiles --date 2026-02-05 --zoom "5-${zoom#*-}" --pmtiles "$dir/high.pmtiles" 2>/dev/null
$f tiles merge "$dir/low.pmtiles" "$dir/high.pmtiles" -o "$dir/merged.pmtiles" 2>/dev/null
python3 - "$dir" <<'PY'
import sqlite3, sys
from pmtiles.reader import Reader, MmapSource
d = sys.argv[1]
with open(d + "/merged.pmtiles", "rb") as f:
    r = Reader(MmapSource(f))
    db = sqlite3.connect(d + "/full.mbtiles")
    rows = list(db.execute("select zoom_level, tile_column, tile_row, tile_data from tiles"))
    bad = sum(r.get(z, x, (1 << z) - 1 - row) != data for z, x, row, data in rows)
    print(f"merged: {r.header()['addressed_tiles_count']} tiles from two archives; tiles that differ from the whole pyramid: {bad}")
    sys.exit(1 if bad or r.header()["addressed_tiles_count"] != len(rows) else 0)
PY
echo "check-pmtiles: ok"
