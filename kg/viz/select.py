"""Which part of the graph to draw: all of it, a query's result, the
neighbourhood of an entity, a city or a program; capped by degree."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from kg.errors import QueryError

# Reached from elsewhere, these are drawn but not expanded: a city or an
# indicator connects everything in it, so expanding through it would draw the
# whole graph instead of a neighbourhood.
HUB_TYPES = ("Location", "Indicator")


@dataclass
class Selection:
    nodes: set[str]
    seeds: set[str] = field(default_factory=set)
    description: str = ""


def find_nodes(g: nx.MultiDiGraph, text: str, types: tuple[str, ...] | None = None) -> list[str]:
    """Nodes whose rdfs:label or a skos:altLabel is `text` (an IRI works too);
    when none is equal, those whose label contains it."""
    text = text.strip()
    if text in g:
        return [text]

    def ok(d: dict) -> bool:
        return types is None or d.get("type") in types

    exact = [n for n, d in g.nodes(data=True) if ok(d) and (d.get("label") == text or text in d.get("aliases", ()))]
    if exact:
        return sorted(exact)
    return sorted(n for n, d in g.nodes(data=True) if ok(d) and text and text in d.get("label", ""))


def _require(g: nx.MultiDiGraph, text: str, types=None, what: str = "entity") -> list[str]:
    found = find_nodes(g, text, types)
    if not found:
        raise QueryError(f"no {what} labelled {text!r} in the graph (labels and aliases are matched)")
    return found


def neighbourhood(g: nx.MultiDiGraph, seeds, hops: int) -> set[str]:
    """Nodes within `hops` edges of the seeds (either direction); nodes of
    HUB_TYPES that are not seeds are reached but not expanded."""
    seen = {s: 0 for s in seeds}
    todo = deque(seeds)
    seed_set = set(seeds)
    while todo:
        n = todo.popleft()
        depth = seen[n]
        if depth >= hops or (n not in seed_set and g.nodes[n].get("type") in HUB_TYPES):
            continue
        for m in _neighbours(g, n):
            if m not in seen:
                seen[m] = depth + 1
                todo.append(m)
    return set(seen)


def _neighbours(g: nx.MultiDiGraph, n: str):
    yield from g.successors(n)
    yield from g.predecessors(n)


def whole(g: nx.MultiDiGraph) -> Selection:
    return Selection(set(g.nodes), description="the whole graph")


def focus(g: nx.MultiDiGraph, text: str, hops: int = 2) -> Selection:
    seeds = _require(g, text)
    return Selection(neighbourhood(g, seeds, hops), set(seeds), f"{hops}-hop neighbourhood of {text}")


def program(g: nx.MultiDiGraph, text: str, hops: int = 2) -> Selection:
    seeds = _require(g, text, ("Program",), "program")
    return Selection(neighbourhood(g, seeds, hops), set(seeds), f"program {text} ({hops} hops)")


def city(g: nx.MultiDiGraph, text: str, hops: int = 2) -> Selection:
    """The city, every place in it (kg:partOf, transitively) and what is
    within `hops` of those places."""
    cities = [n for n in _require(g, text, ("Location",), "place")]
    places, todo = set(cities), list(cities)
    while todo:  # descendants along incoming kg:partOf
        p = todo.pop()
        for child, _, k in g.in_edges(p, keys=True):
            if k == "partOf" and child not in places:
                places.add(child)
                todo.append(child)
    return Selection(neighbourhood(g, places, hops), places, f"city {text} and {hops} hops around its places")


def from_result(g: nx.MultiDiGraph, result, hops: int = 0, name: str = "query") -> Selection:
    """The graph nodes named in a query result's cells (IRIs), and their
    neighbourhood when hops > 0."""
    seeds = {v for row in result.rows for v in row if v is not None and v in g}
    if not seeds:
        raise QueryError(f"{name}: the result names no entity of the graph; project entity IRIs "
                         "(e.g. ?program, ?org) to draw it")
    nodes = neighbourhood(g, seeds, hops) if hops else set(seeds)
    return Selection(nodes, seeds, f"result of {name}" + (f" and {hops} hops around it" if hops else ""))


def cap(g: nx.MultiDiGraph, sel: Selection, max_nodes: int | None) -> tuple[list[str], int]:
    """The nodes to draw (at most max_nodes: the seeds, then by degree) and how
    many were left out. Sorting is O(n log n); degree is on the whole graph."""
    nodes = sel.nodes
    if max_nodes is None or len(nodes) <= max_nodes:
        return sorted(nodes), 0
    degree = g.degree
    ranked = sorted(nodes, key=lambda n: (n not in sel.seeds, -degree[n], n))
    kept = ranked[:max_nodes]
    return sorted(kept), len(nodes) - len(kept)
