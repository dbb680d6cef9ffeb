"""Crash safety and incremental builds.

A `kg build` killed with SIGKILL while it writes the store, or while it writes
the exports, leaves the previous exports whole and the store readable, holding
every document graph whole (the previous version or the new one, never a
mix); the next build completes and gives the same files as a clean build.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.corpus import document, write_corpus  # noqa: E402
from kg.api import build  # noqa: E402
from kg.errors import StoreError  # noqa: E402
from kg.namespaces import document_iri, entity_iri, gazetteer_graph_iri  # noqa: E402
from kg.store import export, export_many, open_store  # noqa: E402

EXPORTS = ("graph.nq", "graph.trig", "graph.ttl")
FORMATS = {"graph.nq": ox.RdfFormat.N_QUADS, "graph.trig": ox.RdfFormat.TRIG, "graph.ttl": ox.RdfFormat.TURTLE}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _start_build(src: Path, out: Path) -> subprocess.Popen:
    # bulk loads of about 12 of these documents, so that a build of 42 new ones makes several
    env = dict(os.environ, KG_BULK_QUADS="20000")
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def _wal_bytes(store: Path) -> int:
    return sum(p.stat().st_size for p in store.glob("*.log") if p.exists())


def _graphs(store: ox.Store) -> dict[str, frozenset]:
    out: dict[str, set] = {}
    for q in store.quads_for_pattern(None, None, None, None):
        out.setdefault(q.graph_name.value, set()).add(str(q))
    return {g: frozenset(s) for g, s in out.items()}


def _load(path: Path) -> ox.Store:
    s = ox.Store()
    s.load(path=str(path), format=FORMATS[path.name])
    return s


def _modify(path: Path) -> None:
    path.write_text(path.read_text("utf-8") + "\n全市新建社区老年食堂17家，服务老年人3200人次。\n", "utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A first build of 8 documents, then the input grows to 50 and 2 change.
    Returns the folders and a clean reference build of the final input."""
    root = tmp_path_factory.mktemp("crash")
    src = root / "in"
    write_corpus(src, 8)
    first = root / "first"
    report = build([src], first, progress=False)
    assert report.ok, report.as_dict()
    write_corpus(src, 42, start=8)
    for name in sorted(os.listdir(src))[:2]:
        _modify(src / name)
    reference = root / "reference"
    report = build([src], reference, progress=False)
    assert report.ok
    return {"root": root, "src": src, "first": first, "reference": reference}


def _copy_first(corpus, name: str) -> Path:
    out = corpus["root"] / name
    shutil.copytree(corpus["first"], out)
    return out


def _check_whole(out: Path, corpus) -> None:
    """Exports are the previous ones or the new ones, each whole; every graph in
    the store is the previous or the new version of its document."""
    for name in EXPORTS:
        data = (out / name).read_bytes()
        assert data in ((corpus["first"] / name).read_bytes(), (corpus["reference"] / name).read_bytes()), name
        assert len(_load(out / name)) > 1000
    previous = _graphs(open_store(corpus["first"], read_only=True))
    new = _graphs(open_store(corpus["reference"], read_only=True))
    now = _graphs(open_store(out, read_only=True))
    for g, quads in now.items():
        assert quads in (previous.get(g), new.get(g)), f"{g}: a partial graph"
    assert set(previous) <= set(now), "a previous graph went missing"


def _resume_and_compare(out: Path, corpus) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus["src"]), "--out", str(out),
                           "--no-progress"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in EXPORTS:
        assert (out / name).read_bytes() == (corpus["reference"] / name).read_bytes(), name
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"
    report = json.loads((out / "report.json").read_text("utf-8"))
    assert report["summary"].get("failed", 0) == 0 and len(report["documents"]) == 50
    state = json.loads((out / "state.json").read_text("utf-8"))
    assert len(state) == 50


def test_build_killed_while_writing_the_store(corpus):
    out = _copy_first(corpus, "killed-store")
    before = {name: (out / name).read_bytes() for name in EXPORTS + ("report.json", "state.json")}
    graphs_before = len(list(open_store(out, read_only=True).named_graphs()))
    proc = _start_build(corpus["src"], out)
    # new graphs arrive in bulk loads: kill once the first has been ingested,
    # while the rest is still being extracted
    start = time.monotonic()
    while time.monotonic() - start < 120:
        assert proc.poll() is None, "the build ended before it could be killed: " + proc.stderr.read().decode()[-2000:]
        try:
            # Oxigraph directly: kg's open_store refuses a store that a build is writing
            if len(list(ox.Store.read_only(str(out / "store")).named_graphs())) > graphs_before:
                break
        except (OSError, RuntimeError):
            pass  # a read-only view opened while the build moves RocksDB's files: look again
        time.sleep(0.002)
    else:
        pytest.fail("the store never gained a graph")
    assert proc.poll() is None, "killed too late: the build had finished"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    # the previous exports and report are untouched, byte for byte
    for name, data in before.items():
        assert (out / name).read_bytes() == data, name
    assert len(_load(out / "graph.nq")) == len(open_store(corpus["first"], read_only=True))
    # the store was changed (new graphs) but holds no partial graph
    now = _graphs(open_store(out, read_only=True))
    assert len(now) > len(_graphs(open_store(corpus["first"], read_only=True)))
    _check_whole(out, corpus)
    _resume_and_compare(out, corpus)


def test_a_bulk_load_killed_midway_leaves_none_of_its_graphs(tmp_path):
    """New graphs go into the store by bulk load; killed before RocksDB ingests
    its files, the store holds none of them, and the next build removes the
    unfinished files and completes."""
    src = tmp_path / "in"
    write_corpus(src, 1)
    out = tmp_path / "out"
    build([src], out, progress=False)
    store_dir = out / "store"
    first = _graphs(open_store(out, read_only=True))
    # 400 graphs of 1,000 quads, all in one bulk load (about 4 s here)
    script = (
        "import sys\n"
        "from kg.store import add_graphs, open_store\n"
        "lines = ''.join(f'<urn:s:{i}> <urn:p> \"literal {i}\" .\\n' for i in range(1000)).encode()\n"
        "store = open_store(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "add_graphs(store, [(f'urn:g:{g}', lines) for g in range(400)])\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script, str(store_dir)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=str(REPO))
    assert proc.stdout.readline() == b"ready\n", proc.stderr.read().decode()[-2000:]
    start = time.monotonic()
    while not list(store_dir.glob("bulk-*.sst")):
        assert proc.poll() is None, "the bulk load ended before it could be killed"
        assert time.monotonic() - start < 60, "the bulk load never wrote a file"
        time.sleep(0.002)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    assert _graphs(open_store(out, read_only=True)) == first, "a part of the bulk load became visible"
    leftovers = list(store_dir.glob("bulk-*.sst"))
    report = build([src], out, progress=False)
    assert report.ok and not list(store_dir.glob("bulk-*.sst")), leftovers
    assert _graphs(open_store(out, read_only=True)) == first


def test_build_killed_while_writing_the_exports(corpus):
    out = _copy_first(corpus, "killed-export")
    proc = _start_build(corpus["src"], out)
    start = time.monotonic()
    while time.monotonic() - start < 300:
        if proc.poll() is not None:
            pytest.fail("the build ended before it could be killed: " + proc.stderr.read().decode()[-2000:])
        if any(p.name.startswith(".graph.") for p in out.iterdir()):
            break
        time.sleep(0.002)
    else:
        pytest.fail("the exports never started")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stderr.close()
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".graph.")]
    assert leftovers, "killed after the exports were written"
    _check_whole(out, corpus)
    _resume_and_compare(out, corpus)


def test_export_failure_leaves_previous_files_and_no_temporaries(corpus, tmp_path, monkeypatch):
    import kg.store.exports as export_mod

    out = _copy_first(corpus, "export-fails")
    store = open_store(out)
    before = {name: (out / name).read_bytes() for name in EXPORTS}
    calls = {"n": 0}
    real = export_mod._from_store

    def failing(store, graph, with_trig):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        return real(store, graph, with_trig)

    monkeypatch.setattr(export_mod, "_from_store", failing)
    with pytest.raises(OSError, match="No space"):
        export_many(store, [(name.split(".")[1], out / name) for name in EXPORTS])
    for name in EXPORTS:
        assert (out / name).read_bytes() == before[name]
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_export_external_sort_matches_in_memory_sort(corpus, tmp_path, monkeypatch):
    """The merged graph is deduplicated by an external merge sort when large;
    the result is the same as in memory."""
    import kg.store.exports as export_mod

    store = open_store(corpus["first"], read_only=True)
    small = export(store, "ttl", tmp_path / "a.ttl").read_bytes()
    nt = export(store, "nt", tmp_path / "a.nt").read_bytes()
    monkeypatch.setattr(export_mod, "RUN_LINES", 1000)
    assert export(store, "ttl", tmp_path / "b.ttl").read_bytes() == small
    assert export(store, "nt", tmp_path / "b.nt").read_bytes() == nt
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    lines = nt.decode("utf-8").splitlines()
    assert lines == sorted(set(lines), key=lambda s: s.encode("utf-8"))


def test_turtle_written_in_two_halves_is_the_turtle_of_the_whole(corpus, tmp_path, monkeypatch):
    """A large merged graph is written as Turtle by two processes, split at a
    subject; put together, the halves are byte for byte the one-process Turtle."""
    import kg.store.exports as export_mod
    import kg.store.merge as merge_mod

    store = open_store(corpus["first"], read_only=True)
    monkeypatch.setattr(export_mod, "RUN_LINES", 1000)
    monkeypatch.setattr(export_mod, "SPLIT_TURTLE_LINES", 10**9)
    whole = export(store, "ttl", tmp_path / "whole.ttl").read_bytes()
    pivots = []
    real = merge_mod.write_turtle_split

    def spy(runs, out, tmp_dir, pivot):
        pivots.append(pivot)
        return real(runs, out, tmp_dir, pivot)

    monkeypatch.setattr(export_mod, "write_turtle_split", spy)
    monkeypatch.setattr(export_mod, "SPLIT_TURTLE_LINES", 1000)
    halves = export(store, "ttl", tmp_path / "halves.ttl").read_bytes()
    assert len(pivots) == 1 and b"\n" + pivots[0] in whole  # split at a subject inside the graph
    assert halves == whole
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_turtle_export_whose_second_process_fails_leaves_the_previous_file(corpus, tmp_path, monkeypatch):
    import kg.store.exports as export_mod
    import kg.store.merge as merge_mod

    store = open_store(corpus["first"], read_only=True)
    dest = tmp_path / "graph.ttl"
    dest.write_bytes(b"previous")
    monkeypatch.setattr(export_mod, "RUN_LINES", 1000)
    monkeypatch.setattr(export_mod, "SPLIT_TURTLE_LINES", 1000)
    monkeypatch.setattr(merge_mod.sys, "executable", shutil.which("false") or "/bin/false")
    with pytest.raises(StoreError, match="second half"):
        export(store, "ttl", dest)
    assert dest.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


# -- incremental builds ----------------------------------------------------------
def _graph_of(out: Path, source: str) -> frozenset:
    return _graphs(open_store(out, read_only=True)).get(document_iri(source), frozenset())


def test_incremental_build_reports_what_happened_to_each_graph(tmp_path):
    src = tmp_path / "in"
    write_corpus(src, 4)
    names = sorted(os.listdir(src))
    out = tmp_path / "out"
    build([src], out, progress=False)
    old_changed = _graph_of(out, names[0])
    old_broken = _graph_of(out, names[2])

    _modify(src / names[0])  # changed: re-extracted, graph replaced
    (src / names[1]).unlink()  # gone: pruned
    (src / names[2]).write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # now unreadable
    new_name, text = document(99)
    (src / new_name).write_text(text, "utf-8")  # new
    report = build([src], out, prune=True, progress=False)
    docs = {d["source"]: d for d in report.documents}
    assert {k: (d["status"], d["graph"]) for k, d in docs.items()} == {
        names[0]: ("built", "replaced"),
        names[1]: ("pruned", "dropped"),
        names[2]: ("failed", "kept (previous version)"),
        names[3]: ("unchanged", "kept"),
        new_name: ("built", "added"),
    }
    saved = json.loads((out / "report.json").read_text("utf-8"))
    assert [d["graph"] for d in saved["documents"]] == [docs[k]["graph"] for k in sorted(docs)]

    # the changed document's graph is the new one, exactly as a clean build gives it
    clean = tmp_path / "clean"
    build([src / names[0]], clean, progress=False)
    new_changed = _graph_of(out, names[0])
    assert new_changed == _graph_of(clean, names[0]) and new_changed != old_changed
    assert any("3200" in q for q in new_changed)
    assert _graph_of(out, names[1]) == frozenset()
    assert _graph_of(out, names[2]) == old_broken  # kept until it builds again or is pruned


def test_unchanged_documents_are_not_re_extracted(tmp_path, monkeypatch):
    import kg.pipeline

    src = tmp_path / "in"
    write_corpus(src, 3)
    out = tmp_path / "out"
    build([src], out, progress=False)
    seen = []
    real = kg.pipeline.analyze
    monkeypatch.setattr(kg.pipeline, "analyze", lambda path, *a, **k: seen.append(path) or real(path, *a, **k))
    report = build([src], out, progress=False)
    assert seen == [] and {d["status"] for d in report.documents} == {"unchanged"}
    touched = sorted(src.iterdir())[1]
    os.utime(touched, (time.time() + 100, time.time() + 100))  # a new mtime, the same bytes
    build([src], out, progress=False)
    assert seen == []
    build([src], out, progress=False, force=True)
    assert len(seen) == 3


def test_a_graph_replaced_by_a_killed_build_is_re_extracted(tmp_path):
    """A killed build may have replaced a changed document's graph in the store
    without writing state.json: the next build must not call it unchanged with
    the counts of the old version."""
    src = tmp_path / "in"
    write_corpus(src, 2)
    name = sorted(os.listdir(src))[0]
    out = tmp_path / "out"
    build([src], out, progress=False)
    old_state = (out / "state.json").read_bytes()
    _modify(src / name)
    new_counts = {d["source"]: d["counts"] for d in build([src], out, progress=False).documents}[name]
    (out / "state.json").write_bytes(old_state)  # as if killed before state.json was written
    docs = {d["source"]: d for d in build([src], out, progress=False).documents}
    assert docs[name]["status"] == "built" and docs[name]["counts"] == new_counts


def test_gazetteer_graph_follows_the_documents(tmp_path):
    src = tmp_path / "in"
    write_corpus(src, 2)
    out = tmp_path / "out"
    build([src], out, progress=False)
    gaz = ox.NamedNode(gazetteer_graph_iri())
    store = open_store(out, read_only=True)
    assert len(list(store.quads_for_pattern(None, None, None, gaz))) > 0
    del store
    for p in src.iterdir():
        p.unlink()
    build([src], out, prune=True, progress=False)
    store = open_store(out, read_only=True)
    assert list(store.quads_for_pattern(None, None, None, None)) == []


def test_gazetteer_graph_labels_a_place_that_only_locates_a_body(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "doc.txt").write_text("南通市召开会议。南通市推进。一是崇川团区委在和平桥街道开设青年夜校。", "utf-8")
    out = tmp_path / "out"
    build([src], out, progress=False)
    store = open_store(out, read_only=True)
    place = ox.NamedNode(entity_iri("Location", "崇川区", code="320613"))  # named only inside 崇川团区委
    labels = {q.object.value for q in store.quads_for_pattern(place, None, None, ox.NamedNode(gazetteer_graph_iri()))}
    assert "崇川区" in labels


def test_forced_rebuild_and_rebuild_without_cache_give_the_clean_build(tmp_path):
    """Changed graphs are updated by their difference from the stored version,
    read from the export cache or, without one, from the store: a forced
    rebuild, and an edit after the cache was deleted, give what a clean build
    gives."""
    src = tmp_path / "in"
    write_corpus(src, 3)
    out = tmp_path / "out"
    build([src], out, progress=False)
    before = {name: (out / name).read_bytes() for name in EXPORTS}
    report = build([src], out, progress=False, force=True)
    assert {d["graph"] for d in report.documents} == {"replaced"}
    assert {name: (out / name).read_bytes() for name in EXPORTS} == before
    shutil.rmtree(out / "graphs")
    _modify(sorted(src.iterdir())[1])
    build([src], out, progress=False)
    clean = tmp_path / "clean"
    build([src], clean, progress=False)
    for name in EXPORTS:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert _graphs(open_store(out, read_only=True)) == _graphs(open_store(clean, read_only=True))


def test_reading_commands_refuse_a_store_a_build_is_writing(corpus):
    """Oxigraph's read-only mode does not follow a writer: while a build runs,
    opening its store to read is refused with a clear error, and works again
    once the build has finished (or was killed)."""
    from click.testing import CliRunner

    from kg.cli import main

    out = _copy_first(corpus, "read-while-building")
    proc = _start_build(corpus["src"], out)
    try:
        start = time.monotonic()
        while True:
            assert time.monotonic() - start < 120, "the build never took its lock"
            assert proc.poll() is None, "the build ended before a reader tried: " + proc.stderr.read().decode()[-2000:]
            try:
                open_store(out, read_only=True)
            except StoreError as e:
                assert "a build is writing this store" in str(e) and str(out / "store") in str(e)
                break
            time.sleep(0.005)
        result = CliRunner().invoke(main, ["query", "documents-by-city", "--store", str(out)])
        assert result.exit_code == 1 and "a build is writing this store" in result.stderr
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stderr.close()
    assert len(open_store(out, read_only=True)) > 0  # the killed build's lock went with it


@pytest.mark.parametrize("workers", [1, 2])
def test_a_store_write_failing_on_a_full_disk_ends_the_build_with_an_error_and_keeps_the_store(tmp_path, monkeypatch,
                                                                                              workers):
    # the last batch's bulk load failing once left the writer waiting for more work: the build hung
    import threading

    import kg.build as build_mod

    src, out = tmp_path / "src", tmp_path / "out"
    write_corpus(src, 3)
    build([str(src)], out)
    before = _stored_quads(out)
    write_corpus(src, 2, start=3)

    def full_disk(store, graphs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(build_mod, "add_graphs", full_disk)
    outcome: list = []

    def run() -> None:
        try:
            build([str(src)], out, workers=workers)
            outcome.append(None)
        except Exception as e:  # noqa: BLE001 - the test reports what was raised
            outcome.append(e)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(60)
    assert not thread.is_alive(), "the build hung after the store write failed"
    assert isinstance(outcome[0], StoreError) and "No space left" in str(outcome[0]), outcome
    assert str(out / "store") in str(outcome[0])
    assert _stored_quads(out) == before


def _stored_quads(out: Path) -> list[str]:
    store = open_store(out, read_only=True)
    quads = sorted(str(q) for q in store.quads_for_pattern(None, None, None, None))
    del store  # the store's lock goes with its last handle
    return quads
