#!/usr/bin/env python3
"""Loads an exported timeline page in headless Chromium over the DevTools
protocol (--remote-debugging-pipe: JSON messages on fds 3 and 4), reports
every console error, exception and failed request, tries the filters, and
saves a screenshot.

usage: check-html-page.py PAGE.html SCREENSHOT.png
Exit status 0 only when the page loaded with zero errors and the filters work.
"""
import base64, json, os, shutil, subprocess, sys, tempfile, time

page, shot = sys.argv[1], sys.argv[2]
browser = shutil.which("chromium") or shutil.which("chromium-browser")
if not browser:
    sys.exit("check-html-page: chromium is not installed (apt-get install chromium)")

to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
profile = tempfile.mkdtemp(prefix="tl-chromium-")
args = [browser, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
        "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
        f"--user-data-dir={profile}", "--window-size=1280,1000", "about:blank"]
# Chromium reads commands on fd 3 and writes answers on fd 4.
def child_fds():
    os.dup2(to_chrome_r, 3)
    os.dup2(from_chrome_w, 4)
proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=child_fds,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
reader = os.fdopen(from_chrome_r, "rb")
next_id = 0
pending = b""
errors = []
events = []

def read_message(deadline):
    global pending
    while b"\0" not in pending:
        if time.time() > deadline:
            raise TimeoutError("no answer from chromium")
        chunk = os.read(from_chrome_r, 1 << 16)
        if not chunk:
            raise EOFError("chromium closed the pipe")
        pending += chunk
    msg, pending = pending.split(b"\0", 1)
    return json.loads(msg)

def note(msg):
    method, params = msg.get("method"), msg.get("params", {})
    if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
        text = " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", []))
        errors.append(f"console.{params['type']}: {text}")
    elif method == "Runtime.exceptionThrown":
        d = params.get("exceptionDetails", {})
        errors.append("exception: " + d.get("exception", {}).get("description", d.get("text", "?")))
    elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
        errors.append("log: " + params["entry"].get("text", ""))
    elif method == "Network.loadingFailed" or method == "Network.requestWillBeSent" and \
            not params.get("request", {}).get("url", "").startswith(("file:", "about:", "data:")):
        errors.append(f"network: {method} {params.get('request', {}).get('url', params.get('errorText', ''))}")
    events.append(msg)

def call(method, params=None, session=None, timeout=30):
    global next_id
    next_id += 1
    msg = {"id": next_id, "method": method, "params": params or {}}
    if session:
        msg["sessionId"] = session
    os.write(to_chrome_w, json.dumps(msg).encode() + b"\0")
    deadline = time.time() + timeout
    while True:
        m = read_message(deadline)
        if m.get("id") == next_id:
            if "error" in m:
                raise RuntimeError(f"{method}: {m['error']}")
            return m.get("result", {})
        note(m)

def wait_for(method, session, timeout=30):
    deadline = time.time() + timeout
    for m in events:
        if m.get("method") == method and m.get("sessionId") == session:
            return m
    while True:
        m = read_message(deadline)
        note(m)
        if m.get("method") == method and m.get("sessionId") == session:
            return m

def evaluate(expr, session):
    r = call("Runtime.evaluate", {"expression": expr, "returnByValue": True}, session)
    if "exceptionDetails" in r:
        raise RuntimeError(f"evaluate {expr}: {r['exceptionDetails']}")
    return r["result"].get("value")

try:
    target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        call(f"{domain}.enable", session=session)
    call("Emulation.setDeviceMetricsOverride",
         {"width": 1280, "height": 1000, "deviceScaleFactor": 1, "mobile": False}, session)
    call("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session)
    wait_for("Page.loadEventFired", session)
    time.sleep(0.3)
    total = evaluate("document.querySelectorAll('article.event').length", session)
    shown = evaluate("document.getElementById('shown').textContent", session)
    # The filters: untick every type but one, then pick a place.
    types = evaluate("Array.from(document.querySelectorAll('input[name=type]')).map(b => b.value)", session)
    checks = []
    if types:
        keep = types[0]
        visible = evaluate(f"""(() => {{
            document.querySelectorAll('input[name=type]').forEach(b => {{ b.checked = b.value === {json.dumps(keep)}; }});
            document.getElementById('filters').dispatchEvent(new Event('change'));
            const v = Array.from(document.querySelectorAll('article.event')).filter(a => !a.hidden);
            return [v.length, v.every(a => a.dataset.type === {json.dumps(keep)}),
                    document.querySelectorAll('article.event[data-type={keep}]').length];
        }})()""", session)
        checks.append(("type filter", visible[1] and visible[0] == visible[2], visible))
        place = evaluate("(document.querySelector('#place option:nth-child(2)')||{}).value", session)
        if place:
            r = evaluate(f"""(() => {{
                document.querySelectorAll('input[name=type]').forEach(b => {{ b.checked = true; }});
                const s = document.getElementById('place'); s.value = {json.dumps(place)};
                s.dispatchEvent(new Event('change', {{bubbles: true}}));
                const v = Array.from(document.querySelectorAll('article.event')).filter(a => !a.hidden);
                return [v.length, v.every(a => a.dataset.places.includes('|' + {json.dumps(place)} + '|'))];
            }})()""", session)
            checks.append(("place filter", r[0] > 0 and r[1], r))
        # Back to everything for the screenshot.
        evaluate("""(() => { document.getElementById('place').value = '';
            document.getElementById('filters').dispatchEvent(new Event('change')); })()""", session)
    height = evaluate("Math.min(document.documentElement.scrollHeight, 2400)", session)
    call("Emulation.setDeviceMetricsOverride",
         {"width": 1280, "height": int(height), "deviceScaleFactor": 1, "mobile": False}, session)
    time.sleep(0.2)
    png = call("Page.captureScreenshot", {"format": "png"}, session)["data"]
    with open(shot, "wb") as f:
        f.write(base64.b64decode(png))
    # Anything logged late.
    os.set_blocking(from_chrome_r, False)
    try:
        while True:
            note(read_message(time.time() + 0.2))
    except (TimeoutError, EOFError, BlockingIOError):
        pass
finally:
    try:
        os.write(to_chrome_w, json.dumps({"id": 999999, "method": "Browser.close"}).encode() + b"\0")
    except OSError:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(profile, ignore_errors=True)

print(f"page: {page}: {total} events, '{shown}'")
for name, ok, detail in checks:
    print(f"{name}: {'ok' if ok else 'FAILED'} {detail}")
print(f"console errors, exceptions and network requests: {len(errors)}")
for e in errors:
    print("  " + e)
print(f"screenshot: {shot}")
sys.exit(0 if not errors and total and all(ok for _, ok, _ in checks) else 1)
