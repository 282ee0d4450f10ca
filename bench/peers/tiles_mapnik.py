#!/usr/bin/python3
"""Peer for the tile benchmark: Mapnik (Debian's python3-mapnik) rendering the same z0-Z
pyramid over the dataset extent from the same layers (no labels), 256-pixel PNG tiles, in one
process. Usage: tiles_mapnik.py DATASET_DIR SNAPSHOT_FILE MAXZOOM OUTDIR"""
import json
import math
import os
import sys

import mapnik

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from render_mapnik import add_layers  # noqa: E402

HALF = 20037508.342789244


def tile_range(extent, z):
    def xy(lon, lat):
        n = 2 ** z
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
        return min(max(x, 0), n - 1), min(max(y, 0), n - 1)
    (x0, y0), (x1, y1) = xy(extent[0], extent[3]), xy(extent[2], extent[1])
    return [(z, x, y) for y in range(y0, y1 + 1) for x in range(x0, x1 + 1)]


def main():
    data, snapshot, maxzoom, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    m = mapnik.Map(256, 256, "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs")
    add_layers(m, data, snapshot, data + "/base/region-borders.geojson")
    with open(data + "/dataset.json") as f:
        extent = json.load(f)["extent"]
    os.makedirs(out, exist_ok=True)
    count = 0
    for z in range(0, maxzoom + 1):
        for (z_, x, y) in tile_range(extent, z):
            span = 2 * HALF / 2 ** z
            minx, maxy = -HALF + x * span, HALF - y * span
            m.zoom_to_box(mapnik.Box2d(minx, maxy - span, minx + span, maxy))
            im = mapnik.Image(256, 256)
            mapnik.render(m, im)
            im.save(os.path.join(out, "%d-%d-%d.png" % (z, x, y)), "png")
            count += 1
    print(count)


if __name__ == "__main__":
    main()
