#!/usr/bin/env python3
"""Runs the import benchmark and prints a Markdown report (whole-process wall times, medians).

1. `frontline import deepstate` of all daily files, and `frontline import deepstate-raw` of all
   raw exports, each into a fresh copy of the bundled dataset without snapshots (--no-check:
   the import alone), then once more with the checks; medians over the runs; peak RSS.
2. Re-importing the same files: nothing written.
3. Agreement: `frontline stats` over the imported store against the shapely + pyproj peer
   (bench/peers/stats_shapely.py) reading the original daily files themselves (linked under
   date names): max absolute difference of the per-region occupied shares, pp.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stats_bench import BIN, PEER, ROOT, shares, timed  # noqa: E402


def fresh_store(work, name):
    """The bundled dataset without its snapshots."""
    store = os.path.join(work, name)
    shutil.copytree(os.path.join(ROOT, "GeoData", "ukraine"), store, ignore=shutil.ignore_patterns("snapshots"))
    return store


def straight_folder(work, daily):
    """The original daily files under the names the peer reads, no conversion."""
    folder = os.path.join(work, "straight")
    sdir = os.path.join(folder, "snapshots", "deepstate")
    os.makedirs(sdir)
    os.symlink(os.path.join(ROOT, "GeoData", "ukraine", "regions.geojson"), os.path.join(folder, "regions.geojson"))
    for n in os.listdir(daily):
        if n.startswith("deepstatemap_data_") and n.endswith(".geojson"):
            d = n[18:26]
            os.symlink(os.path.abspath(os.path.join(daily, n)), os.path.join(sdir, f"{d[:4]}-{d[4:6]}-{d[6:]}.geojson"))
    return folder


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="frontline-import-")
    daily = os.path.join(args.shared, "datasets", "deepstate-daily")
    raw = os.path.join(args.shared, "datasets", "deepstate-raw")
    n_daily = len([f for f in os.listdir(daily) if f.endswith(".geojson")])
    n_raw = len([f for f in os.listdir(raw) if f.endswith(".geojson")])
    rows = {}
    for label, fmt, path in [("daily", "deepstate", daily), ("raw", "deepstate-raw", raw)]:
        times, rss = [], []
        for i in range(args.runs):
            store = fresh_store(work, f"{label}-{i}")
            w, m = timed([BIN, "import", fmt, path, "--data-dir", store, "--no-check"])
            times.append(w); rss.append(m)
            print(f"{label} run {i + 1}: {w:.2f} s", file=sys.stderr)
        checked, _ = timed([BIN, "import", fmt, path, "--data-dir", fresh_store(work, f"{label}-checked")])
        again, _ = timed([BIN, "import", fmt, path, "--data-dir", store, "--no-check"])
        res = subprocess.run([BIN, "import", fmt, path, "--data-dir", store, "--no-check"], capture_output=True, text=True, check=True)
        rows[label] = (times, rss, checked, again, res.stdout.strip(), store)

    store = rows["daily"][5]
    first, last = "2024-07-08", "2026-08-22"
    ours = subprocess.run([BIN, "stats", "--from", first, "--to", last, "--data-dir", store, "--format", "csv"],
                          capture_output=True, text=True, check=True).stdout
    peer = subprocess.run([sys.executable, PEER, straight_folder(work, daily), first, last],
                          capture_output=True, text=True, check=True).stdout
    a, b = shares(ours), shares(peer)
    common = a.keys() & b.keys()
    max_diff = max(abs(a[k] - b[k]) for k in common)

    med = statistics.median
    print(f"## Import ({n_daily} daily files, {n_raw} raw exports)\n")
    print(f"Machine: {os.cpu_count()} cores; {args.runs} runs each, whole-process wall time, fresh store each run.\n")
    print("| what | median | peak RSS | with checks | re-import |")
    print("|---|---|---|---|---|")
    for label, name in [("daily", f"import deepstate ({n_daily} files)"), ("raw", f"import deepstate-raw ({n_raw} exports)")]:
        times, rss, checked, again, _, _ = rows[label]
        print(f"| {name} | {med(times):.1f} s | {max(rss) // 1024} MB | {checked:.1f} s | {again:.1f} s |")
    print(f"\nRe-import reports: `{rows['daily'][4]}`\n")
    print(f"Imported store vs the peer reading the original files: {len(common)} region-days, "
          f"max |Δ share| = {max_diff:.4f} pp.")


if __name__ == "__main__":
    main()
