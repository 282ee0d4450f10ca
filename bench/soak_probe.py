"""Beside wrk in bench/soak.sh: asks each route in turn on its own connection while the load
runs, and /health every 100 ms, and records each answer's time; prints p50/p99 per route and
the slowest /health. Also samples the server's RSS and CPU once a second."""
import http.client, json, os, random, sys, threading, time

port, pid, seconds, dates = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4].split()
stop = time.time() + seconds
times, statuses = {}, {}
lock = threading.Lock()

def ask(route, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    t = time.perf_counter()
    try:
        c.request("GET", path)
        r = c.getresponse(); r.read(); status = r.status
    except Exception as e:
        status = type(e).__name__
    ms = (time.perf_counter() - t) * 1000
    c.close()
    with lock:
        times.setdefault(route, []).append(ms)
        statuses.setdefault(route, {}).setdefault(str(status), 0)
        statuses[route][str(status)] += 1

def routes():
    d = random.choice(dates)
    a, b = sorted(random.sample(dates, 2)) if len(dates) > 1 else (d, d)
    return [("tiles", f"/tiles/{d}/{random.randint(5, 9)}/{random.randint(17, 20)}/{random.randint(10, 12)}.png"),
            ("vector", f"/vector/{d}/6/37/22.pbf"), ("empty-vector", f"/vector/{d}/16/{random.randint(0, 65535)}/{random.randint(0, 65535)}.pbf"),
            ("map", f"/map/{d}.png?size=320x200"), ("diff", f"/diff/{a}/{b}.json"), ("stats", f"/stats/{d}.json"),
            ("places", f"/places/Pokrovsk.json?date={d}"), ("bad", "/tiles/someday/1/1/1.png")]

def routes_loop():
    while time.time() < stop:
        for route, path in routes():
            ask(route, path)

def health_loop():
    while time.time() < stop:
        ask("health", "/health")
        time.sleep(0.1)

samples = []
def sample_loop():
    tick = os.sysconf("SC_CLK_TCK")
    last = None
    while time.time() < stop + 10:  # 10 s more: the CPU after the traffic stops
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / tick
        rss = int(open(f"/proc/{pid}/status").read().split("VmRSS:")[1].split()[0]) // 1024
        now = time.time()
        if last:
            samples.append((now, rss, (cpu - last[1]) / (now - last[0]) * 100))
        last = (now, cpu)
        time.sleep(1)

threads = [threading.Thread(target=routes_loop), threading.Thread(target=health_loop), threading.Thread(target=sample_loop)]
for t in threads: t.start()
for t in threads: t.join()

def pct(v, p): v = sorted(v); return v[min(len(v) - 1, int(p / 100 * len(v)))]
for route in sorted(times):
    v = times[route]
    print(f"  {route:13s} n={len(v):5d} p50={pct(v, 50):8.1f} ms p99={pct(v, 99):8.1f} ms max={max(v):8.1f} ms statuses={json.dumps(statuses[route], sort_keys=True)}")
during = [s for s in samples if s[0] <= stop]
after = [s for s in samples if s[0] > stop + 2]
print(f"  server: peak RSS {max(s[1] for s in samples)} MB, mean CPU {sum(s[2] for s in during) / max(1, len(during)):.0f} % under load, "
      f"{max((s[2] for s in after), default=0):.0f} % at most after it stopped")
