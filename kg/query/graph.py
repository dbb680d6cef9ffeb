"""The store as a networkx graph, for drawing (kg.viz) and analytics (kg.stats).

Nodes are entity IRIs with their type, label, aliases and (optionally) the
sentences that back them; edges are the contract relations between them, each
with the sentences of the kg:Assertion nodes that state it. Everything is read
with a handful of linear SPARQL queries over the union of the document graphs
and the gazetteer graph.
"""
from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import networkx as nx
import pyoxigraph as ox

from kg.namespaces import KG_NS

# Drawn node types, most specific first (a node has one kg: type in practice).
ENTITY_TYPES = ("Organization", "Program", "Person", "PolicyDocument", "Location", "Indicator", "Observation")
# Relations drawn as edges (kg: local names).
RELATIONS = ("runs", "partnerOf", "operatesIn", "locatedIn", "partOf", "memberOf", "subOrganizationOf",
             "issuedBy", "indicator", "refArea", "about")
SYMMETRIC = {"partnerOf"}


class Source(NamedTuple):
    """One sentence behind a node or an edge, and the document it is from."""
    document: str
    sentence: str


def _run(store: ox.Store, sparql: str) -> list[list[str | None]]:
    from kg.api import run_sparql

    return run_sparql(store, sparql).rows


def _in(names) -> str:
    return ", ".join(f"kg:{n}" for n in names)


def _add_source(bucket: list, seen: set, src: Source, limit: int) -> None:
    if src in seen or len(bucket) >= limit:
        return
    seen.add(src)
    bucket.append(src)


def load_graph(store: ox.Store, *, observations: bool = True, provenance: bool = True,
               max_sources: int = 3) -> nx.MultiDiGraph:
    """The entity graph of a store.

    Node attributes: type, label, aliases (list), documents (count), sources
    (up to `max_sources` Source), level and code for places. Edge key is the
    relation's local name; attributes: predicate, sources, role (memberOf).
    """
    types = [t for t in ENTITY_TYPES if observations or t not in ("Observation", "Indicator")]
    g = nx.MultiDiGraph()
    rank = {t: i for i, t in enumerate(ENTITY_TYPES)}
    nodes: dict[str, dict] = {}
    for s, t, label in _run(store, f"""
        SELECT DISTINCT ?s ?t ?label WHERE {{
          ?s a ?t . FILTER(?t IN ({_in(types)}))
          OPTIONAL {{ ?s rdfs:label ?label }}
        }}"""):
        kind = t[len(KG_NS):]
        node = nodes.get(s)
        if node is None:
            nodes[s] = {"type": kind, "label": label or s.rsplit("/", 1)[-1], "aliases": [], "documents": 0,
                        "sources": []}
        elif rank[kind] < rank[node["type"]]:
            node["type"] = kind
    g.add_nodes_from(nodes.items())
    for s, alt in _run(store, "SELECT DISTINCT ?s ?alt WHERE { ?s skos:altLabel ?alt }"):
        if s in g and alt != g.nodes[s]["label"]:
            g.nodes[s]["aliases"].append(alt)
    for n in g.nodes.values():
        n["aliases"].sort()
    for s, level, code in _run(store, """
        SELECT ?s (SAMPLE(?l) AS ?level) (SAMPLE(?c) AS ?code) WHERE {
          ?s a kg:Location . OPTIONAL { ?s kg:level ?l } OPTIONAL { ?s kg:divisionCode ?c }
        } GROUP BY ?s"""):
        if s in g:
            g.nodes[s]["level"], g.nodes[s]["code"] = level, code
    if observations:
        _observation_labels(store, g)

    pairs: dict[tuple, dict] = {}
    for s, p, o in _run(store, f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o . FILTER(?p IN ({_in(RELATIONS)})) }}"):
        rel = p[len(KG_NS):]
        if s not in nodes or o not in nodes or s == o:
            continue
        if rel in SYMMETRIC and (o, s, rel) in pairs:
            continue  # one edge per partnership, whichever way documents state it
        pairs[(s, o, rel)] = {"predicate": rel, "sources": []}
    g.add_edges_from((s, o, rel, data) for (s, o, rel), data in pairs.items())
    for person, org, role in _run(store, """
        SELECT DISTINCT ?p ?o ?role WHERE { ?m org:member ?p ; org:organization ?o ; org:role/rdfs:label ?role }"""):
        if g.has_edge(person, org, "memberOf"):
            data = g.edges[person, org, "memberOf"]
            data["role"] = "、".join(sorted(set(filter(None, data.get("role", "").split("、"))) | {role}))

    for e, n in _run(store, "SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kg:mentions ?e } GROUP BY ?e"):
        if e in g:
            g.nodes[e]["documents"] = int(n)
    if provenance:
        _provenance(store, g, max_sources)
    return g


def _observation_labels(store: ox.Store, g: nx.MultiDiGraph) -> None:
    for obs, ind, value, unit, period, evidence, title in _run(store, """
        SELECT ?obs (SAMPLE(?il) AS ?ind) (SAMPLE(?v) AS ?value) (SAMPLE(?u) AS ?unit) (SAMPLE(?p) AS ?period)
               (SAMPLE(?ev) AS ?evidence) (SAMPLE(?t) AS ?title) WHERE {
          ?obs a kg:Observation .
          OPTIONAL { ?obs kg:indicator/rdfs:label ?il } OPTIONAL { ?obs kg:value ?v } OPTIONAL { ?obs kg:unit ?u }
          OPTIONAL { ?obs kg:period ?p } OPTIONAL { ?obs kg:evidence ?ev }
          OPTIONAL { ?obs kg:inDocument ?d . ?d dcterms:title ?t }
        } GROUP BY ?obs"""):
        if obs not in g:
            continue
        node = g.nodes[obs]
        node["label"] = " ".join(x for x in (ind or "?", f"{value or ''}{unit or ''}", f"({period})" if period else "") if x)
        if evidence:
            node["sources"].append(Source(title or "", evidence))
            node["documents"] = 1


def _provenance(store: ox.Store, g: nx.MultiDiGraph, limit: int) -> None:
    seen: dict = defaultdict(set)
    for e, sentence, title in _run(store, """
        SELECT ?e ?sentence ?title WHERE {
          GRAPH ?doc { ?m a kg:Mention ; kg:refersTo ?e ; kg:sentence ?sentence }
          OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc dcterms:source ?src }
          BIND(COALESCE(?t, ?src, STR(?doc)) AS ?title)
        } ORDER BY ?e ?title"""):
        if e in g:
            _add_source(g.nodes[e]["sources"], seen[e], Source(title, sentence), limit)
    for s, p, o, evidence, title in _run(store, """
        SELECT ?s ?p ?o ?ev ?title WHERE {
          GRAPH ?doc { ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidence ?ev }
          OPTIONAL { ?doc dcterms:title ?t } OPTIONAL { ?doc dcterms:source ?src }
          BIND(COALESCE(?t, ?src, STR(?doc)) AS ?title)
        } ORDER BY ?s ?p ?o ?title"""):
        rel = p[len(KG_NS):] if p.startswith(KG_NS) else p
        for a, b in ((s, o), (o, s)) if rel in SYMMETRIC else ((s, o),):
            if g.has_edge(a, b, rel):
                _add_source(g.edges[a, b, rel]["sources"], seen[(a, b, rel)], Source(title, evidence), limit)
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
