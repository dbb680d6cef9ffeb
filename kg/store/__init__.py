"""The embedded persistent SPARQL store (Oxigraph) and the exports.

One named graph per document: rebuilding a document replaces its graph in one
store transaction and touches nothing else. Exports are written to a temporary
file and renamed, so a killed build leaves the previous files whole.
"""
from __future__ import annotations

import heapq
import itertools
import os
import tempfile
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.namespaces import DCTERMS, KG, PREFIXES

EXPORT_FORMATS = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
# Formats that keep the named graphs; the others hold the merged graph.
DATASET_FORMATS = {"trig", "nq", "jsonld"}


def resolve_store_dir(path: str | os.PathLike) -> Path:
    """Accept a build's output folder or its `store/` folder."""
    p = Path(path)
    if (p / "store").is_dir():
        return p / "store"
    if p.is_dir() and (p / "CURRENT").exists():
        return p
    raise StoreError(f"{p}: no store here (expected a build output folder with store/ inside, or a store folder)")


def open_store(path: str | os.PathLike, read_only: bool = False, create: bool = False) -> ox.Store:
    p = Path(path)
    if create:
        p.mkdir(parents=True, exist_ok=True)
        try:
            return ox.Store(str(p))
        except OSError as e:
            raise StoreError(f"{p}: cannot open the store for writing ({e})") from e
    d = resolve_store_dir(p)
    try:
        return ox.Store.read_only(str(d)) if read_only else ox.Store(str(d))
    except OSError as e:
        raise StoreError(f"{d}: cannot open the store ({e})") from e


def document_hashes(store: ox.Store) -> dict[str, str]:
    """sha256 of each document graph in the store, keyed by document IRI."""
    q = (
        "SELECT ?g ?sha WHERE { GRAPH ?g { ?g a <%s> ; <%s> ?sha } }"
        % (KG.Document, DCTERMS.identifier)
    )
    return {sol["g"].value: sol["sha"].value for sol in store.query(q)}


def replace_graph(store: ox.Store, graph_iri: str, nquads: bytes, exists: bool = True) -> None:
    """Replace one document's named graph with the given N-Quads, atomically.

    The N-Quads are checked (every quad must be in `graph_iri`) and handed to
    the store as N-Triples text: no Python object per quad. A new graph is
    one `load` (one transaction); an existing one is dropped and re-inserted
    in one SPARQL update (one transaction), so a reader, or a build killed at
    any moment, sees either the old graph or the new one, never a mix.
    """
    triples = graph_ntriples(graph_iri, nquads)
    g = ox.NamedNode(graph_iri)
    try:
        if not exists:
            store.load(triples, format=ox.RdfFormat.N_TRIPLES, to_graph=g)
            return
        store.update(
            f"DROP SILENT GRAPH <{graph_iri}> ; INSERT DATA {{ GRAPH <{graph_iri}> {{ {triples.decode('utf-8')} }} }}"
        )
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{graph_iri}: the document graph is not valid N-Quads ({e})") from e


def graph_ntriples(graph_iri: str, nquads: bytes) -> bytes:
    """The quads of one graph as N-Triples bytes; StoreError for a quad in
    another graph (or in the default graph)."""
    suffix = f" <{graph_iri}> .".encode("utf-8")
    if nquads.endswith(b"\n") and nquads.count(suffix + b"\n") == nquads.count(b"\n"):
        # canonical N-Quads (one quad per line; a line break inside a literal is
        # escaped), every line ending with the graph: one pass in C
        return nquads.replace(suffix + b"\n", b" .\n")
    out = []
    for line in nquads.splitlines():
        line = line.strip()
        if not line or line.startswith(b"#"):
            continue
        if line.endswith(suffix):
            # "<s> <p> <o> <g> ." -> "<s> <p> <o> ."; a default-graph quad whose
            # object is <g> would become "<s> <p> ." and fail to parse, in one piece
            out.append(line[: -len(suffix)] + b" .")
            continue
        # not the canonical form: let the parser decide
        try:
            quads = list(ox.parse(line, format=ox.RdfFormat.N_QUADS))
        except SyntaxError as e:
            raise StoreError(f"{graph_iri}: not valid N-Quads ({e}): {line[:200]!r}") from e
        for q in quads:
            if q.graph_name != ox.NamedNode(graph_iri):
                raise StoreError(f"{graph_iri}: quad outside the document's graph ({q.graph_name})")
            out.append(ox.serialize([ox.Triple(q.subject, q.predicate, q.object)], format=ox.RdfFormat.N_TRIPLES).strip())
    return b"\n".join(out) + b"\n"


def drop_graph(store: ox.Store, graph_iri: str) -> None:
    store.update(f"DROP SILENT GRAPH <{graph_iri}>")


# -- exports ------------------------------------------------------------------
# One pass over the store serves every requested format: the graphs are read
# one at a time (default graph first, then named graphs by IRI), each as
# N-Triples lines sorted as bytes. Sorting makes the files byte-identical across
# runs, worker counts and machines, and keeps each document's facts together
# (diffs between builds stay readable). Memory follows the largest graph, not
# the store: the merged graph (ttl, nt) is deduplicated with an external merge
# sort over runs of at most RUN_LINES lines.
RUN_LINES = 200_000


def _graph_names(store: ox.Store) -> list:
    names: list = sorted(store.named_graphs(), key=str)
    for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        names.insert(0, ox.DefaultGraph())
        break
    return names


def _sorted_lines(store: ox.Store, graph) -> list[bytes]:
    """The triples of one graph as sorted N-Triples lines (b"<s> <p> <o> .")."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
    lines = [line for line in data.splitlines() if line]
    lines.sort()
    return lines


def _graphs_with_lines(store: ox.Store, graphs: list):
    """(graph, sorted lines) in order; the store is read by a few threads ahead of
    the consumer (Oxigraph releases the GIL while it reads and decodes, which is
    most of an export's time), at most 2 graphs per thread in advance."""
    workers = min(4, os.cpu_count() or 1)
    if workers < 2 or len(graphs) < 2:
        for graph in graphs:
            yield graph, _sorted_lines(store, graph)
        return
    with ThreadPoolExecutor(workers, thread_name_prefix="kg-export") as pool:
        pending: deque = deque()
        rest = iter(graphs)
        try:
            for graph in itertools.islice(rest, 2 * workers):
                pending.append((graph, pool.submit(_sorted_lines, store, graph)))
            while pending:
                graph, future = pending.popleft()
                lines = future.result()
                nxt = next(rest, None)
                if nxt is not None:
                    pending.append((nxt, pool.submit(_sorted_lines, store, nxt)))
                yield graph, lines
        finally:
            for _, future in pending:
                future.cancel()


def _graph_term(graph) -> bytes:
    return b"" if isinstance(graph, ox.DefaultGraph) else str(graph).encode("utf-8") + b" "


def _split_prefixes(data: bytes) -> tuple[bytes, bytes]:
    """(leading @prefix lines, the rest) of Turtle/TriG output."""
    pos = 0
    while data.startswith(b"@prefix", pos):
        pos = data.index(b"\n", pos) + 1
    return data[:pos], data[pos:]


class _Sink:
    """One export file, written to a temporary file and renamed at the end."""

    def __init__(self, dest: Path):
        self.dest = dest
        fd, self.tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
        self.out = os.fdopen(fd, "wb")
        self.count = 0

    def graph(self, graph, lines: list[bytes]) -> None:
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
    def graph(self, graph, lines):
        g = _graph_term(graph) + b".\n"
        self.out.write(b"".join(line[:-1] + g for line in lines))
        self.count += len(lines)


class _TriG(_Sink):
    def __init__(self, dest: Path):
        super().__init__(dest)
        self.header = None

    def graph(self, graph, lines):
        if not lines:
            return
        g = _graph_term(graph) + b".\n"
        quads = ox.parse(b"".join(line[:-1] + g for line in lines), format=ox.RdfFormat.N_QUADS)
        header, body = _split_prefixes(ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
        if self.header is None:
            self.header = header
            self.out.write(header)
        self.out.write(body)
        self.count += len(lines)


class _Dataset(_Sink):
    """A dataset format oxigraph must serialize in one go (JSON-LD): N-Quads to a
    temporary file first, then streamed through the serializer."""

    def __init__(self, dest: Path, rdf_format):
        super().__init__(dest)
        self.format = rdf_format
        self.nq = _NQuads(dest.with_name(dest.name + ".nq"))

    def graph(self, graph, lines):
        self.nq.graph(graph, lines)
        self.count += len(lines)

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
    an external merge sort, then written as N-Triples or through the Turtle
    serializer."""

    def __init__(self, dest: Path, fmt: str):
        super().__init__(dest)
        self.fmt = fmt
        self.buffer: list[bytes] = []
        self.runs: list[str] = []

    def graph(self, graph, lines):
        self.buffer += lines
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def _spill(self) -> None:
        fd, path = tempfile.mkstemp(prefix=f".{self.dest.name}.run.", dir=self.dest.parent)
        self.runs.append(path)
        with os.fdopen(fd, "wb") as f:
            f.writelines(line + b"\n" for line in sorted(set(self.buffer)))
        self.buffer = []

    def _merged(self):
        """Sorted, distinct lines (with b"\n")."""
        if not self.runs:
            yield from (line + b"\n" for line in sorted(set(self.buffer)))
            return
        if self.buffer:
            self._spill()
        files = [open(p, "rb") for p in self.runs]
        try:
            last = None
            for line in heapq.merge(*files):
                if line != last:
                    yield line
                    last = line
        finally:
            for f in files:
                f.close()

    def close(self):
        try:
            if self.fmt == "nt":
                for line in self._merged():
                    self.out.write(line)
                    self.count += 1
            else:
                fd, path = tempfile.mkstemp(prefix=f".{self.dest.name}.nt.", dir=self.dest.parent)
                try:
                    with os.fdopen(fd, "wb") as f:
                        for line in self._merged():
                            f.write(line)
                            self.count += 1
                    if self.count:
                        triples = ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES)
                        ox.serialize(triples, self.out, EXPORT_FORMATS[self.fmt], prefixes=PREFIXES)
                finally:
                    os.unlink(path)
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


def export_many(store: ox.Store, targets) -> list[Path]:
    """Write the store in several formats in one pass: `targets` is a sequence
    of (format, destination). Each file is written to a temporary file and
    renamed, so a failure or a kill leaves the previous file whole."""
    targets = [(fmt, Path(dest)) for fmt, dest in targets]
    for fmt, _ in targets:
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    sinks: list[_Sink] = []
    try:
        for fmt, dest in targets:
            dest.parent.mkdir(parents=True, exist_ok=True)
            sinks.append(_sink(fmt, dest))
        for graph, lines in _graphs_with_lines(store, _graph_names(store)):
            for sink in sinks:
                sink.graph(graph, lines)
        while sinks:
            sinks[0].close()
            sinks.pop(0)
    except BaseException:
        for sink in sinks:
            sink.abort()
        raise
    return [dest for _, dest in targets]


def export(store: ox.Store, fmt: str, dest: str | os.PathLike) -> Path:
    """Write the store in `fmt` (ttl, nt, trig, nq, jsonld) to `dest`, atomically.

    trig, nq and jsonld keep the named graphs; ttl and nt hold the merged graph.
    """
    return export_many(store, [(fmt, dest)])[0]
