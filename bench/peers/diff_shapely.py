#!/usr/bin/env python3
"""Peer for the diff benchmark: the per-region change table with shapely 2 + pyproj.

Same regions, same geodesic areas and the same rules as `frontline diff`: the held land of
a region at a date is the region minus its real free parts (free parts that touch the
occupied layer and are under 1 km² or vanish under an inward buffer of 0.005° count as
held); newly occupied = free at A and not at B, freed = free at B and not at A; change parts
that vanish under an inward buffer of HALF_WIDTH (re-traced borders) are dropped.
Usage: diff_shapely.py DATA_DIR FROM TO   (snapshot files snapshots/deepstate/DATE.geojson)
Prints CSV: iso,name_en,gained_km2,lost_km2.
"""
import json
import os
import sys

import shapely
from shapely.geometry import shape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geodesy import km2, polygon_parts  # noqa: E402

SLIVER, MIN_KM2, TOUCH = 0.005, 1.0, 1e-7
HALF_WIDTH = float(os.environ.get("CHANGE_HALF_WIDTH", "0.0015"))






def real_free(region, occupied):
    x0, y0, x1, y1 = region.bounds
    local = shapely.clip_by_rect(occupied, x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01)
    if local.is_empty:
        return region
    keep = []
    for p in polygon_parts(region.difference(local)):
        sliver = km2(p) < MIN_KM2 or p.buffer(-SLIVER, quad_segs=4).is_empty
        if not (sliver and shapely.dwithin(p, local, TOUCH)):
            keep.append(p)
    return shapely.MultiPolygon(keep) if keep else shapely.Polygon()


def change_km2(g):
    return sum(km2(p) for p in polygon_parts(g) if HALF_WIDTH <= 0 or not p.buffer(-HALF_WIDTH, quad_segs=4).is_empty)


def load(folder, date):
    with open(os.path.join(folder, "snapshots", "deepstate", date + ".geojson")) as f:
        return shapely.make_valid(shapely.union_all([shape(ft["geometry"]) for ft in json.load(f)["features"]]))


def main():
    folder, a, b = sys.argv[1:4]
    with open(os.path.join(folder, "regions.geojson")) as f:
        regions = [(ft["properties"]["iso"], ft["properties"]["name_en"], shapely.make_valid(shape(ft["geometry"])))
                   for ft in json.load(f)["features"]]
    occ_a, occ_b = load(folder, a), load(folder, b)
    print("iso,name_en,gained_km2,lost_km2")
    for iso, name, g in regions:
        fa, fb = real_free(g, occ_a), real_free(g, occ_b)
        print(f"{iso},{name},{change_km2(fa.difference(fb)):.1f},{change_km2(fb.difference(fa)):.1f}")


if __name__ == "__main__":
    main()
