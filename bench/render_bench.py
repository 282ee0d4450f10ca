#!/usr/bin/env python3
"""Times whole processes drawing the map of 2026-02-05 at 1600x1200 PNG, alternating:
frontline render (measures control, draws labels, legend, scale bar), Mapnik (Debian's
python3-mapnik with Debian's python3; the same layers, no labels), and geopandas + matplotlib
(the same layers with region names, a title and a legend). Prints a Markdown report."""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import snapshot_files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "GeoData", "ukraine")
# The peers read the snapshot file; the bundle keeps it in a pack: written out once.
SNAP = os.path.join(snapshot_files.export(os.path.join(ROOT, ".build", "release", "frontline"), DATA, tempfile.mkdtemp(prefix="frontline-snap-"),
                                          first="2026-02-05", last="2026-02-05"), "2026-02-05.geojson")


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - t0, int(r.stderr.decode().strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--base", help="another frontline binary (an earlier commit's) to time in the same run")
    args = ap.parse_args()
    runs = args.runs
    out = tempfile.mkdtemp(prefix="frontline-render-bench-")
    peers = {
        "frontline render": [os.path.join(ROOT, ".build", "release", "frontline"), "render", "--date", "2026-02-05",
                             "-o", os.path.join(out, "frontline.png")],
        "Mapnik 3.1 (python3-mapnik)": ["/usr/bin/python3", os.path.join(ROOT, "bench", "peers", "render_mapnik.py"),
                                        DATA, SNAP, os.path.join(out, "mapnik.png")],
        "geopandas + matplotlib": [sys.executable, os.path.join(ROOT, "bench", "peers", "render_geopandas.py"),
                                   DATA, SNAP, os.path.join(out, "geopandas.png")],
    }
    if args.base:
        peers["frontline render (base binary)"] = [args.base, "render", "--date", "2026-02-05", "-o", os.path.join(out, "base.png")]
    floor = floor_commands(out)
    peers.update(floor)
    times = {k: [] for k in peers}
    rss = {k: [] for k in peers}
    for _ in range(runs):
        for name, cmd in peers.items():
            w, m = timed(cmd)
            times[name].append(w)
            rss[name].append(m)
    fl = statistics.median(times["frontline render"])
    print(f"## Map of 2026-02-05, 1600x1200 PNG ({runs} alternating runs, whole process)\n")
    print("| renderer | median | peer / frontline | peak memory |")
    print("|---|---|---|---|")
    for name in peers:
        med = statistics.median(times[name])
        print(f"| {name} | {med * 1000:.0f} ms | {med / fl:.2f}× | {max(rss[name]) / 1024:.0f} MB |")
    paint = statistics.median(painting(peers["frontline render"], runs))
    start = statistics.median(times[list(floor)[0]])
    print(f"\nFloor: starting a process linked with the same libraries {start * 1000:.1f} ms + painting and "
          f"compressing the prepared map alone (the profile's phase, median) {paint:.1f} ms = {start * 1000 + paint:.0f} ms; "
          f"frontline is {fl * 1000 / (start * 1000 + paint):.2f}× the floor.")
    if args.base:
        same = open(os.path.join(out, "frontline.png"), "rb").read() == open(os.path.join(out, "base.png"), "rb").read()
        print(f"Same PNG bytes as the base binary: {same}")
    print(f"\nImages: {out}")


def floor_commands(out):
    """A C program that does nothing, linked with the libraries frontline links: what starting
    any process that uses Cairo, GEOS, PROJ, SQLite and libcurl costs on this machine."""
    src = os.path.join(out, "empty.c")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    exe = os.path.join(out, "empty")
    subprocess.run(["cc", src, "-o", exe, "-Wl,--no-as-needed", "-lcairo", "-lgeos_c", "-lproj", "-lsqlite3",
                    "-lcurl-gnutls", "-lgif", "-lz", "-lstdc++", "-lm"], check=True)
    return {"floor: an empty C program linked with the same libraries": [exe]}


def painting(cmd, runs):
    """The "painted and compressed" phase of FRONTLINE_PROFILE, in ms, over `runs` runs."""
    out = []
    for _ in range(runs):
        r = subprocess.run(cmd, env=dict(os.environ, FRONTLINE_PROFILE="1"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
        for line in r.stderr.decode().splitlines():
            if "painted and compressed" in line:
                out.append(float(line.split()[-2]))
    return out


if __name__ == "__main__":
    main()
