"""Opens a page in headless Chromium over the DevTools protocol and runs JavaScript steps in
real time, printing each step's value: `cdp_steps.py URL 'wait:2' 'EXPR' ...`."""
import os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Chromium  # noqa: E402

url, steps = sys.argv[1], sys.argv[2:]
with Chromium(["--disable-gpu", "--window-size=1300,850"], timeout=30) as call:
    call("Page.navigate", url=url)
    for step in steps:
        if step.startswith("wait:"):
            time.sleep(float(step[5:]))
        else:
            r = call("Runtime.evaluate", expression=step, returnByValue=True)
            print(r.get("result", {}).get("value", r))
