"""kg serve: Oxigraph's own SPARQL 1.1 Protocol server over a store, queried
with real HTTP requests on the loopback interface."""
from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.serve import free_port, start_server

from conftest import load_explore_fixture  # noqa: E402
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
COUNT_PROGRAMS = ("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE "
                  "{ ?p a <https://w3id.org/minsheng-kg/ontology#Program> }")


@pytest.fixture
def store_dir(tmp_path) -> Path:
    return load_explore_fixture(tmp_path)


def sparql(url: str, query: str, method: str = "GET"):
    headers = {"Accept": "application/sparql-results+json"}
    if method == "GET":
        req = urllib.request.Request(url + "?" + urllib.parse.urlencode({"query": query}), headers=headers)
    else:
        req = urllib.request.Request(url, data=query.encode("utf-8"), method="POST",
                                     headers={**headers, "Content-Type": "application/sparql-query"})
    with LOOPBACK.open(req, timeout=10) as r:
        assert r.headers["Content-Type"].startswith("application/sparql-results+json")
        return json.loads(r.read())


def update(url: str, text: str) -> int:
    req = urllib.request.Request(url, data=text.encode("utf-8"), method="POST",
                                 headers={"Content-Type": "application/sparql-update"})
    with LOOPBACK.open(req, timeout=10) as r:
        return r.status


def test_serve_answers_sparql_protocol_queries_on_loopback(store_dir):
    with start_server(store_dir, port=0) as server:
        assert server.url.startswith("http://127.0.0.1:")
        for method in ("GET", "POST"):
            result = sparql(server.query_url, COUNT_PROGRAMS, method)
            assert result["results"]["bindings"][0]["n"]["value"] == "3"  # union of the document graphs
        named = sparql(server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        graphs = {b["g"]["value"] for b in named["results"]["bindings"]}
        assert "https://w3id.org/minsheng-kg/id/graph/gazetteer" in graphs and len(graphs) == 4
        with LOOPBACK.open(server.url + "/", timeout=10) as page:  # the web query page
            assert page.status == 200 and "text/html" in page.headers["Content-Type"]
    assert not server.running()


def test_serve_read_only_refuses_updates(store_dir):
    with start_server(store_dir, port=0) as server:
        with pytest.raises(urllib.error.HTTPError) as refused:
            update(server.update_url, "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }")
        assert refused.value.code in (403, 404, 405)
        left = sparql(server.query_url, "ASK { <urn:x:a> ?p ?o }")
        assert left["boolean"] is False


def test_serve_writable_accepts_updates_and_keeps_them(store_dir):
    with start_server(store_dir, port=0, writable=True) as server:
        assert update(server.update_url, "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }") in (200, 204)
        assert sparql(server.query_url, "ASK { <urn:x:a> ?p ?o }")["boolean"] is True
    store = ox.Store.read_only(str(store_dir / "store"))
    assert list(store.quads_for_pattern(ox.NamedNode("urn:x:a"), None, None, None))


def test_serve_waits_until_ready_and_stops(store_dir):
    started = time.monotonic()
    server = start_server(store_dir, port=0)
    try:
        assert server.running()
        assert sparql(server.query_url, "ASK {}")["boolean"] is True  # answers right away
    finally:
        server.stop()
    assert not server.running() and time.monotonic() - started < 30


@pytest.mark.skipif(sys.platform == "win32", reason="flock")
def test_a_build_refuses_a_store_that_kg_serve_is_reading_and_leaves_it_as_it_was(store_dir, tmp_path):
    from kg.api import build

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("新乡市民政局在红旗区推进“幸福食堂”建设，新建食堂12个。\n", encoding="utf-8")
    with start_server(store_dir, port=0) as server:
        # the lock is held by the server process, not by this one
        with pytest.raises(StoreError, match="a `kg serve` is reading this store") as refused:
            build([docs], store_dir, progress=False)
        assert str(store_dir / "store") in str(refused.value)
        result = sparql(server.query_url, COUNT_PROGRAMS)
        assert result["results"]["bindings"][0]["n"]["value"] == "3"  # untouched, still served
        assert not (store_dir / "state.json").exists()
    assert build([docs], store_dir, progress=False).ok  # the server has stopped


def test_serve_reports_a_folder_without_store(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        start_server(tmp_path, port=0)


def test_kg_serve_runs_in_the_foreground_until_interrupted(store_dir):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store_dir), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=Path(__file__).parents[1])
    lines: queue.Queue = queue.Queue()
    reader = threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True)
    reader.start()
    try:
        banner = ""
        while "Ctrl-C" not in banner:  # the command says it is ready
            banner += lines.get(timeout=30)
        assert f"http://127.0.0.1:{port}/query" in banner
        result = sparql(f"http://127.0.0.1:{port}/query", COUNT_PROGRAMS)
        assert result["results"]["bindings"][0]["n"]["value"] == "3"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        reader.join(timeout=5)
        rest = ""
        while not lines.empty():
            rest += lines.get()
        assert "stopping" in rest
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # lets the command stop its server
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        sparql(f"http://127.0.0.1:{port}/query", "ASK {}")
