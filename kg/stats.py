"""Graph analytics with networkx: what is in a store and how it hangs together.

    from kg.stats import compute, format_table
    report = compute(open_store("out/demo", read_only=True))

* counts of nodes by type (and of documents, mentions, assertions);
* programs by number of cities they operate in;
* the most-connected organizations;
* communities (greedy modularity) and connected components of the
  program-organization-location graph;
* cross-city bridges: programs operating in places of two or more cities, and
  organizations tied to two or more cities (where they are located, and where
  their partner organizations are).
"""
from __future__ import annotations

from collections import Counter

import networkx as nx
import pyoxigraph as ox

from kg.query.graph import ENTITY_TYPES, cities_of, load_graph

CORE_TYPES = ("Program", "Organization", "Location")


def _count(store: ox.Store, cls: str) -> int:
    from kg.api import run_sparql

    return int(run_sparql(store, f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s a {cls} }}").rows[0][0])


def core_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph of programs, organizations and places."""
    core = nx.Graph()
    core.add_nodes_from((n, d) for n, d in g.nodes(data=True) if d.get("type") in CORE_TYPES)
    core.add_edges_from((a, b) for a, b in g.edges() if a in core and b in core and a != b)
    return core


def _label(g: nx.MultiDiGraph, n: str) -> str:
    return g.nodes[n].get("label", n)


def _item(g, n, **extra) -> dict:
    return {"label": _label(g, n), "iri": n, **extra}


def compute(store: ox.Store, top: int = 10) -> dict:
    """The whole report as plain data (JSON-ready)."""
    g = load_graph(store, provenance=False)
    counts = Counter(d.get("type") for _, d in g.nodes(data=True))
    by_type = {t: counts.get(t, 0) for t in ENTITY_TYPES}
    for cls, name in (("kg:Document", "Document"), ("kg:Mention", "Mention"), ("kg:Assertion", "Assertion")):
        by_type[name] = _count(store, cls)

    cache: dict = {}
    programs = sorted((n for n, d in g.nodes(data=True) if d.get("type") == "Program"),
                      key=lambda n: _label(g, n))
    program_cities = {p: cities_of(g, p, cache) for p in programs}
    histogram = Counter(len(c) for c in program_cities.values())

    def city_names(cities) -> list[str]:
        return sorted(_label(g, c) for c in cities)

    bridges = [_item(g, p, type="Program", cities=city_names(c)) for p, c in program_cities.items() if len(c) >= 2]
    orgs = [n for n, d in g.nodes(data=True) if d.get("type") == "Organization"]
    for o in sorted(orgs, key=lambda n: _label(g, n)):
        own = cities_of(g, o, cache)
        partners = [b for _, b, k in g.out_edges(o, keys=True) if k == "partnerOf"]
        partners += [a for a, _, k in g.in_edges(o, keys=True) if k == "partnerOf"]
        via = set().union(*(cities_of(g, p, cache) for p in partners))
        if len(own | via) >= 2:
            bridges.append(_item(g, o, type="Organization", cities=city_names(own | via),
                                 own_cities=city_names(own)))
    bridges.sort(key=lambda b: (-len(b["cities"]), b["type"], b["label"]))

    core = core_graph(g)
    degree = sorted(((n, core.degree(n)) for n in orgs if n in core), key=lambda x: (-x[1], _label(g, x[0])))
    connected = [_item(g, n, degree=k, programs=sum(1 for _, _, r in g.out_edges(n, keys=True) if r == "runs"))
                 for n, k in degree[:top]]

    components = sorted(nx.connected_components(core), key=lambda c: (-len(c), min(c))) if core else []
    communities = []
    if core.number_of_edges():
        found = nx.community.greedy_modularity_communities(core)
        for c in sorted(found, key=lambda c: (-len(c), min(c)))[:top]:
            members = sorted(c, key=lambda n: (-core.degree(n), _label(g, n)))
            cities = Counter(city for n in c for city in cities_of(g, n, cache))
            communities.append({
                "size": len(c),
                "types": dict(Counter(g.nodes[n].get("type") for n in c)),
                "cities": [_label(g, x) for x, _ in cities.most_common(3)],
                "members": [_label(g, n) for n in members[:8]],
            })
    return {
        "counts": by_type,
        "edges": g.number_of_edges(),
        "programs_by_city_count": {str(k): histogram[k] for k in sorted(histogram)},
        "most_connected_organizations": connected,
        "components": {"count": len(components), "sizes": [len(c) for c in components[:top]],
                       "nodes": core.number_of_nodes(), "edges": core.number_of_edges()},
        "communities": communities,
        "cross_city_bridges": bridges,
    }


def format_table(report: dict, limit: int = 20) -> str:
    """The report as plain text tables."""
    lines = ["Counts by type"]
    lines += [f"  {k:<16}{v:>8}" for k, v in report["counts"].items()]
    lines.append(f"  {'relations':<16}{report['edges']:>8}")
    lines.append("\nPrograms by number of cities")
    lines += [f"  {k} cit{'y' if k == '1' else 'ies'}: {v} program{'' if v == 1 else 's'}" for k, v in report["programs_by_city_count"].items()]
    if not report["programs_by_city_count"]:
        lines.append("  (no program is tied to a city)")
    lines.append("\nMost-connected organizations (program-organization-location graph)")
    lines += [f"  {o['degree']:>4}  {o['label']}  ({o['programs']} program{'' if o['programs'] == 1 else 's'} run)"
              for o in report["most_connected_organizations"]]
    comp = report["components"]
    lines.append(f"\nConnected components: {comp['count']} "
                 f"(over {comp['nodes']} nodes, {comp['edges']} edges; largest: {comp['sizes'][:5]})")
    lines.append("\nCommunities (greedy modularity)")
    for i, c in enumerate(report["communities"], 1):
        where = "、".join(c["cities"]) or "no city"
        lines.append(f"  #{i} {c['size']} nodes, {where}: {'、'.join(c['members'])}")
    lines.append("\nCross-city bridges (tied to places in 2+ cities)")
    bridges = report["cross_city_bridges"]
    lines += [f"  {b['type']:<13} {b['label']}: {'、'.join(b['cities'])}" for b in bridges[:limit]]
    if len(bridges) > limit:
        lines.append(f"  … and {len(bridges) - limit} more (--json lists them all)")
    if not bridges:
        lines.append("  (none)")
    return "\n".join(lines)
