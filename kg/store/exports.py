"""Exports: the store as N-Quads, TriG (named graphs kept) and Turtle or
N-Triples (the merged graph), in one pass.

The graphs are written one at a time (default graph first, then named graphs
by IRI), each as its N-Triples lines sorted as bytes. Sorting makes the files
byte-identical across runs, worker counts and machines, and keeps each
document's facts together (diffs between builds stay readable). A graph comes
from the export cache (`cache.py`) when it has an entry, else from the store.
Memory follows the largest graph, not the store: the merged graph is
deduplicated with an external merge sort over runs of at most RUN_LINES lines.
Every file is written to a temporary file and renamed.
"""
from __future__ import annotations

import itertools
import os
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from operator import itemgetter
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.fileio import temporary_beside
from kg.store.cache import CACHE_DIR, GraphCache, GraphExport, trig_block, trig_header
from kg.store.merge import distinct_lines, subject_key, write_lines, write_turtle, write_turtle_split

EXPORT_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# Formats that keep the named graphs; the others hold the merged graph.
DATASET_FORMATS = {"trig", "nq", "jsonld"}
# lines per sorted run of the merged graph: a run of 100,000 lines holds about
# 60 MB while it is sorted (200,000 held 130 MB and sorted slower: 3.3 s
# against 2.6 s for the Turtle of 10^6 quads)
RUN_LINES = 100_000
# a merged graph of at least this many lines is written as Turtle in two halves
# at once (the serializer is most of the cost and holds the GIL)
SPLIT_TURTLE_LINES = 200_000


def cache_beside(store_dir: str | os.PathLike) -> GraphCache | None:
    """The export cache of the build folder that holds this store, if any."""
    folder = Path(store_dir).parent / CACHE_DIR
    return GraphCache(folder) if folder.is_dir() else None


def _graph_names(store: ox.Store) -> list:
    names: list = sorted(store.named_graphs(), key=str)
    for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        names.insert(0, ox.DefaultGraph())
        break
    return names


def _from_store(store: ox.Store, graph, with_trig: bool) -> GraphExport:
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    lines = sorted(line for line in data.split(b"\n") if line)
    nt = b"\n".join(lines) + b"\n" if lines else b""
    return GraphExport(nt, trig_block(graph, nt)[1] if with_trig else b"")


def _loader(store: ox.Store, cache: GraphCache | None, hashes: dict[str, str], with_trig: bool):
    def load(graph) -> GraphExport:
        sha = hashes.get(graph.value) if isinstance(graph, ox.NamedNode) else None
        if cache is not None and sha:
            hit = cache.get(graph.value, sha)
            if hit is not None:
                return hit
            made = _from_store(store, graph, with_trig=True)
            try:
                cache.put(graph.value, sha, made)
            except OSError:  # a read-only build folder: export without caching
                pass
            return made
        return _from_store(store, graph, with_trig)

    return load


def _graph_exports(graphs: list, load):
    """(graph, GraphExport) in order, loaded by a few threads ahead of the
    consumer (Oxigraph releases the GIL while it reads, which is most of an
    uncached export's time), at most 2 graphs per thread in advance."""
    workers = min(4, os.cpu_count() or 1)
    if workers < 2 or len(graphs) < 2:
        for graph in graphs:
            yield graph, load(graph)
        return
    with ThreadPoolExecutor(workers, thread_name_prefix="kg-export") as pool:
        pending: deque = deque()
        rest = iter(graphs)
        try:
            for graph in itertools.islice(rest, 2 * workers):
                pending.append((graph, pool.submit(load, graph)))
            while pending:
                graph, future = pending.popleft()
                made = future.result()
                nxt = next(rest, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(load, nxt)))
                yield graph, made
        finally:
            for _, future in pending:
                future.cancel()


def _graph_suffix(graph) -> bytes:
    """What replaces a line's final b" .\\n" to make it an N-Quads line."""
    return b" .\n" if isinstance(graph, ox.DefaultGraph) else b" " + str(graph).encode("utf-8") + b" .\n"


class _Sink:
    """One export file, written to a temporary file and renamed at the end."""

    def __init__(self, dest: Path):
        self.dest = dest
        fd, self.tmp = temporary_beside(dest)
        self.out = os.fdopen(fd, "wb")
        self.count = 0

    def graph(self, graph, made: GraphExport) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.out.flush()
        os.fsync(self.out.fileno())
        self.out.close()
        os.replace(self.tmp, self.dest)

    def abort(self) -> None:
        try:
            self.out.close()
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


class _NQuads(_Sink):
    def graph(self, graph, made):
        # " .\n" ends every N-Triples line and occurs nowhere else (IRIs hold no
        # spaces, literals no raw line breaks)
        self.out.write(made.lines.replace(b" .\n", _graph_suffix(graph)))
        self.count += made.count


class _TriG(_Sink):
    def __init__(self, dest: Path):
        super().__init__(dest)
        self.header_written = False

    def graph(self, graph, made):
        if not made.lines:
            return
        if not self.header_written:
            self.out.write(trig_header())
            self.header_written = True
        self.out.write(made.trig or trig_block(graph, made.lines)[1])
        self.count += made.count


class _Dataset(_Sink):
    """A dataset format oxigraph must serialize in one go (JSON-LD): N-Quads to a
    temporary file first, then streamed through the serializer."""

    def __init__(self, dest: Path, rdf_format):
        super().__init__(dest)
        self.format = rdf_format
        self.nq = _NQuads(dest.with_name(dest.name + ".nq"))

    def graph(self, graph, made):
        self.nq.graph(graph, made)
        self.count += made.count

    def close(self):
        self.nq.out.flush()
        try:
            ox.serialize(ox.parse(path=self.nq.tmp, format=ox.RdfFormat.N_QUADS), self.out, self.format)
        finally:
            self.nq.abort()
        super().close()

    def abort(self):
        self.nq.abort()
        super().abort()


class _Merged(_Sink):
    """The merged graph (ttl, nt): every graph's lines, deduplicated and sorted by
    an external merge sort (`kg.store.merge`), then written as N-Triples or
    Turtle; a large Turtle file is written in two halves at once."""

    def __init__(self, dest: Path, fmt: str):
        super().__init__(dest)
        self.fmt = fmt
        self.buffer: list[bytes] = []
        self.runs: list[str] = []
        self.lines = 0
        self.middles: list[bytes] = []  # each run's middle subject: where to split

    def graph(self, graph, made):
        self.buffer += made.lines.split(b"\n")[:-1]
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def _distinct_sorted(self) -> list[bytes]:
        # the buffer is a concatenation of sorted graphs: timsort merges such
        # runs in near-linear time (7x faster than sorted(set(...)) here)
        lines = self.buffer
        self.buffer = []
        lines.sort()
        return list(map(itemgetter(0), itertools.groupby(lines)))

    def _spill(self) -> None:
        fd, path = temporary_beside(self.dest, "run.")
        self.runs.append(path)
        with os.fdopen(fd, "wb") as f:
            lines = self._distinct_sorted()
            f.write(b"\n".join(lines) + b"\n" if lines else b"")
        if lines:
            self.lines += len(lines)
            self.middles.append(subject_key(lines[len(lines) // 2]))

    def _split_at(self) -> bytes | None:
        if self.lines < SPLIT_TURTLE_LINES or len(self.middles) < 2 or (os.cpu_count() or 1) < 2:
            return None
        return sorted(self.middles)[len(self.middles) // 2]

    def close(self):
        try:
            if self.fmt == "nt" and not self.runs:
                lines = self._distinct_sorted()
                self.out.write(b"\n".join(lines) + b"\n" if lines else b"")
                self.count += len(lines)
            else:
                if self.buffer:
                    self._spill()
                pivot = self._split_at() if self.fmt == "ttl" else None
                if self.fmt == "nt":
                    self.count += write_lines(distinct_lines(self.runs), self.out)
                elif pivot is None:
                    self.count += write_turtle(self.runs, self.out)
                else:
                    self.count += write_turtle_split(self.runs, self.out, self.dest.parent, pivot)
        finally:
            self._drop_runs()
        super().close()

    def _drop_runs(self):
        for p in self.runs:
            if os.path.exists(p):
                os.unlink(p)
        self.runs = []

    def abort(self):
        self._drop_runs()
        super().abort()


def _sink(fmt: str, dest: Path) -> _Sink:
    if fmt == "nq":
        return _NQuads(dest)
    if fmt == "trig":
        return _TriG(dest)
    if fmt in ("ttl", "nt"):
        return _Merged(dest, fmt)
    return _Dataset(dest, EXPORT_FORMATS[fmt])


def export_many(store: ox.Store, targets, cache: GraphCache | None = None,
                hashes: dict[str, str] | None = None) -> list[Path]:
    """Write the store in several formats in one pass: `targets` is a sequence
    of (format, destination). Document graphs come from `cache` where it has an
    entry for the graph's sha256 (`hashes`, read from the store if not given)
    and are added to it where it has none. Each file is written to a temporary
    file and renamed, so a failure or a kill leaves the previous file whole."""
    targets = [(fmt, Path(dest)) for fmt, dest in targets]
    for fmt, _ in targets:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    if cache is not None and hashes is None:
        from kg.store import document_hashes

        hashes = document_hashes(store)
    load = _loader(store, cache, hashes or {}, with_trig=any(fmt == "trig" for fmt, _ in targets))
    sinks: list[_Sink] = []
    try:
        for fmt, dest in targets:
            dest.parent.mkdir(parents=True, exist_ok=True)
            sinks.append(_sink(fmt, dest))
        for graph, made in _graph_exports(_graph_names(store), load):
            for sink in sinks:
                sink.graph(graph, made)
        while sinks:
            sinks[0].close()
            sinks.pop(0)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return [dest for _, dest in targets]


def export(store: ox.Store, fmt: str, dest: str | os.PathLike, cache: GraphCache | None = None) -> Path:
    """Write the store in `fmt` (ttl, nt, trig, nq, jsonld) to `dest`, atomically.

    trig, nq and jsonld keep the named graphs; ttl and nt hold the merged graph.
    """
    return export_many(store, [(fmt, dest)], cache=cache)[0]
