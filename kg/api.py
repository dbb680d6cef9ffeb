"""The Python API: what the CLI calls, and what a notebook calls the same way."""
from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources as ir
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError
from kg.namespaces import PREFIXES
from kg.store import export as _export
from kg.store import open_store

if TYPE_CHECKING:  # the build machinery (spaCy, the lexicons) is imported by build() only,
    # so that `kg query` and the other reading commands start in a fraction of a second
    from kg.build import BuildReport



def samples_dir() -> Path:
    """The bundled sample corpus (documents written for this project)."""
    return Path(str(ir.files("kg").joinpath("data/samples")))


def build(paths, out_dir, workers: int = 1, prune: bool = False, segmenter: str = "char",
          pkuseg_model: str | None = None, spacy_model: str | None = None, progress: bool | None = None,
          force: bool = False, on_error=None) -> BuildReport:
    from kg.build import build as _build
    from kg.types import PipelineConfig

    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    config = PipelineConfig(segmenter=segmenter, pkuseg_model=pkuseg_model, spacy_model=spacy_model)
    return _build([str(p) for p in paths], out_dir, workers=workers, prune=prune, config=config,
                  progress=progress, force=force, on_error=on_error)


@dataclass
class QueryResult:
    variables: list[str]
    rows: list[list[str | None]]
    boolean: bool | None = None

    def as_dicts(self) -> list[dict]:
        return [dict(zip(self.variables, r)) for r in self.rows]


def _term_text(t) -> str | None:
    if t is None:
        return None
    return t.value


def run_sparql(store: ox.Store, sparql: str, bindings: dict | None = None) -> QueryResult:
    """Run SPARQL with the project's prefixes; `bindings` are RDF terms substituted
    by the store (never pasted into the query text)."""
    try:
        res = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                          substitutions={ox.Variable(k): v for k, v in (bindings or {}).items()})
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from e
    if isinstance(res, ox.QueryBoolean):
        return QueryResult(["result"], [[str(bool(res)).lower()]], boolean=bool(res))
    if isinstance(res, ox.QuerySolutions):
        # Oxigraph substitutes only projected variables; the bound parameters are
        # not results, so their columns are dropped.
        variables = [v.value for v in res.variables if v.value not in (bindings or {})]
        rows = [[_term_text(sol[v]) for v in variables] for sol in res]
        return QueryResult(variables, rows)
    triples = list(res)
    return QueryResult(["subject", "predicate", "object"],
                       [[t.subject.value, t.predicate.value, t.object.value] for t in triples])


def query(sparql: str, store_dir, bindings: dict | None = None) -> QueryResult:
    store = open_store(store_dir, read_only=True)
    return run_sparql(store, sparql, bindings)


def rdflib_dataset(store_dir):
    """The built store as an rdflib Dataset (through oxrdflib: rdflib's API,
    Oxigraph's storage and SPARQL engine). Close it when done."""
    import rdflib

    from kg.store import resolve_store_dir

    ds = rdflib.Dataset(store="Oxigraph")
    ds.open(str(resolve_store_dir(store_dir)), create=False)
    return ds


def export(store_dir, fmt: str, dest) -> Path:
    """Write the graph in `fmt` to `dest`; a build folder's export cache is used
    where it is current (see kg.store.cache)."""
    from kg.store import resolve_store_dir
    from kg.store.exports import cache_beside

    return _export(open_store(store_dir, read_only=True), fmt, dest, cache=cache_beside(resolve_store_dir(store_dir)))
