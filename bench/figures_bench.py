#!/usr/bin/env python3
"""Figures measured once and kept (bench/figures.sh): whole-process medians, Markdown out.

1. The 769 DeepState daily files in a data folder of their own (`frontline geodata --every-day`)
   with a fresh user cache: `stats` over every date measuring (FRONTLINE_CACHE=off), stored
   once (the first run with the cache), then read from the store; the peer (shapely + pyproj)
   measuring the same dates. Outputs compared byte for byte.
2. The bundled data (GeoData/ukraine, figures.bin, snapshot packs): `stats` over every bundled
   date, `chart` over the whole war, `report` for a year, with the store and with it off; and
   `stats --source deepstate` over its 1,018 snapshots against the peer measuring the same
   snapshots exported as files (`frontline snapshots --export`).
3. The floor: `frontline snapshots` (process start, dataset opened, nothing measured or read).
"""
import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import snapshot_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, ".build", "release", "frontline")
PEER = os.path.join(ROOT, "bench", "peers", "stats_shapely.py")
FIRST, LAST = "2024-07-08", "2026-08-22"


def run(cmd, cache):
    env = dict(os.environ, FRONTLINE_CACHE=cache)
    t0 = time.perf_counter()
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, check=True)
    return time.perf_counter() - t0, res.stdout


def median_of(cmd, cache, runs):
    return statistics.median(run(cmd, cache)[0] for _ in range(runs))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="frontline-figures-")
    data, cache = os.path.join(work, "data"), os.path.join(work, "cache")
    daily = os.path.join(args.shared, "datasets", "deepstate-daily")
    subprocess.run([BIN, "geodata", "--sources", os.path.join(ROOT, "GeoData", "sources"), "--deepstate", daily,
                    "--every-day", "-o", data], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # The build packs the snapshots; the peer reads files: write them out, drop the pack.
    snapshot_files.unpack(BIN, data)
    n_files = len(os.listdir(os.path.join(data, "snapshots", "deepstate")))
    stats = [BIN, "stats", "--from", FIRST, "--to", LAST, "--data-dir", data, "--format", "csv"]

    first, stored = run(stats, cache)          # measures every snapshot and keeps the figures
    measured_t, measured = run(stats, "off")
    assert stored == measured, "figures from the store differ from measured ones"
    warm, cold, peer = [], [], []
    for _ in range(args.runs):
        w, out = run(stats, cache); warm.append(w)
        assert out == measured
        peer.append(run([sys.executable, PEER, data, FIRST, LAST], "off")[0])
    for _ in range(max(1, args.runs // 2)):
        cold.append(run(stats, "off")[0])

    bundled = os.path.join(ROOT, "GeoData", "ukraine")
    every = [BIN, "stats", "--from", "2022-02-24", "--to", "2026-08-22", "--format", "csv"]
    chart = [BIN, "chart", "--from", "2022-02-24", "--to", "2026-08-22", "-o", os.path.join(work, "chart.png")]
    report = [BIN, "report", "--from", "2025-02-05", "--to", "2026-02-05", "-o", os.path.join(work, "report.html")]
    floor = [BIN, "snapshots"]
    assert run(every, cache)[1] == run(every, "off")[1], "bundled figures differ from measured ones"
    n_bundled = len(run(every, cache)[1].decode().splitlines()) // 28
    rows = []
    for name, cmd in [(f"stats, every bundled date ({n_bundled} dates)", every), ("chart, whole war", chart),
                      ("report, one year", report)]:
        rows.append((name, median_of(cmd, cache, args.runs), median_of(cmd, "off", max(1, args.runs // 2))))
    floor_t = median_of(floor, cache, args.runs)

    # The bundle's DeepState snapshots as files, for the peer: the same 1,018 snapshots.
    files = os.path.join(work, "bundle")
    os.makedirs(files)
    for name in ["dataset.json", "regions.geojson"]:
        subprocess.run(["cp", os.path.join(bundled, name), files], check=True)
    snapshot_files.export(BIN, bundled, os.path.join(files, "snapshots"))
    ds_first = "2022-04-03"
    ds_stats = [BIN, "stats", "--source", "deepstate", "--from", ds_first, "--to", LAST, "--format", "csv"]
    n_ds = len(os.listdir(os.path.join(files, "snapshots", "deepstate")))
    ds_warm, ds_peer = [], []
    for _ in range(max(1, args.runs // 2)):
        ds_warm.append(run(ds_stats, cache)[0])
        ds_peer.append(run([sys.executable, PEER, files, ds_first, LAST], "off")[0])

    med = statistics.median
    print(f"## Figures measured once (bench/figures.sh)\n")
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}; {args.runs} runs, whole-process wall time, medians.\n")
    print(f"| what | from the store | measuring (cache off) | ratio |")
    print("|---|---|---|---|")
    print(f"| stats over {n_files} daily files ({FIRST} .. {LAST}) | {med(warm) * 1000:.0f} ms | {med(cold):.2f} s | {med(cold) / med(warm):.0f}× |")
    for name, w, c in rows:
        print(f"| {name} | {w * 1000:.0f} ms | {c:.2f} s | {c / w:.0f}× |")
    print(f"| floor: `frontline snapshots` (start, open the dataset) | {floor_t * 1000:.0f} ms | | |")
    print()
    print(f"- Peer, shapely {__import__('shapely').__version__} + pyproj measuring the same {n_files} dates: {med(peer):.2f} s; "
          f"frontline from the store is {med(peer) / med(warm):.0f}× faster, measuring {med(peer) / med(cold):.1f}×.")
    print(f"- The bundle's DeepState record, {n_ds} snapshots ({ds_first} .. {LAST}): `stats --source deepstate` from the store "
          f"{med(ds_warm) * 1000:.0f} ms; shapely + pyproj measuring the same snapshots (exported as files) {med(ds_peer):.2f} s: "
          f"{med(ds_peer) / med(ds_warm):.0f}×.")
    print(f"- The first run with an empty cache (measures and stores): {first:.2f} s. Outputs from the store, "
          f"measured with the cache off, and after it was filled are byte-identical (checked every run).")


if __name__ == "__main__":
    main()
