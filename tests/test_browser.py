"""The viz page in a real browser: headless Chromium driven over the DevTools
protocol (on a pipe, no extra package). Checks that vis-network draws every
node, that no script error occurs, that nothing is requested from the network
and that injected markup in document text stays text. Screenshots go to
tests/artifacts/."""
from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

CHROMIUM = "/usr/bin/chromium"
FIXTURE = Path(__file__).parent / "fixtures" / "explore.trig"
ARTIFACTS = Path(__file__).parent / "artifacts"
KG = "https://w3id.org/minsheng-kg/ontology#"
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs /usr/bin/chromium (apt-get install chromium)"),
]


class Browser:
    """Chromium with --remote-debugging-pipe: DevTools messages are
    NUL-terminated JSON on file descriptors 3 (to the browser) and 4 (from it)."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="kg-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-extensions", "--disable-default-apps", "--mute-audio",
                 f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "--window-size=1280,900",
                 "about:blank"]

        # move the browser's ends above 9, then let bash (dash knows fds 0-9 only) put them on 3 and 4
        r, w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_browser_r, from_browser_w))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.proc = subprocess.Popen(["/bin/bash", "-c", f'exec "$0" "$@" 3<&{r} 4>&{w} {r}<&- {w}>&-', CHROMIUM, *flags],
                                     pass_fds=(r, w), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r)
        os.close(w)
        self._buf = b""
        self._id = 0
        self.events: list[dict] = []

    def _read_message(self, deadline: float) -> dict:
        import select

        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from chromium")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def send(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30):
        self._id += 1
        msg = {"id": self._id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_browser, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        try:
            while True:
                self.events.append(self._read_message(deadline))
        except TimeoutError:
            pass

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


def open_page(browser: Browser, path: Path, shot: str, hover: str | None = None, script: str | None = None) -> dict:
    """Load the page, wait until vis-network has drawn, hover a node (its
    tooltip is then read back), take a screenshot, run `script` and report."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Network", "Log"):
        browser.send(f"{domain}.enable", session=session)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
    # any alert() or a script outside the page's own would land here
    browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__kgAlerts = []; window.alert = function (m) { window.__kgAlerts.push(String(m)); };")},
        session=session)
    first_event = len(browser.events)
    browser.send("Page.navigate", {"url": path.resolve().as_uri()}, session=session)
    state = {}
    for _ in range(120):
        browser.pump(0.25)
        state = json.loads(browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
            JSON.stringify({status: Object.assign({}, (document.getElementById('kg-status') || {}).dataset || {}),
                            errors: window.__kgErrors || null, alerts: window.__kgAlerts || null,
                            scripts: document.scripts.length,
                            injected: document.querySelectorAll('[onmouseover], .pwn, img').length,
                            resources: performance.getEntriesByType('resource').map(function (r) { return r.name; })})
            """}, session=session)["result"]["value"])
        if state["status"].get("ready") == "1":
            break
    x, y = 740, 520
    if hover:
        browser.pump(1.5)  # let the layout settle
        where = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": f"""
            (function () {{
              var id = {json.dumps(hover)}, net = window.kgNetwork;
              var p = net.canvasToDOM(net.getPositions([id])[id]);
              var box = document.getElementById('mynetwork').getBoundingClientRect();
              return [p.x + box.left, p.y + box.top];
            }})()"""}, session=session)["result"]["value"]
        x, y = where
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=session)
    browser.pump(0.8)
    state["tooltip"] = json.loads(browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """
        JSON.stringify((function () {
          var tip = document.querySelector('div.vis-tooltip');
          return tip ? {visible: tip.style.visibility !== 'hidden', text: tip.innerText,
                        elements: Array.from(tip.querySelectorAll('*')).map(function (e) { return e.tagName; })}
                     : null;
        })())"""}, session=session)["result"]["value"])
    state["alerts"] = json.loads(browser.send("Runtime.evaluate", {"returnByValue": True,
                                              "expression": "JSON.stringify(window.__kgAlerts)"},
                                              session=session)["result"]["value"])
    shot_data = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / shot).write_bytes(base64.b64decode(shot_data))
    if script:
        state["script"] = browser.send("Runtime.evaluate", {"returnByValue": True, "awaitPromise": True,
                                                            "expression": script}, session=session)["result"].get("value")
    events = browser.events[first_event:]
    state["requests"] = [e["params"]["request"]["url"] for e in events
                         if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == session]
    state["exceptions"] = [e["params"]["exceptionDetails"].get("text") for e in events
                           if e.get("method") == "Runtime.exceptionThrown" and e.get("sessionId") == session]
    state["log_errors"] = [e["params"]["entry"]["text"] for e in events
                           if e.get("method") == "Log.entryAdded" and e.get("sessionId") == session
                           and e["params"]["entry"]["level"] == "error"]
    browser.send("Target.closeTarget", {"targetId": target})
    return state


def _store_with(tmp_path: Path, extra: list[ox.Quad] = ()) -> ox.Store:
    store = ox.Store(str(tmp_path / "store"))
    store.load(path=str(FIXTURE), format=ox.RdfFormat.TRIG)
    store.extend(list(extra))
    return store


def assert_clean(state: dict, expected_nodes: int) -> None:
    assert state["status"].get("ready") == "1", state
    assert int(state["status"]["drawnNodes"]) == expected_nodes
    assert state["errors"] == [] and state["exceptions"] == [] and state["log_errors"] == [], state
    assert state["alerts"] == []
    remote = [u for u in state["requests"] + state["resources"] if not u.startswith(("file:", "data:", "about:"))]
    assert remote == [], remote
    assert [u for u in state["requests"] if u.startswith("file:")] == state["requests"][:1]  # the page only


def test_browser_draws_every_node_without_errors_or_requests(browser, tmp_path):
    from kg.viz import render

    result = render(_store_with(tmp_path), tmp_path / "all.html")
    # untick the Observation filter: its 7 nodes disappear from the drawing
    untick = """new Promise(function (done) {
        document.querySelector('input.kg-filter[value=Observation]').click();
        setTimeout(function () { done(window.kgNetwork.body.nodeIndices.length); }, 300);
    })"""
    state = open_page(browser, result.path, "viz-whole-graph.png", script=untick)
    assert_clean(state, result.nodes)
    assert state["scripts"] == 3
    assert state["script"] == result.nodes - 7


def test_browser_keeps_injected_markup_as_text(browser, tmp_path):
    from kg.viz import render

    evil = ox.NamedNode("https://w3id.org/minsheng-kg/id/org/evil")
    graph = ox.NamedNode("https://w3id.org/minsheng-kg/id/doc/evil.txt")
    quads = [
        ox.Quad(evil, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(KG + "Organization"), graph),
        ox.Quad(evil, RDFS_LABEL, ox.Literal("<script>alert(1)</script>", language="zh"), graph),
        ox.Quad(evil, ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel"),
                ox.Literal('"onmouseover=alert(2) x="<img src=x onerror=alert(3) class=pwn>', language="zh"), graph),
        ox.Quad(evil, ox.NamedNode(KG + "runs"), ox.NamedNode("https://w3id.org/minsheng-kg/id/program/青翼家园"), graph),
    ]
    result = render(_store_with(tmp_path, quads), tmp_path / "evil.html", focus="青翼家园", hops=1)
    state = open_page(browser, result.path, "viz-escaping.png", hover=evil.value)
    assert_clean(state, result.nodes)
    assert state["scripts"] == 3
    assert state["injected"] == 0
    tip = state["tooltip"]
    assert tip and tip["visible"], state
    assert "<script>alert(1)</script>" in tip["text"]  # shown as text
    assert '"onmouseover=alert(2) x="<img src=x onerror=alert(3) class=pwn>' in tip["text"]
    assert set(tip["elements"]) <= {"DIV", "B", "SPAN", "OL", "LI", "BR", "I"}  # our markup only


def test_browser_draws_a_large_capped_graph(browser, tmp_path):
    from kg.viz import MAX_NODES, render_graph
    from kg.viz.select import Selection
    from test_viz import synthetic_graph  # tests/ is on sys.path under pytest

    g = synthetic_graph(3000)
    result = render_graph(g, Selection(set(g.nodes), description="synthetic"), tmp_path / "big.html")
    assert result.nodes == MAX_NODES and not result.physics
    state = open_page(browser, result.path, "viz-large-capped.png")
    assert_clean(state, MAX_NODES)
