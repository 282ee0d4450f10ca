#!/usr/bin/env python3
"""Times `frontline diff --from 2025-02-05 --to 2026-02-05` against bench/peers/diff_shapely.py
(whole processes, alternating) on the bundled GeoData and compares the per-region figures."""
import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import shutil
import tempfile
import time

import snapshot_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "GeoData", "ukraine")
A, B = "2025-02-05", "2026-02-05"


def run(cmd):
    t0 = time.perf_counter()
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout.decode()
    return time.perf_counter() - t0, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    runs = ap.parse_args().runs
    fl_cmd = [os.path.join(ROOT, ".build", "release", "frontline"), "diff", "--from", A, "--to", B, "--format", "csv"]
    # The peer reads snapshot files: the two dates written out of the pack, beside the regions.
    files = tempfile.mkdtemp(prefix="frontline-diff-")
    shutil.copy(os.path.join(DATA, "regions.geojson"), files)
    for d in (A, B):
        snapshot_files.export(fl_cmd[0], DATA, os.path.join(files, "snapshots"), first=d, last=d)
    peer_cmd = [sys.executable, os.path.join(ROOT, "bench", "peers", "diff_shapely.py"), files, A, B]
    fl, peer = [], []
    for _ in range(runs):
        w, fl_out = run(fl_cmd); fl.append(w)
        w, peer_out = run(peer_cmd); peer.append(w)
    ours = {r["iso"]: r for r in csv.DictReader(io.StringIO(fl_out)) if r["iso"]}
    theirs = {r["iso"]: r for r in csv.DictReader(io.StringIO(peer_out))}
    worst = 0.0
    for iso, r in theirs.items():
        for k in ("gained_km2", "lost_km2"):
            a, b = float(ours[iso][k]), float(r[k])
            if max(a, b) >= 1:
                worst = max(worst, abs(a - b) / max(a, b))
    m_fl, m_peer = statistics.median(fl), statistics.median(peer)
    print(f"## Change table {A} → {B} ({runs} alternating runs, whole process)\n")
    print("| what | median | ratio (peer / frontline) |")
    print("|---|---|---|")
    print(f"| frontline diff (table as CSV) | {m_fl * 1000:.0f} ms | {m_peer / m_fl:.1f}× |")
    print(f"| peer: shapely + pyproj | {m_peer * 1000:.0f} ms | 1.0× |")
    print(f"\n- Gained and lost km² per region agree within {100 * worst:.3f} % (regions with at least 1 km²).")


if __name__ == "__main__":
    main()
