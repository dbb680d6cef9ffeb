"""The embedded persistent SPARQL store (Oxigraph) and the exports.

One named graph per document: rebuilding a document replaces its graph in one
store transaction and touches nothing else. Exports are written to a temporary
file and renamed, so a killed build leaves the previous files whole.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

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
    """Replace one document's named graph with the given N-Quads, atomically."""
    g = ox.NamedNode(graph_iri)
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    for q in quads:
        if q.graph_name != g:
            raise StoreError(f"{graph_iri}: quad outside the document's graph ({q.graph_name})")
    if not exists:
        store.extend(quads)  # one transaction
        return
    # One SPARQL update is one transaction: the old graph never coexists with a
    # half-written new one, even if the process is killed between the steps.
    triples = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads], format=ox.RdfFormat.N_TRIPLES)
    store.update(
        f"DROP SILENT GRAPH <{graph_iri}> ; INSERT DATA {{ GRAPH <{graph_iri}> {{ {triples.decode('utf-8')} }} }}"
    )


def drop_graph(store: ox.Store, graph_iri: str) -> None:
    store.update(f"DROP SILENT GRAPH <{graph_iri}>")


def _merged_triples(store: ox.Store) -> Iterable[ox.Triple]:
    return store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    )


def _sorted_quads(store: ox.Store) -> list[ox.Quad]:
    # Sorting makes the files byte-identical across runs and machines and keeps
    # diffs between builds readable.
    return sorted(store.quads_for_pattern(None, None, None, None), key=str)


def export(store: ox.Store, fmt: str, dest: str | os.PathLike) -> Path:
    """Write the store in `fmt` (ttl, nt, trig, nq, jsonld) to `dest`, atomically."""
    if fmt not in EXPORT_FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    rdf_format = EXPORT_FORMATS[fmt]
    prefixes = PREFIXES if fmt in ("ttl", "trig") else None
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            if fmt in DATASET_FORMATS:
                data = _sorted_quads(store)
            else:
                data = sorted(_merged_triples(store), key=str)
            if prefixes:
                ox.serialize(data, out, rdf_format, prefixes=prefixes)
            else:
                ox.serialize(data, out, rdf_format)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return dest
