#!/usr/bin/python3
"""Peer for the render benchmark: Mapnik (Debian's python3-mapnik, run with Debian's python3).

Draws the same layers as `frontline render` from the same files (bundled GeoData: sea,
regions, lakes, the occupied layer of the snapshot, rivers, coast, region borders, borders)
in the same projection at the same size, to PNG. No labels, legend or scale bar: Mapnik's
map is the reference for the geography alone.
Usage: render_mapnik.py DATASET_DIR SNAPSHOT_FILE OUT.png [WIDTH HEIGHT]
"""
import json
import sys

import mapnik

LCC = "+proj=lcc +lat_0=48.5 +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84 +units=m +no_defs"


def layer(m, name, path, symbolizers, flt=None):
    style = mapnik.Style()
    rule = mapnik.Rule()
    if flt:
        rule.filter = mapnik.Expression(flt)
    for s in symbolizers:
        rule.symbols.append(s)
    style.rules.append(rule)
    m.append_style(name, style)
    lyr = mapnik.Layer(name, "+proj=longlat +datum=WGS84 +no_defs")
    lyr.datasource = mapnik.Datasource(type="geojson", file=path)
    lyr.styles.append(name)
    m.layers.append(lyr)


def fill(color, opacity=1.0):
    s = mapnik.PolygonSymbolizer()
    s.fill = mapnik.Color(color)
    s.fill_opacity = opacity
    return s


def line(color, width):
    s = mapnik.LineSymbolizer()
    s.stroke = mapnik.Color(color)
    s.stroke_width = width
    return s


def add_layers(m, data, snapshot, region_borders):
    """The layers frontline draws, in its order and colours (light theme)."""
    m.background = mapnik.Color("#e9e7e2")
    base = data + "/base/"
    layer(m, "water", base + "water.geojson", [fill("#cfe1ea")])
    layer(m, "regions", data + "/regions.geojson", [fill("#fbfaf7")])
    layer(m, "lakes", base + "lakes.geojson", [fill("#cfe1ea")])
    layer(m, "occupied", snapshot, [fill("#b3261e", 0.72)])
    layer(m, "rivers", base + "rivers.geojson", [line("#8fbcd4", 0.8)], "[rank] <= 7")
    layer(m, "coast", base + "coast.geojson", [line("#8fb3c6", 0.6)])
    layer(m, "region-borders", region_borders, [line("#8c8c8c", 0.7)])
    layer(m, "borders", base + "borders.geojson", [line("#5c5c5c", 1.2)])


def main():
    data, snapshot, out = sys.argv[1], sys.argv[2], sys.argv[3]
    w, h = (int(sys.argv[4]), int(sys.argv[5])) if len(sys.argv) > 5 else (1600, 1200)
    m = mapnik.Map(w, h, LCC)
    add_layers(m, data, snapshot, data + "/regions.geojson")
    with open(data + "/dataset.json") as f:
        x0, y0, x1, y1 = json.load(f)["extent"]
    proj = mapnik.ProjTransform(mapnik.Projection("+proj=longlat +datum=WGS84 +no_defs"), mapnik.Projection(LCC))
    m.zoom_to_box(proj.forward(mapnik.Box2d(x0, y0, x1, y1)))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main()
