"""Headless Chromium over the DevTools protocol, for the check scripts (cdp_page.py,
cdp_steps.py): `with Chromium(extra_flags) as call: call("Page.navigate", url=...)`."""
import json, subprocess, tempfile, time, urllib.request
import websocket  # pip install websocket-client


class Chromium:
    def __init__(self, flags=(), timeout=40):
        self.flags, self.timeout = list(flags), timeout

    def __enter__(self):
        port = 9300 + int(time.time() * 1000) % 900
        self.chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--window-size=1000,800",
                                        f"--remote-debugging-port={port}", f"--user-data-dir={tempfile.mkdtemp()}"]
                                       + self.flags + ["about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pages = []
        for _ in range(100):
            try:
                pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                break
            except OSError:
                time.sleep(0.1)
        target = next(p for p in pages if p.get("type") == "page")
        self.ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=self.timeout)
        self.n = 0
        return self.call

    def call(self, method, **params):
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params}))
        while True:
            m = json.loads(self.ws.recv())
            if m.get("id") == self.n:
                return m.get("result", {})

    def __exit__(self, *exc):
        self.chrome.kill()
