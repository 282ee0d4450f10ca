#!/usr/bin/env python3
"""Runs the stats benchmark and prints a Markdown report (whole-process wall times, medians).

1. Converts all DeepState daily files into a data folder of their own with `frontline geodata
   --every-day` (the same step that builds the bundled snapshots); reports that time.
2. Alternates runs of `frontline stats` over every snapshot and of the shapely + pyproj peer
   (bench/peers/stats_shapely.py) over the same files; medians and the ratio.
3. Compares the per-region occupied shares of both (max absolute difference, pp).
4. One `frontline stats --date 2026-02-05` on the bundled data: median time and peak RSS.
"""
import argparse
import csv
import io
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


# This benchmark times measuring: the figure store is off (bench/figures.sh times reading it).
os.environ["FRONTLINE_CACHE"] = "off"


def timed(cmd, out=None):
    """Wall seconds and peak RSS (KB) of one whole process, via /usr/bin/time."""
    t0 = time.perf_counter()
    res = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    wall = time.perf_counter() - t0
    rss = int(res.stderr.decode().strip().splitlines()[-1])
    if out is not None:
        out.append(res.stdout.decode())
    return wall, rss


def shares(text):
    return {(r["date"], r["iso"]): float(r["occupied_pct"]) for r in csv.DictReader(io.StringIO(text)) if r["iso"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", required=True)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="frontline-bench-")
    data = os.path.join(work, "data")
    daily = os.path.join(args.shared, "datasets", "deepstate-daily")
    n_files = len([f for f in os.listdir(daily) if f.endswith(".geojson")])

    conv, _ = timed([BIN, "geodata", "--sources", os.path.join(ROOT, "GeoData", "sources"), "--deepstate", daily,
                     "--every-day", "-o", data])
    snapshot_files.unpack(BIN, data)  # the peer reads files
    fl_cmd = [BIN, "stats", "--from", FIRST, "--to", LAST, "--data-dir", data, "--format", "csv"]
    fl1_cmd = fl_cmd + ["--jobs", "1"]
    peer_cmd = [sys.executable, PEER, data, FIRST, LAST]
    fl, fl1, peer, fl_out, peer_out, rss = [], [], [], [], [], []
    for i in range(args.runs):
        w, m = timed(fl_cmd, fl_out if i == 0 else None); fl.append(w); rss.append(m)
        w, _ = timed(fl1_cmd); fl1.append(w)
        w, _ = timed(peer_cmd, peer_out if i == 0 else None); peer.append(w)
        print(f"run {i + 1}: frontline {fl[-1]:.2f} s, frontline --jobs 1 {fl1[-1]:.2f} s, peer {peer[-1]:.2f} s", file=sys.stderr)
    a, b = shares(fl_out[0]), shares(peer_out[0])
    common = a.keys() & b.keys()
    max_diff = max(abs(a[k] - b[k]) for k in common)

    one_cmd = [BIN, "stats", "--date", "2026-02-05"]
    one_peer_cmd = [sys.executable, PEER, data, "2026-02-05", "2026-02-05"]
    one = [timed(one_cmd) for _ in range(max(5, args.runs))]
    one_peer = [timed(one_peer_cmd)[0] for _ in range(max(5, args.runs))]

    med = statistics.median
    print(f"## Stats over every DeepState daily snapshot ({n_files} files, {FIRST} .. {LAST})\n")
    print(f"Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}; "
          f"{args.runs} alternating runs, whole-process wall time.\n")
    print("| what | median | ratio (peer / frontline) |")
    print("|---|---|---|")
    print(f"| frontline stats, all cores | {med(fl):.2f} s | {med(peer) / med(fl):.1f}× |")
    print(f"| frontline stats --jobs 1 | {med(fl1):.2f} s | {med(peer) / med(fl1):.1f}× |")
    print(f"| peer: shapely {__import__('shapely').__version__} + pyproj, one process | {med(peer):.2f} s | 1.0× |")
    print(f"| one date (2026-02-05), frontline | {med([w for w, _ in one]) * 1000:.0f} ms | "
          f"{med(one_peer) / med([w for w, _ in one]):.1f}× |")
    print(f"| one date (2026-02-05), peer | {med(one_peer) * 1000:.0f} ms | 1.0× |")
    print()
    print(f"- Per-region occupied shares agree within {max_diff:.4f} pp over {len(common)} (date, region) pairs.")
    print(f"- Peak memory: series {max(rss) / 1024:.0f} MB; one date {max(m for _, m in one) / 1024:.0f} MB.")
    print(f"- Converting the {n_files} daily files into a data folder (`frontline geodata --every-day`): {conv:.1f} s.")


if __name__ == "__main__":
    main()
