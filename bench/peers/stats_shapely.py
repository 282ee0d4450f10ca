#!/usr/bin/env python3
"""Peer for the stats benchmark: what an analyst writes today with shapely 2 + pyproj.

Same inputs as `frontline stats` (the data folder's regions.geojson and snapshot files),
same geodesic areas (pyproj.Geod on WGS84, GeographicLib's Karney algorithm), and the same
coastline rule (free parts touching the occupied layer that are under 1 km² or vanish under
an inward buffer of 0.005° count as occupied), so that the figures can be compared.
Prints CSV in frontline's layout: date,snapshot_date,source,iso,name_en,area_km2,occupied_km2,
occupied_pct,free_km2,free_pct (regions only; no national row).
"""
import json
import os
import sys

import shapely
from shapely.geometry import shape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from geodesy import km2, polygon_parts  # noqa: E402

HALF_WIDTH = 0.005
MIN_KM2 = 1.0
TOUCH = 1e-7






def load_regions(folder):
    with open(os.path.join(folder, "regions.geojson")) as f:
        features = json.load(f)["features"]
    regions = []
    for feat in features:
        g = shapely.make_valid(shape(feat["geometry"]))
        p = feat["properties"]
        regions.append((p["iso"], p["name_en"], g, km2(g)))
    return regions


def measure(regions, occupied):
    rows = []
    for iso, name, geom, area in regions:
        minx, miny, maxx, maxy = geom.bounds
        local = shapely.clip_by_rect(occupied, minx - 0.01, miny - 0.01, maxx + 0.01, maxy + 0.01)
        if local.is_empty:
            rows.append((iso, name, area, 0.0))
            continue
        free_km2 = 0.0
        for part in polygon_parts(geom.difference(local)):
            a = km2(part)
            sliver = a < MIN_KM2 or part.buffer(-HALF_WIDTH, quad_segs=4).is_empty
            if sliver and shapely.dwithin(part, local, TOUCH):
                continue
            free_km2 += a
        rows.append((iso, name, area, area - free_km2))
    return rows


def main():
    folder, first, last = sys.argv[1], sys.argv[2], sys.argv[3]
    regions = load_regions(folder)
    sdir = os.path.join(folder, "snapshots", "deepstate")
    dates = sorted(n[:-8] for n in os.listdir(sdir) if n.endswith(".geojson") and first <= n[:-8] <= last)
    out = ["date,snapshot_date,source,iso,name_en,area_km2,occupied_km2,occupied_pct,free_km2,free_pct"]
    for d in dates:
        with open(os.path.join(sdir, d + ".geojson")) as f:
            fc = json.load(f)
        occupied = shapely.make_valid(shapely.union_all([shape(ft["geometry"]) for ft in fc["features"]]))
        for iso, name, area, occ in measure(regions, occupied):
            occ = max(0.0, min(area, occ))
            out.append(f"{d},{d},deepstate,{iso},{name},{area:.1f},{occ:.1f},{100 * occ / area:.3f},"
                       f"{area - occ:.1f},{100 * (area - occ) / area:.3f}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
