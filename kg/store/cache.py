"""The export cache: each document graph as the exports need it, written once
when the graph is stored.

Reading an on-disk Oxigraph store runs at about 200,000 quads/s (every term is
looked up in RocksDB), and serializing TriG in Python costs as much again, so a
build that re-read the whole store for its exports would spend most of its time
there. Instead, when a document's graph is stored, its sorted N-Triples lines
and its TriG block are written beside the store (`graphs/`), keyed by the
document IRI and its sha256; an export concatenates them and reads from the
store only graphs that have no entry (the gazetteer graph, or a folder built by
an older version).

The lines must be what the store itself would give back: Oxigraph keeps typed
literals (xsd:decimal, xsd:integer, dates...) as values and writes them back in
canonical form, so those lines go through an in-memory store first.

Consistency: an entry is removed before its graph is replaced in the store and
written after the store has committed, so a killed build leaves at worst a
missing entry (read from the store next time), never one that disagrees with
the store.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.fileio import temporary_beside
from kg.namespaces import PREFIXES, XSD_NS

CACHE_DIR = "graphs"
# typed literals the store keeps as values (xsd:string is kept as written)
_XSD = f'"^^<{XSD_NS}'.encode()
_XSD_STRING = f'"^^<{XSD_NS}string>'.encode()


@dataclass(frozen=True)
class GraphExport:
    """One named graph as the exports write it."""

    lines: bytes  # sorted N-Triples lines, each ending in b" .\n"
    trig: bytes  # the graph's TriG block, without the @prefix header

    @cached_property  # read by the writer and by each export sink
    def count(self) -> int:
        return self.lines.count(b"\n")


# a typed literal already in the form the store writes back (integers and
# decimals without leading or trailing zeros, four-digit years and dates): most
# typed lines of a document graph (offsets, values, periods) are, and skip the
# round trip through an in-memory store. A form the store would refuse is kept
# as written there too, so it may also skip it.
_XSD_RE = re.escape(XSD_NS.encode())
_STORE_FORM = re.compile(
    rb'"(?:(?:0|-?[1-9][0-9]*)"\^\^<' + _XSD_RE + rb'(?:integer|decimal)'
    rb'|-?(?:0|[1-9][0-9]*)\.[0-9]*[1-9]"\^\^<' + _XSD_RE + rb'decimal'
    rb'|[12][0-9]{3}"\^\^<' + _XSD_RE + rb'gYear'
    rb'|[12][0-9]{3}-(?:0[1-9]|1[0-2])"\^\^<' + _XSD_RE + rb'gYearMonth'
    rb'|[12][0-9]{3}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"\^\^<' + _XSD_RE + rb'date'
    rb')> \.$',
    re.MULTILINE,
)


def store_canonical(ntriples: bytes) -> bytes:
    """N-Triples lines in the form the store writes them back, sorted as bytes."""
    lines = ntriples.split(b"\n")
    # every typed literal is xsd:string or in store form already (counted over
    # the whole text at once: each store-form match holds one _XSD, so equal
    # counts leave none out); else find the lines that are not
    settled = ntriples.count(_XSD) == ntriples.count(_XSD_STRING) + len(_STORE_FORM.findall(ntriples))
    typed = [] if settled else [line for line in lines
                                if _XSD in line and _XSD_STRING not in line and not _STORE_FORM.search(line)]
    if typed:
        odd = set(typed)
        lines = [line for line in lines if line not in odd]
        mem = ox.Store()
        mem.load(b"\n".join(typed) + b"\n", format=ox.RdfFormat.N_TRIPLES)
        lines += mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()).split(b"\n")
    lines = sorted(set(lines))
    if lines and not lines[0]:
        del lines[0]  # the empty string after the last line break sorts first
    return b"\n".join(lines) + b"\n" if lines else b""


def trig_block(graph: ox.NamedNode | ox.DefaultGraph, lines: bytes) -> tuple[bytes, bytes]:
    """(@prefix header, TriG block) of one graph given its sorted N-Triples lines;
    the block keeps the order of the lines.

    Oxigraph's TriG for one named graph is its Turtle, each line indented by a
    tab, inside `<g> { ... }` (literals keep line breaks escaped, so every raw
    line break ends a line); made that way it is 27% faster than parsing the
    lines as quads of that graph (tested against the TriG serializer)."""
    if not lines:
        return b"", b""
    triples = ox.parse(lines, format=ox.RdfFormat.N_TRIPLES)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    pos = 0
    while data.startswith(b"@prefix", pos):
        pos = data.index(b"\n", pos) + 1
    header, body = data[:pos], data[pos:]
    if isinstance(graph, ox.DefaultGraph):
        return header, body
    return header, str(graph).encode("utf-8") + b" {\n\t" + body[:-1].replace(b"\n", b"\n\t") + b"\n}\n"


@lru_cache(maxsize=1)
def trig_header() -> bytes:
    """The @prefix lines every TriG export starts with (all of PREFIXES)."""
    return trig_block(ox.DefaultGraph(), b"<urn:x:s> <urn:x:p> <urn:x:o> .\n")[0]


def graph_export(graph_iri: str, ntriples: bytes) -> GraphExport:
    """What the exports need of one document graph, from its N-Triples;
    StoreError if they do not parse."""
    try:
        lines = store_canonical(ntriples)
        return GraphExport(lines, trig_block(ox.NamedNode(graph_iri), lines)[1])
    except (SyntaxError, ValueError) as e:
        raise StoreError(f"{graph_iri}: the document graph is not valid N-Triples ({e})") from e


class GraphCache:
    """`graphs/<hash of the IRI>.<sha256 prefix>.{nt,trig}` in a build folder."""

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder)

    @staticmethod
    def _key(graph_iri: str) -> str:
        return hashlib.sha1(graph_iri.encode("utf-8")).hexdigest()[:24]

    def _paths(self, graph_iri: str, sha256: str) -> tuple[Path, Path]:
        stem = f"{self._key(graph_iri)}.{sha256[:16]}"
        return self.folder / f"{stem}.nt", self.folder / f"{stem}.trig"

    def get(self, graph_iri: str, sha256: str) -> GraphExport | None:
        nt, trig = self._paths(graph_iri, sha256)
        try:
            return GraphExport(nt.read_bytes(), trig.read_bytes())
        except OSError:
            return None

    def drop(self, graph_iri: str, sha256: str) -> None:
        """Remove the entry for (graph, sha256), before the store replaces or
        drops that graph; entries for other hashes are left to `keep_only`."""
        for path in self._paths(graph_iri, sha256):
            try:
                path.unlink()
            except FileNotFoundError:
                pass

    def put(self, graph_iri: str, sha256: str, export: GraphExport) -> None:
        """Write an entry (after the store has committed the graph); the .trig file
        is renamed into place last, so an entry is whole once it is visible."""
        self.folder.mkdir(parents=True, exist_ok=True)
        nt, trig = self._paths(graph_iri, sha256)
        for path, data in ((nt, export.lines), (trig, export.trig)):
            fd, tmp = temporary_beside(path)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                if os.path.exists(tmp):
                    os.unlink(tmp)
                raise

    def keep_only(self, entries: set[tuple[str, str]]) -> None:
        """Delete entries (and temporaries) not in {(graph IRI, sha256)}."""
        if not self.folder.is_dir():
            return
        wanted = {f"{self._key(iri)}.{sha[:16]}" for iri, sha in entries}
        for path in self.folder.iterdir():
            stem = path.name.rsplit(".", 1)[0]
            if path.name.startswith(".") or stem not in wanted:
                try:
                    path.unlink()
                except OSError:
                    pass
