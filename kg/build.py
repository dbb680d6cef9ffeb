"""A build: discover documents, extract the changed ones (in N processes), replace
their named graphs in the store, prune, and write exports and report.json.

The store is written by one thread while documents are still being extracted
(Oxigraph releases the GIL while it writes), and each document's export form
(`kg.store.cache`) is made by the process that extracted it, so the exports at
the end mostly concatenate files instead of re-reading the store."""
from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import queue
import sys
import threading
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.gazetteer_graph import refresh_gazetteer_graph
from kg.ingest.discover import discover_with_errors
from kg.namespaces import document_iri
from kg.pipeline import DocResult, _sha256, extractor_fingerprint, extractor_id, process_star, warm_pipeline
from kg.errors import ConfigError, StoreError
from kg.fileio import write_atomic
from kg.store import (add_graphs, document_hashes, drop_graph, export_many, graph_ntriples, open_store,
                      remove_bulk_leftovers, stored_lines, update_graph, writer_lock)
from kg.store.cache import CACHE_DIR, GraphCache, GraphExport, graph_export

if TYPE_CHECKING:
    from kg.types import PipelineConfig

EXPORTS = (("graph.trig", "trig"), ("graph.nq", "nq"), ("graph.ttl", "ttl"))
STATE_FILE = "state.json"
EXPORTS_RECORD = "exports.json"  # what the exports were made from, and their sizes and times
FLUSH_EVERY_QUADS = 50_000
# new graphs per bulk load (KG_BULK_QUADS overrides it). Each load's index
# files land in RocksDB's first level, which compacts them in the background,
# so larger batches cost less CPU (for 510k quads: 3.9 s at 50,000 quads a
# batch, 3.0 s at 100,000, 2.75 s at 200,000) but hold more memory (+30 MB at
# 100,000, +150 MB at 200,000), and the last batch, loaded after extraction
# ends, takes longer: on 2 cores the build's wall time came out the same
BULK_QUADS = 50_000
QUEUED_QUADS = 50_000  # extracted, waiting for the store writer


def bulk_quads() -> int:
    value = os.environ.get("KG_BULK_QUADS", "").strip()
    try:
        return max(1, int(value)) if value else BULK_QUADS
    except ValueError:
        raise ConfigError("KG_BULK_QUADS", value, "a number of quads") from None


@dataclass
class BuildReport:
    out_dir: str
    documents: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[dict]:
        return [d for d in self.documents if d["status"] == "failed"]

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    def as_dict(self) -> dict:
        statuses: dict[str, int] = {}
        for d in self.documents:
            statuses[d["status"]] = statuses.get(d["status"], 0) + 1
        return {"out": self.out_dir, "summary": statuses, "documents": self.documents, "errors": self.errors}


class _NoProgress:
    """Stands in for a disabled bar: tqdm starts its monitor thread even then."""

    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, enabled: bool | None):
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return _NoProgress()
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", file=sys.stderr)


def build(paths, out_dir, workers: int = 1, prune: bool = False, config: PipelineConfig | None = None,
          progress: bool | None = None, force: bool = False, on_error=None) -> BuildReport:
    """Build (or update) the graph in `out_dir` from documents under `paths`."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(str(out))
    files, discovery_errors = discover_with_errors(paths)
    for err in discovery_errors:
        report.errors.append(str(err))
        if on_error:
            on_error(str(err))
    # first the lock: no other build, and no server, has the store open while
    # this one writes it; reading commands refuse to open it meanwhile
    with writer_lock(out / "store"):
        store = open_store(out / "store", create=True)
        try:
            _update(store, out, report, files, workers, prune, config, progress, force, on_error)
        except BaseException as e:
            # the store's handle, and so its lock, lives on in the frames the error
            # carries: let it go, so that the caller may open the store or build again
            del store
            traceback.clear_frames(e.__traceback__)
            raise
    return report


def _update(store, out: Path, report: BuildReport, files, workers: int, prune: bool, config, progress, force: bool,
            on_error) -> None:
    _remove_stale_temporaries(out)
    remove_bulk_leftovers(out / "store")
    known = document_hashes(store)
    state_path = out / STATE_FILE
    state = json.loads(state_path.read_text("utf-8")) if state_path.exists() else {}

    todo, results = [], {}
    extractor = extractor_id(config)
    for path, source in files:
        iri = document_iri(source)
        sha = _sha256(path)
        prev = state.get(iri, {})
        # unchanged only when the store and the last complete build agree on the
        # file's hash (a killed build may have replaced the graph but not
        # state.json), and that build's extractor is this one
        unchanged = known.get(iri) == sha and prev.get("sha256") == sha and prev.get("extractor") == extractor
        if unchanged and not force:
            results[source] = DocResult(source, path, iri, sha, "unchanged", counts=prev.get("counts", {}),
                                        warnings=prev.get("warnings", []))
        else:
            todo.append((path, source, config))

    bar = _progress(len(todo), progress)
    cache = GraphCache(out / CACHE_DIR)
    writer = _StoreWriter(store, cache, known, out / "store")
    writer.start()
    try:
        if workers > 1 and len(todo) > 1:
            ctx = mp.get_context("spawn" if sys.platform == "win32" else "fork")
            if ctx.get_start_method() == "fork":
                warm_pipeline(config)  # built once here, inherited by every worker
            with ctx.Pool(workers) as pool:
                for res, made in pool.imap(_extract, todo, chunksize=1):
                    _collect(writer, res, made, results, on_error)
                    bar.update(1)
        else:
            for args in todo:
                _collect(writer, *_extract(args), results, on_error)
                bar.update(1)
    finally:
        bar.close()
        writer.close()

    seen = {document_iri(s) for _, s in files}
    hashes = dict(known)
    hashes.update({res.doc_iri: res.sha256 for res in results.values() if res.status == "built"})
    if prune:
        for iri in sorted(set(known) - seen):
            cache.drop(iri, known[iri])
            drop_graph(store, iri)
            hashes.pop(iri, None)
            src = state.get(iri, {}).get("source", iri)
            results[src] = DocResult(src, "", iri, known[iri], "pruned")
            state.pop(iri, None)
    for res in results.values():
        if res.status in ("built", "unchanged"):
            state[res.doc_iri] = {"source": res.source, "sha256": res.sha256, "extractor": extractor,
                                  "counts": res.counts, "warnings": res.warnings}
    # a build that changed no graph leaves the exports alone when they are still
    # the files the last build wrote for the same graphs
    fingerprint = _exports_fingerprint(hashes)
    if any(r.status in ("built", "pruned") for r in results.values()) or not _exports_current(out, fingerprint):
        refresh_gazetteer_graph(store)
        store.flush()
        export_many(store, [(fmt, out / name) for name, fmt in EXPORTS], cache=cache, hashes=hashes)
        _record_exports(out, fingerprint)
    cache.keep_only(set(hashes.items()))
    write_atomic(state_path, json.dumps(state, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8"))
    report.documents = []
    for k in sorted(results):
        res = results[k]
        entry = res.report()
        entry["graph"] = _graph_action(res, known)
        report.documents.append(entry)
    write_atomic(out / "report.json", json.dumps(report.as_dict(), ensure_ascii=False, indent=1).encode("utf-8"))


def _exports_fingerprint(hashes: dict[str, str]) -> str:
    """What the exports follow from: every document graph (IRI and sha256), the
    extractor's resources (the gazetteer data places are completed from is one)
    and this version of kg."""
    from kg import __version__

    h = hashlib.sha256(f"minsheng-kg {__version__} {extractor_fingerprint()}\n".encode("utf-8"))
    for iri in sorted(hashes):
        h.update(f"{iri} {hashes[iri]}\n".encode("utf-8"))
    return h.hexdigest()


def _export_files(out: Path) -> dict[str, list[int]] | None:
    try:
        return {name: [st.st_size, st.st_mtime_ns] for name, st in ((n, (out / n).stat()) for n, _ in EXPORTS)}
    except OSError:
        return None


def _exports_current(out: Path, fingerprint: str) -> bool:
    """The exports are the files a build wrote for these graphs: same
    fingerprint, and each file still has the size and time it was written with."""
    try:
        record = json.loads((out / EXPORTS_RECORD).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    files = _export_files(out)
    return isinstance(record, dict) and record.get("fingerprint") == fingerprint and files is not None \
        and record.get("files") == files


def _record_exports(out: Path, fingerprint: str) -> None:
    record = {"fingerprint": fingerprint, "files": _export_files(out)}
    write_atomic(out / EXPORTS_RECORD, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))


def _extract(args) -> tuple[DocResult, GraphExport | None]:
    """One document through the pipeline, plus its graph in the form the store
    and the exports take (made here, in the worker, not in the writer)."""
    res = process_star(args)
    if res.status != "built":
        return res, None
    try:
        made = graph_export(res.doc_iri, graph_ntriples(res.doc_iri, res.nquads))
    except StoreError as e:
        res.status, res.error = "failed", f"{res.path}: {e}"
        return res, None
    finally:
        res.nquads = b""
    return res, made


def _collect(writer: "_StoreWriter", res: DocResult, made: GraphExport | None, results: dict, on_error) -> None:
    if res.status == "built":
        writer.put(res, made)
    elif on_error:
        on_error(res.error or f"{res.path}: failed")
    results[res.source] = res


class _StoreWriter:
    """Writes document graphs into the store on its own thread, in the order
    given, while extraction goes on. Each graph's cache entry is dropped before
    its graphs are stored and written after the store has committed them (see
    kg.store.cache).

    New graphs are gathered and added BULK_QUADS at a time by one bulk load
    (`add_graphs`: all of a batch or none of it is in the store, whenever the
    build stops). A graph the store already holds is changed in a transaction
    of its own (`update_graph`: only the triples that differ), so a reader or a
    killed build sees its old version or its new one, never neither.

    RocksDB keeps transactional writes in memory (memtables) until a flush;
    left alone, a build's memory grows with them (about 1 MB per 1,000 quads),
    so the writer flushes every FLUSH_EVERY_QUADS such quads."""

    def __init__(self, store, cache: GraphCache, known: dict, where: Path):
        self.store, self.cache, self.known, self.where = store, cache, known, where
        self.queue: queue.Queue = queue.Queue()
        # the producer waits only while more than QUEUED_QUADS are waiting: a
        # short queue (8 documents) left extraction blocked through each bulk
        # load, 15% of a build's wall time on 2 cores
        self.room = threading.Condition()
        self.queued_quads = 0
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="kg-store-writer", daemon=True)
        self.pending = 0
        self.batch: list[tuple[DocResult, GraphExport]] = []
        self.batch_quads = 0
        self.bulk_quads = bulk_quads()

    def start(self) -> None:
        self.thread.start()

    def put(self, res: DocResult, made: GraphExport) -> None:
        if self.error is not None:
            self._raise()
        with self.room:
            while self.queued_quads and self.queued_quads + made.count > QUEUED_QUADS:
                self.room.wait()
            self.queued_quads += made.count
        self.queue.put((res, made))

    def close(self) -> None:
        self.queue.put(None)
        self.thread.join()
        if self.error is not None:
            self._raise()

    def _raise(self) -> None:
        if isinstance(self.error, OSError):  # a full disk: each bulk load is whole or absent
            raise StoreError(f"{self.where}: could not store the documents' graphs ({self.error}); "
                             "the store keeps the graphs it held before the failed write") from self.error
        raise self.error

    def _run(self) -> None:
        while True:
            item = self.queue.get()
            if item is not None:
                with self.room:
                    self.queued_quads -= item[1].count
                    self.room.notify()
            if self.error is not None:
                if item is None:
                    return
                continue  # keep draining so that the producer never blocks
            try:
                if item is None:
                    self._add_batch()
                    return
                res, made = item
                if res.doc_iri in self.known:
                    self._replace(res, made)
                else:
                    self.batch.append((res, made))
                    self.batch_quads += made.count
                    if self.batch_quads >= self.bulk_quads:
                        self._add_batch()
            except BaseException as e:  # reported by the producer thread
                self.error = e
                if item is None:
                    return  # the last batch failed: nothing more will come (waiting again hung the build)

    def _replace(self, res: DocResult, made: GraphExport) -> None:
        # the stored version, to change only what differs: its cache entry
        # mirrors the store (see kg.store.cache), else the store itself
        old = self.cache.get(res.doc_iri, self.known[res.doc_iri])
        old_lines = old.lines if old is not None else stored_lines(self.store, res.doc_iri)
        self.cache.drop(res.doc_iri, res.sha256)
        changed = update_graph(self.store, res.doc_iri, old_lines, made.lines)
        self.cache.put(res.doc_iri, res.sha256, made)
        self.pending += changed
        if self.pending >= FLUSH_EVERY_QUADS:
            self.store.flush()
            self.pending = 0

    def _add_batch(self) -> None:
        batch, self.batch, self.batch_quads = self.batch, [], 0
        for res, _ in batch:
            self.cache.drop(res.doc_iri, res.sha256)
        add_graphs(self.store, [(res.doc_iri, made.lines) for res, made in batch])
        for res, made in batch:
            self.cache.put(res.doc_iri, res.sha256, made)


def _graph_action(res: DocResult, known: dict) -> str:
    """What happened to the document's named graph in the store."""
    if res.status == "built":
        return "replaced" if res.doc_iri in known else "added"
    if res.status == "unchanged":
        return "kept"
    if res.status == "pruned":
        return "dropped"
    # failed: an earlier graph of this document, if any, stays until it builds again or is pruned
    return "kept (previous version)" if res.doc_iri in known else "none"


def _remove_stale_temporaries(out: Path) -> None:
    """Temporary files a killed build left behind (the files they were to replace are whole)."""
    names = [name for name, _ in EXPORTS] + [STATE_FILE, EXPORTS_RECORD, "report.json"]
    for entry in out.iterdir():
        if entry.is_file() and any(entry.name.startswith(f".{name}.") for name in names):
            try:
                entry.unlink()
            except OSError:
                pass
