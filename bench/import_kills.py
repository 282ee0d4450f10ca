"""Kills `frontline import` inside its commit and checks that every store is the old one or
the new one (issue: a kill in the last 48 ms of an import left 105-132 of 769 files).

The commit starts when the `.next-<source>-<pid>` folder appears and ends when the store
is switched; a watcher polls for it and sends SIGKILL after a delay spread over the commit.
Usage: python3 bench/import_kills.py BINARY DAILY_DIR [TRIALS]"""
import hashlib, os, random, shutil, signal, subprocess, sys, tempfile, time

binary, daily, trials = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10
files = sorted(f for f in os.listdir(daily) if f.endswith(".geojson"))
old_files, new_files = files[:150], files[:300]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def store():
    d = tempfile.mkdtemp(prefix="import-kills-")
    os.makedirs(f"{d}/snapshots")
    for f in ["dataset.json", "regions.geojson", "baseline.geojson"]:
        shutil.copy(f"{root}/GeoData/ukraine/{f}", d)
    return d

def inputs(names):
    d = tempfile.mkdtemp(prefix="import-inputs-")
    for n in names: os.link(f"{daily}/{n}", f"{d}/{n}") if os.stat(daily).st_dev == os.stat(d).st_dev else shutil.copy(f"{daily}/{n}", d)
    return d

def state(d):
    folder = f"{d}/snapshots/deepstate"
    names = sorted(os.listdir(folder)) if os.path.isdir(folder) else []
    return {n: hashlib.sha1(open(f"{folder}/{n}", "rb").read()).hexdigest() for n in names}

def run_import(d, src, kill_after=None):
    """Runs the import; with kill_after (s), kills it that long after its commit begins.
    Returns (commit seconds seen, killed)."""
    p = subprocess.Popen([binary, "import", "deepstate", src, "--data-dir", d, "--no-check"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    snaps, began, ended = f"{d}/snapshots", None, None
    while p.poll() is None:
        nxt = any(n.startswith(".next-") for n in os.listdir(snaps))
        if nxt and began is None: began = time.perf_counter()
        if began is not None and kill_after is not None and time.perf_counter() - began >= kill_after:
            p.send_signal(signal.SIGKILL); p.wait(); return began and time.perf_counter() - began, True
        if began is not None and not nxt and ended is None: ended = time.perf_counter()
    return (ended or time.perf_counter()) - (began or time.perf_counter()), False

base = store()
run_import(base, inputs(old_files))
old = state(base)
full = store(); run_import(full, inputs(new_files)); new = state(full)
assert len(old) == 150 and len(new) == 300, (len(old), len(new))
src = inputs(new_files)
probe = store(); shutil.rmtree(f"{probe}/snapshots"); shutil.copytree(f"{base}/snapshots", f"{probe}/snapshots")
commit, _ = run_import(probe, src)
print(f"commit lasts about {commit * 1000:.1f} ms (seen by polling)")
outcomes = {"old": 0, "new": 0, "mixed": 0}
for t in range(trials):
    d = store(); shutil.rmtree(f"{d}/snapshots"); shutil.copytree(f"{base}/snapshots", f"{d}/snapshots")
    delay = commit * (t + 0.5) / trials
    _, killed = run_import(d, src, kill_after=delay)
    s = state(d)
    kind = "old" if s == old else "new" if s == new else "mixed"
    outcomes[kind] += 1
    print(f"trial {t + 1}: killed {'yes' if killed else 'no (finished first)'} {delay * 1000:5.1f} ms into the commit: "
          f"{len(s)} files, {kind} store")
    shutil.rmtree(d)
print(f"{trials} kills: {outcomes['old']} old, {outcomes['new']} new, {outcomes['mixed']} mixed")
sys.exit(1 if outcomes["mixed"] else 0)
