#!/usr/bin/env python3
"""Times short frontline commands as whole processes, alternating with another binary (--base)
and with two floors: an empty C program linked with the libraries frontline links at start,
and the same with PROJ and libcurl (what every process paid when they were linked). Prints a
Markdown table of medians and the output bytes' agreement."""
import argparse
import os
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMMANDS = {
    "--version": ["--version"],
    "stats of a date (CSV)": ["stats", "--date", "2026-02-05", "--format", "csv"],
    "snapshots": ["snapshots"],
    "places --changed (a year)": ["places", "--from", "2025-02-05", "--to", "2026-02-05", "--changed"],
    "places Pokrovsk (status, distance to the front)": ["places", "Pokrovsk", "--date", "2026-02-05"],
    "chart, whole war (SVG)": ["chart", "--from", "2022-02-24", "--to", "2026-08-22", "-o", "{out}/chart.svg"],
    "render 2026-02-05 (PNG)": ["render", "--date", "2026-02-05", "-o", "{out}/map.png"],
}


def floors(out):
    src = os.path.join(out, "empty.c")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    libs = ["-lcairo", "-lgeos_c", "-lsqlite3", "-lgif", "-lz", "-lstdc++", "-lm"]
    made = {}
    for name, extra in [("floor: empty C program, frontline's start libraries", []),
                        ("floor: the same with PROJ and libcurl linked", ["-lproj", "-lcurl-gnutls"])]:
        exe = os.path.join(out, "empty%d" % len(made))
        subprocess.run(["cc", src, "-o", exe, "-Wl,--no-as-needed"] + libs + extra, check=True)
        made[name] = exe
    return made


def timed(cmd):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0, r.returncode, r.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--base", help="another frontline binary (an earlier commit's) to time in the same run")
    args = ap.parse_args()
    out = tempfile.mkdtemp(prefix="frontline-start-bench-")
    binaries = {"frontline": os.path.join(ROOT, ".build", "release", "frontline")}
    if args.base:
        binaries["base"] = args.base
    rows = {}
    for label, argv in COMMANDS.items():
        for b, path in binaries.items():
            d = os.path.join(out, b)
            os.makedirs(d, exist_ok=True)
            rows[(label, b)] = [path] + [a.format(out=d) for a in argv]
    for name, exe in floors(out).items():
        rows[(name, "")] = [exe]
    times = {k: [] for k in rows}
    outputs = {}
    for _ in range(args.runs):
        for k, cmd in rows.items():
            t, rc, stdout = timed(cmd)
            if rc != 0:
                raise SystemExit("failed: " + " ".join(cmd))
            times[k].append(t)
            outputs[k] = stdout
    print(f"## Short commands, whole process ({args.runs} alternating runs, medians)\n")
    head = "| command | frontline |" + (" base binary | base / frontline | same output |" if args.base else "")
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for label in COMMANDS:
        fl = statistics.median(times[(label, "frontline")])
        line = f"| {label} | {fl * 1000:.1f} ms |"
        if args.base:
            base = statistics.median(times[(label, "base")])
            same = outputs[(label, "frontline")] == outputs[(label, "base")]
            for f in ("chart.svg", "map.png"):
                if f in " ".join(COMMANDS[label]):
                    same = open(os.path.join(out, "frontline", f), "rb").read() == open(os.path.join(out, "base", f), "rb").read()
            line += f" {base * 1000:.1f} ms | {base / fl:.2f}× | {same} |"
        print(line)
    for k in rows:
        if k[1] == "":
            print(f"| {k[0]} | {statistics.median(times[k]) * 1000:.1f} ms |" + (" | | |" if args.base else ""))


if __name__ == "__main__":
    main()
