"""Opens a page in headless Chromium over the DevTools protocol and runs JavaScript steps in
real time, printing each step's value: `cdp_steps.py URL 'wait:2' 'EXPR' ...`."""
import json, subprocess, sys, tempfile, time, urllib.request
import websocket  # pip install websocket-client

url, steps = sys.argv[1], sys.argv[2:]
port = 9800 + int(time.time()) % 500
profile = tempfile.mkdtemp()
chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1300,850",
                           f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "about:blank"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
            break
        except OSError:
            time.sleep(0.1)
    target = next(p for p in pages if p.get("type") == "page")
    ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=30)
    n = 0
    def call(method, **params):
        global n
        n += 1
        ws.send(json.dumps({"id": n, "method": method, "params": params}))
        while True:
            m = json.loads(ws.recv())
            if m.get("id") == n:
                return m.get("result", {})
    call("Page.navigate", url=url)
    for step in steps:
        if step.startswith("wait:"):
            time.sleep(float(step[5:]))
        else:
            r = call("Runtime.evaluate", expression=step, returnByValue=True)
            print(r.get("result", {}).get("value", r))
finally:
    chrome.kill()
