"""Opens a page in headless Chromium over the DevTools protocol and waits in real time (a map's
web workers do not run under --virtual-time-budget) until `#probe` says it is done, then prints
its text and saves a screenshot.  Usage: cdp_page.py URL SCREENSHOT.png [seconds]"""
import base64, json, subprocess, sys, tempfile, time, urllib.request
import websocket  # pip install websocket-client

url, shot = sys.argv[1], sys.argv[2]
limit = float(sys.argv[3]) if len(sys.argv) > 3 else 40
port = 9300 + int(time.time()) % 500
profile = tempfile.mkdtemp()
chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--hide-scrollbars", "--use-angle=swiftshader",
                           "--enable-unsafe-swiftshader", "--window-size=1000,800", f"--remote-debugging-port={port}",
                           f"--user-data-dir={profile}", "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(100):
        try:
            pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
            break
        except OSError:
            time.sleep(0.1)
    target = next(p for p in pages if p.get("type") == "page")
    ws = websocket.create_connection(target["webSocketDebuggerUrl"], timeout=limit)
    n = 0
    def call(method, **params):
        global n
        n += 1
        ws.send(json.dumps({"id": n, "method": method, "params": params}))
        while True:
            m = json.loads(ws.recv())
            if m.get("id") == n:
                return m.get("result", {})
    call("Emulation.setDeviceMetricsOverride", width=1000, height=800, deviceScaleFactor=1, mobile=False)
    call("Page.navigate", url=url)
    text, start = "", time.time()
    while time.time() - start < limit:
        r = call("Runtime.evaluate", expression="(document.getElementById('probe')||{}).textContent||''", returnByValue=True)
        text = r.get("result", {}).get("value", "")
        if text.startswith("{") or text.startswith("error"):
            break
        time.sleep(0.5)
    time.sleep(0.5)
    data = call("Page.captureScreenshot", format="png")["data"]
    open(shot, "wb").write(base64.b64decode(data))
    print(text)
finally:
    chrome.kill()
