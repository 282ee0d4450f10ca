#!/usr/bin/env python3
"""Peer for the render benchmark: geopandas + matplotlib, what an analyst writes today.

Reads the same files as `frontline render` (bundled GeoData and the snapshot), projects them
to the same conformal conic, draws the same layers with region names, a title and a legend,
and saves a 1600x1200 PNG.
Usage: render_geopandas.py DATASET_DIR SNAPSHOT_FILE OUT.png
"""
import json
import sys

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

LCC = "+proj=lcc +lat_0=48.5 +lat_1=45 +lat_2=52 +lon_0=31 +datum=WGS84 +units=m +no_defs"


def main():
    data, snapshot, out = sys.argv[1], sys.argv[2], sys.argv[3]
    base = data + "/base/"
    read = lambda p: gpd.read_file(p).to_crs(LCC)  # noqa: E731
    water, regions, lakes = read(base + "water.geojson"), read(data + "/regions.geojson"), read(base + "lakes.geojson")
    occupied, rivers = read(snapshot), read(base + "rivers.geojson")
    coast, borders = read(base + "coast.geojson"), read(base + "borders.geojson")
    fig, ax = plt.subplots(figsize=(16, 12), dpi=100)
    fig.patch.set_facecolor("#e9e7e2")
    ax.set_facecolor("#e9e7e2")
    water.plot(ax=ax, color="#cfe1ea", linewidth=0)
    regions.plot(ax=ax, color="#fbfaf7", linewidth=0)
    lakes.plot(ax=ax, color="#cfe1ea", linewidth=0)
    occupied.plot(ax=ax, color="#b3261e", alpha=0.72, linewidth=0)
    rivers[rivers["rank"] <= 7].plot(ax=ax, color="#8fbcd4", linewidth=0.6)
    coast.plot(ax=ax, color="#8fb3c6", linewidth=0.45)
    regions.boundary.plot(ax=ax, color="#8c8c8c", linewidth=0.5)
    borders.plot(ax=ax, color="#5c5c5c", linewidth=0.9)
    for _, r in regions.iterrows():
        p = r.geometry.representative_point()
        ax.annotate(r["name_en"], (p.x, p.y), ha="center", fontsize=9, color="#5f5f5f")
    with open(data + "/dataset.json") as f:
        x0, y0, x1, y1 = json.load(f)["extent"]
    box = gpd.GeoSeries.from_xy([x0, x1], [y0, y1], crs="EPSG:4326").to_crs(LCC)
    ax.set_xlim(box.x.min(), box.x.max())
    ax.set_ylim(box.y.min(), box.y.max())
    ax.set_axis_off()
    ax.set_title("Ukraine: territorial control", loc="left", fontsize=18, fontweight="bold")
    ax.legend(handles=[Patch(color="#b3261e", alpha=0.72, label="Occupied")], loc="lower left")
    fig.savefig(out, dpi=100, facecolor=fig.get_facecolor())


if __name__ == "__main__":
    main()
