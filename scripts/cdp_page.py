"""Opens a page in headless Chromium over the DevTools protocol and waits in real time (a map's
web workers do not run under --virtual-time-budget) until `#probe` says it is done, then prints
its text and saves a screenshot.  Usage: cdp_page.py URL SCREENSHOT.png [seconds]"""
import base64, os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Chromium  # noqa: E402

url, shot = sys.argv[1], sys.argv[2]
limit = float(sys.argv[3]) if len(sys.argv) > 3 else 40
with Chromium(["--hide-scrollbars", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"], timeout=limit) as call:
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
    open(shot, "wb").write(base64.b64decode(call("Page.captureScreenshot", format="png")["data"]))
    print(text)
