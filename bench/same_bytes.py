#!/usr/bin/env python3
"""Asks a running `frontline serve` the same mixed requests twice (raster and vector tiles,
maps, diffs, stats over many dates), 64 at a time, and compares the answers' bytes: the
same request must get the same bytes, whatever else the server is doing. A request answered
503 (busy) is asked again, up to 60 times. Usage: same_bytes.py PORT "DATE DATE ..." [N]
Prints one line per difference and a summary; exits 1 on any difference (a request still busy
after its tries is counted apart: under a sanitizer the one measuring worker is slow)."""
import hashlib, math, random, sys, time, urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

port, dates = int(sys.argv[1]), sys.argv[2].split()
n = int(sys.argv[3]) if len(sys.argv) > 3 else 400
rng = random.Random(28)


def tile(z):
    def xy(lon, lat):
        r = math.radians(lat)
        k = 2 ** z
        return int((lon + 180) / 360 * k), int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * k)
    (x0, y0), (x1, y1) = xy(22.0, 52.3), xy(40.2, 44.4)
    return rng.randint(x0, x1), rng.randint(y0, y1)


def url():
    d = rng.choice(dates)
    kind = rng.choice(["png", "png", "pbf", "pbf", "map", "diff", "stats"])
    if kind == "png":
        z = rng.randint(0, 10); x, y = tile(z); return f"/tiles/{d}/{z}/{x}/{y}.png"
    if kind == "pbf":
        z = rng.randint(0, 12); x, y = tile(z); return f"/vector/{d}/{z}/{x}/{y}.pbf"
    if kind == "map":
        return f"/map/{d}.png?size={300 + 10 * rng.randint(0, 10)}x200"
    if kind == "diff":
        a, b = sorted([d, rng.choice(dates)]); return f"/diff/{a}/{b}.json"
    return f"/stats/{d}.json"


urls = sorted(set(url() for _ in range(n)))


def fetch(path):
    for attempt in range(60):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=120) as r:
                return r.status, hashlib.sha256(r.read()).hexdigest()
        except urllib.error.HTTPError as e:
            if e.code != 503:
                return e.code, hashlib.sha256(e.read()).hexdigest()
            time.sleep(min(2.0, 0.05 * 2 ** min(attempt, 6)))
    return "busy", None


def run():
    with ThreadPoolExecutor(64) as pool:
        return dict(zip(urls, pool.map(fetch, urls)))


started = time.time()
first = run()
second = run()
answered = [u for u in urls if first[u][1] is not None and second[u][1] is not None]
busy = [u for u in urls if u not in answered]
bad = [u for u in answered if first[u] != second[u]]
for u in bad:
    print(f"  DIFFERENT {u}: {first[u]} then {second[u]}")
statuses = sorted({first[u][0] for u in answered})
print(f"same bytes: {len(answered) - len(bad)} of {len(answered)} requests answered twice got the same status and bytes "
      f"(statuses {statuses}); {len(busy)} still busy after 60 tries; "
      f"{len(set(u.split('/')[2] for u in urls if u.count('/') > 2))} dates, {time.time() - started:.0f} s")
sys.exit(1 if bad or not answered else 0)
