"""The store as a networkx graph, for drawing (kg.viz) and analytics (kg.stats).

Nodes are entity IRIs with their type, label, aliases and (optionally) the
sentences that back them; edges are the contract relations between them, each
with the sentences of the kg:Assertion nodes that state it. Everything is read
with a handful of linear SPARQL queries over the union of the document graphs
and the gazetteer graph (`use_default_graph_as_union`: a fact stated in several
documents comes back once per document, so the queries say DISTINCT).

Speed (about 3 s of CPU for 10^6 quads): every query is one predicate (an index scan)
or a join of such scans written as sub-SELECTs, which Oxigraph hash-joins
instead of seeking the index once per row; no property paths, no OPTIONAL
with several patterns (together they made the observation query quadratic:
80 s at 10^6 quads). Most of the time goes into turning terms into Python
strings, so each IRI is fetched as few times as possible.

Order: the graph's nodes and edges are in IRI order. A node's or an edge's
`sources` are ordered by document title, then by the position in the document
(kg:start of the mention or assertion; without one, last), then by sentence,
and the first `max_sources` distinct ones are kept. Where the store has several
values for a one-value attribute (label, an observation's value, ...), the
smallest is used.
"""
from __future__ import annotations

import gc
from collections import defaultdict
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from kg.namespaces import KG_NS, PREFIXES

# Drawn node types, most specific first (a node has one kg: type in practice).
ENTITY_TYPES = ("Organization", "Program", "Person", "PolicyDocument", "Location", "Indicator", "Observation")
# Relations drawn as edges (kg: local names).
RELATIONS = ("runs", "partnerOf", "operatesIn", "locatedIn", "partOf", "memberOf", "subOrganizationOf",
             "issuedBy", "indicator", "refArea", "about")
SYMMETRIC = {"partnerOf"}
_NO_POSITION = float("inf")


class Source(NamedTuple):
    """One sentence behind a node or an edge, and the document it is from."""
    document: str
    sentence: str


def _run(store: ox.Store, sparql: str) -> list[list[str | None]]:
    """The rows of a SELECT over the union of the graphs, as term values (None: unbound)."""
    solutions = store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [[None if t is None else t.value for t in row] for row in solutions]


def _add_source(bucket: list, seen: set, src: Source, limit: int) -> None:
    if src in seen or len(bucket) >= limit:
        return
    seen.add(src)
    bucket.append(src)


def _values(store: ox.Store, predicate: str) -> dict[str, list[str]]:
    """Subject -> the sorted distinct values of one predicate."""
    out: dict[str, list[str]] = defaultdict(list)
    for s, v in _run(store, f"SELECT DISTINCT ?s ?v WHERE {{ ?s {predicate} ?v }}"):
        out[s].append(v)
    for vs in out.values():
        vs.sort()
    return out


def _position(start: str | None) -> float:
    try:
        return int(start)
    except (TypeError, ValueError):
        return _NO_POSITION


def load_graph(store: ox.Store, *, observations: bool = True, provenance: bool = True,
               max_sources: int = 3) -> nx.MultiDiGraph:
    """The entity graph of a store.

    Node attributes: type, label, aliases (list), documents (count), sources
    (up to `max_sources` Source), level and code for places. Edge key is the
    relation's local name; attributes: predicate, sources, role (memberOf).
    """
    # Only acyclic containers are made: the cyclic GC would rescan them again and again.
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_graph(store, observations, provenance, max_sources)
    finally:
        if paused:
            gc.enable()


def _load_graph(store: ox.Store, observations: bool, provenance: bool, max_sources: int) -> nx.MultiDiGraph:
    types = [t for t in ENTITY_TYPES if observations or t not in ("Observation", "Indicator")]
    kind_of: dict[str, str] = {}
    typed: dict[str, list[str]] = {}
    for t in reversed(types):  # most specific last, so it wins
        typed[t] = [s for s, in _run(store, f"SELECT DISTINCT ?s WHERE {{ ?s a kg:{t} }}")]
        kind_of.update(dict.fromkeys(typed[t], t))
    labels = _values(store, "rdfs:label")
    g = nx.MultiDiGraph()
    for s in sorted(kind_of):
        label = labels[s][0] if s in labels else None
        g.add_node(s, type=kind_of[s], label=label or s.rsplit("/", 1)[-1], aliases=[], documents=0, sources=[])
    nodes = g.nodes
    for s, alts in _values(store, "skos:altLabel").items():
        if s in kind_of:
            label = nodes[s]["label"]
            nodes[s]["aliases"] = [alt for alt in alts if alt != label]
    levels, codes = _values(store, "kg:level"), _values(store, "kg:divisionCode")
    for s in typed["Location"]:
        nodes[s]["level"] = levels[s][0] if s in levels else None
        nodes[s]["code"] = codes[s][0] if s in codes else None

    related = {rel: sorted(_run(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s kg:{rel} ?o }}")) for rel in RELATIONS}
    titles = _values(store, "dcterms:title")
    if observations:
        _observation_labels(store, g, related["indicator"], labels, titles)
    pairs: dict[tuple, dict] = {}
    for rel, rows in related.items():
        for s, o in rows:
            if s not in kind_of or o not in kind_of or s == o:
                continue
            if rel in SYMMETRIC and (o, s, rel) in pairs:
                continue  # one edge per partnership; stated both ways, from the smaller IRI
            pairs[(s, o, rel)] = {"predicate": rel, "sources": []}
    roles: dict[tuple, set] = defaultdict(set)
    for person, org, role in _run(store, """
        SELECT DISTINCT ?p ?o ?role WHERE {
          { SELECT ?m ?p WHERE { ?m org:member ?p } } { SELECT ?m ?o WHERE { ?m org:organization ?o } }
          { SELECT ?m ?r WHERE { ?m org:role ?r } } { SELECT ?r ?role WHERE { ?r rdfs:label ?role } }
        }"""):
        if (person, org, "memberOf") in pairs:
            roles[person, org].add(role)
    for (person, org), names in roles.items():
        if len(names) > 1:  # several roles: their parts (split at 、), each once, sorted
            names = {part for name in names for part in name.split("、") if part}
        pairs[(person, org, "memberOf")]["role"] = "、".join(sorted(names))
    for (s, o, rel), data in sorted(pairs.items()):
        g.add_edge(s, o, rel, **data)

    for e, n in _run(store, "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kg:mentions ?e } GROUP BY ?e"):
        if e in kind_of:
            nodes[e]["documents"] = int(n)
    if provenance:
        _provenance(store, g, max_sources, titles)
    return g


def _smallest(a: str | None, b: str | None) -> str | None:
    return b if a is None or (b is not None and b < a) else a


def _observation_labels(store: ox.Store, g: nx.MultiDiGraph, indicators: list, labels: dict, titles: dict) -> None:
    """Label an observation "indicator valueunit (period)"; its evidence sentence is its first source."""
    obs: dict[str, list] = {}
    for o, value, unit, period, evidence, doc in _run(store, """
        SELECT DISTINCT ?obs ?v ?u ?p ?ev ?d WHERE {
          { SELECT ?obs WHERE { ?obs a kg:Observation } }
          OPTIONAL { SELECT ?obs ?v WHERE { ?obs kg:value ?v } }
          OPTIONAL { SELECT ?obs ?u WHERE { ?obs kg:unit ?u } }
          OPTIONAL { SELECT ?obs ?p WHERE { ?obs kg:period ?p } }
          OPTIONAL { SELECT ?obs ?ev WHERE { ?obs kg:evidence ?ev } }
          OPTIONAL { SELECT ?obs ?d WHERE { ?obs kg:inDocument ?d } }
        }"""):
        row = (value, unit, period, evidence, titles[doc][0] if doc in titles else None)
        obs[o] = list(map(_smallest, obs[o], row)) if o in obs else list(row)
    indicator: dict[str, str] = {}
    for o, i in indicators:
        if o in obs and i in labels:
            indicator[o] = _smallest(indicator.get(o), labels[i][0])
    nodes = g.nodes
    for o, (value, unit, period, evidence, title) in obs.items():
        node = nodes[o]
        node["label"] = " ".join(x for x in (indicator.get(o) or "?", f"{value or ''}{unit or ''}",
                                             f"({period})" if period else "") if x)
        if evidence:
            node["sources"].append(Source(title or "", evidence))
            node["documents"] = 1


def _provenance(store: ox.Store, g: nx.MultiDiGraph, limit: int, titles: dict) -> None:
    file_names = _values(store, "dcterms:source")

    def cited(doc: str) -> list[str]:
        """How a source cites its document: its title(s), else its file name(s), else its IRI."""
        return titles.get(doc) or file_names.get(doc) or [doc]

    seen: dict = defaultdict(set)
    nodes = g.nodes
    rows = []
    for e, doc, start, sentence in _run(store, """
        SELECT DISTINCT ?e ?doc ?start ?sentence WHERE {
          { SELECT ?m ?doc WHERE { GRAPH ?doc { ?m a kg:Mention } } }
          { SELECT ?m ?doc ?e WHERE { GRAPH ?doc { ?m kg:refersTo ?e } } }
          { SELECT ?m ?doc ?sentence WHERE { GRAPH ?doc { ?m kg:sentence ?sentence } } }
          OPTIONAL { SELECT ?m ?doc ?start WHERE { GRAPH ?doc { ?m kg:start ?start } } }
        }"""):
        if e in nodes:
            position = _position(start)
            rows += [(e, title, position, sentence) for title in cited(doc)]
    rows.sort()
    for e, title, _, sentence in rows:
        _add_source(nodes[e]["sources"], seen[e], Source(title, sentence), limit)

    rows = []
    relations = " ".join(f"kg:{r}" for r in RELATIONS)  # an assertion of anything else is no edge
    for s, p, o, doc, start, evidence in _run(store, f"""
        SELECT DISTINCT ?s ?p ?o ?doc ?start ?ev WHERE {{
          {{ SELECT ?a ?doc ?p WHERE {{ GRAPH ?doc {{ ?a rdf:predicate ?p }} VALUES ?p {{ {relations} }} }} }}
          {{ SELECT ?a ?doc WHERE {{ GRAPH ?doc {{ ?a a kg:Assertion }} }} }}
          {{ SELECT ?a ?doc ?s WHERE {{ GRAPH ?doc {{ ?a rdf:subject ?s }} }} }}
          {{ SELECT ?a ?doc ?o WHERE {{ GRAPH ?doc {{ ?a rdf:object ?o }} }} }}
          {{ SELECT ?a ?doc ?ev WHERE {{ GRAPH ?doc {{ ?a kg:evidence ?ev }} }} }}
          OPTIONAL {{ SELECT ?a ?doc ?start WHERE {{ GRAPH ?doc {{ ?a kg:start ?start }} }} }}
        }}"""):
        if s in nodes and o in nodes:
            position = _position(start)
            rows += [(s, p, o, title, position, evidence) for title in cited(doc)]
    rows.sort()
    edges = g.edges
    for s, p, o, title, _, evidence in rows:
        rel = p[len(KG_NS):]
        for a, b in ((s, o), (o, s)) if rel in SYMMETRIC else ((s, o),):
            if (a, b, rel) in edges:
                _add_source(edges[a, b, rel]["sources"], seen[(a, b, rel)], Source(title, evidence), limit)
                break


def city_of(g: nx.MultiDiGraph, place: str, _cache: dict | None = None) -> str | None:
    """The city-level place a place belongs to (itself if it is a city), via kg:partOf."""
    cache = _cache if _cache is not None else {}
    if place in cache:
        return cache[place]
    seen, cur, city = set(), place, None
    while cur is not None and cur not in seen:
        seen.add(cur)
        if g.nodes[cur].get("level") == "city":
            city = cur
            break
        parents = [o for _, o, k in g.out_edges(cur, keys=True) if k == "partOf"]
        cur = parents[0] if parents else None
    cache[place] = city
    return city


def cities_of(g: nx.MultiDiGraph, node: str, cache: dict | None = None) -> set[str]:
    """Cities of the places a node is directly linked to (kg:operatesIn,
    kg:locatedIn, kg:refArea); for a place, its own city."""
    cache = cache if cache is not None else {}
    if g.nodes[node].get("type") == "Location":
        places = [node]
    else:
        places = [o for _, o, k in g.out_edges(node, keys=True) if k in ("operatesIn", "locatedIn", "refArea")]
    return {c for c in (city_of(g, p, cache) for p in places) if c is not None}
