"""Canned SPARQL queries (queries/*.rq) with parameters bound as RDF terms.

Each .rq file starts with a comment header:
    # title: …
    # answers: …
    # param: city = 新乡市 (literal@zh | iri | literal | integer)
    # example: kg query NAME --param city=新乡市 --store out/demo
Parameters are passed to the store as substitutions (SEP-0007), never pasted
into the query text.

How Oxigraph (0.5) substitutes, and so how a canned query must be written:
* only variables of the outer SELECT projection can be substituted, so every
  parameter is projected (it shows up as a column of the result);
* a parameter used in HAVING must also be a GROUP BY key; simpler: aggregate
  in a sub-select and compare with the parameter in a FILTER outside it;
* BOUND(?param) is false even when the parameter is given, so an optional
  parameter (one without a default) is tested with COALESCE(…, true) or EXISTS,
  never with BOUND.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as ir
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.namespaces import XSD_NS

_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*=\s*(.*?)\s*(?:\((literal@zh|literal|iri|integer|decimal)\))?\s*$")


@dataclass(frozen=True)
class Param:
    name: str
    default: str | None
    kind: str  # literal@zh, literal, iri, integer, decimal


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    answers: str
    params: tuple[Param, ...]
    example: str
    sparql: str


def queries_dir() -> Path:
    """queries/ of the source tree, or the copy installed with the package."""
    here = Path(__file__).resolve().parents[2] / "queries"
    if here.is_dir():
        return here
    return Path(str(ir.files("kg").joinpath("data/queries")))


def parse_query_file(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    meta: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm:
                raise QueryError(f"{path}: bad param line {value!r}; expected 'name = default (kind)'")
            params.append(Param(pm.group(1), pm.group(2) or None, pm.group(3) or "literal@zh"))
        else:
            meta[key] = value
    if "title" not in meta:
        raise QueryError(f"{path}: missing '# title:' header")
    return CannedQuery(path.stem, meta["title"], meta.get("answers", ""), tuple(params), meta.get("example", ""), text)


@lru_cache(maxsize=1)
def list_queries() -> tuple[CannedQuery, ...]:
    return tuple(parse_query_file(p) for p in sorted(queries_dir().glob("*.rq")))


def get_query(name: str) -> CannedQuery:
    for q in list_queries():
        if q.name == name:
            return q
    raise QueryError(f"no canned query named {name!r}; `kg queries` lists them")


def bind(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term."""
    if param.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError as e:
            raise QueryError(f"parameter {param.name}: {value!r} is not an IRI") from e
    if param.kind == "literal@zh":
        return ox.Literal(value, language="zh")
    if param.kind in ("integer", "decimal"):
        if not re.fullmatch(r"-?\d+(\.\d+)?", value):
            raise QueryError(f"parameter {param.name}: {value!r} is not a number")
        return ox.Literal(value, datatype=ox.NamedNode(XSD_NS + param.kind))
    return ox.Literal(value)


def bindings_for(q: CannedQuery, values: dict[str, str]) -> dict:
    known = {p.name: p for p in q.params}
    unknown = set(values) - set(known)
    if unknown:
        raise QueryError(f"query {q.name!r} has no parameter {', '.join(sorted(unknown))}; it takes: "
                         + (", ".join(known) or "none"))
    out = {}
    for p in q.params:
        value = values.get(p.name, p.default)
        if value not in (None, ""):
            out[p.name] = bind(p, value)
    return out


def _explain_runtime(q: CannedQuery, e: RuntimeError) -> QueryError:
    return QueryError(f"query {q.name!r} failed in the store: {e}")


def run_canned(name: str, store_dir, values: dict[str, str] | None = None):
    from kg.api import query

    q = get_query(name)
    try:
        return query(q.sparql, store_dir, bindings_for(q, values or {}))
    except RuntimeError as e:
        raise _explain_runtime(q, e) from e


def run_on_store(store: ox.Store, query_or_name: str, values: dict[str, str] | None = None):
    """Like run_named_or_text, on a store already open (notebooks, viz, stats)."""
    from kg.api import run_sparql

    if re.fullmatch(r"[\w\-]+", query_or_name) and any(q.name == query_or_name for q in list_queries()):
        q = get_query(query_or_name)
        try:
            return run_sparql(store, q.sparql, bindings_for(q, values or {}))
        except RuntimeError as e:
            raise _explain_runtime(q, e) from e
    if values:
        raise QueryError("parameters work with canned queries only")
    return run_sparql(store, query_or_name)


def describe(q: CannedQuery) -> str:
    """`name=default (kind)` for each parameter, as `kg queries` prints them."""
    return ", ".join(f"{p.name}={p.default or ''} ({p.kind})" for p in q.params)


def run_named_or_text(query_or_file: str, store_dir, values: dict[str, str] | None = None):
    """A canned query's name, a path to a .rq file, or SPARQL text."""
    from kg.api import query

    if re.fullmatch(r"[\w\-]+", query_or_file) and any(q.name == query_or_file for q in list_queries()):
        return run_canned(query_or_file, store_dir, values)
    path = Path(query_or_file)
    if query_or_file.endswith(".rq") and path.is_file():
        q = parse_query_file(path) if path.read_text(encoding="utf-8").startswith("#") else None
        if q is not None:
            return query(q.sparql, store_dir, bindings_for(q, values or {}))
        return query(path.read_text(encoding="utf-8"), store_dir)
    if values:
        raise QueryError("--param works with canned queries and .rq files that declare parameters")
    return query(query_or_file, store_dir)


def demo_queries() -> list[tuple[str, str]]:
    """(title, name) of the queries `kg demo` prints."""
    wanted = ("programs-in-several-cities", "observations-by-program")
    return [(q.title, q.name) for q in list_queries() if q.name in wanted]
