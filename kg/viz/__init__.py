"""Interactive HTML graphs of a store (pyvis / vis-network), self-contained.

    from kg.viz import render
    render("out/demo", "graph.html", focus="青翼家园", hops=2)

Draws the whole graph, a canned query's result, an entity's neighbourhood,
a city or a program. Nodes are coloured and shaped by type and sized by
degree; edges carry the kg: relation; tooltips show labels, aliases and the
sentences (with their documents) behind nodes and edges. Large selections are
capped (the best-connected nodes are kept, the page says what was left out)
and drawn without physics on a precomputed layout. Generation is linear in
the size of the graph. Only this package imports pyvis.
"""
from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.viz import select
from kg.viz.page import Page, build_network, external_references, radial_layout, render_html

__all__ = ["render", "render_graph", "VizResult", "external_references", "MAX_NODES", "PHYSICS_MAX_NODES"]

MAX_NODES = 1500          # drawn at most; the best-connected are kept
PHYSICS_MAX_NODES = 800   # above this, physics is off and the layout precomputed
EDGE_LABELS_MAX = 1200    # above this many edges, relation names show on hover only


@dataclass
class VizResult:
    path: Path
    description: str
    nodes: int           # drawn
    edges: int           # drawn
    selected: int        # nodes selected before the cap
    left_out: int        # nodes left out by the cap
    edges_left_out: int
    physics: bool

    def summary(self) -> str:
        s = f"{self.path}: {self.nodes} nodes, {self.edges} edges ({self.description})"
        if self.left_out:
            s += f"; {self.left_out} nodes and {self.edges_left_out} edges left out"
        return s


def render_graph(g: nx.MultiDiGraph, sel: select.Selection, out, *, max_nodes: int | None = MAX_NODES,
                 title: str | None = None) -> VizResult:
    """Write the selection of `g` as an HTML page to `out`."""
    nodes, left_out = select.cap(g, sel, max_nodes)
    keep = set(nodes)
    selected_edges = drawn_edges = 0
    for a in sel.nodes:
        for _, b in g.out_edges(a):
            if b in sel.nodes:
                selected_edges += 1
                drawn_edges += a in keep and b in keep
    physics = len(nodes) <= PHYSICS_MAX_NODES
    edge_labels = drawn_edges <= EDGE_LABELS_MAX
    positions = None
    if not physics:
        positions = radial_layout(nodes, [(a, b) for a in nodes for b in g.successors(a) if b in keep])
    notes = []
    if left_out:
        notes.append(f"Showing the {len(nodes)} best-connected of {len(sel.nodes)} selected nodes: "
                     f"{left_out} nodes and {selected_edges - drawn_edges} edges are left out "
                     f"(raise --max-nodes, or draw a city, a program or a neighbourhood).")
    if not physics:
        notes.append(f"More than {PHYSICS_MAX_NODES} nodes: physics is off and nodes are placed "
                     "in rings around the best-connected node of each component.")
    if not edge_labels:
        notes.append("Relation names are shown when hovering an edge.")
    net, vis_nodes, vis_edges = build_network(g, nodes, physics, edge_labels, positions)
    page = Page(title=title or "minsheng-kg graph", description=sel.description, notes=notes,
                physics=physics, edge_labels=edge_labels)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(render_html(net, page, vis_nodes, vis_edges), encoding="utf-8")
    os.replace(tmp, out)
    return VizResult(out, sel.description, len(vis_nodes), len(vis_edges), len(sel.nodes), left_out,
                     selected_edges - drawn_edges, physics)


def select_nodes(g: nx.MultiDiGraph, store: ox.Store | None = None, *, query: str | None = None,
                 params: dict | None = None, focus: str | None = None, city: str | None = None,
                 program: str | None = None, hops: int | None = None) -> select.Selection:
    """What to draw; at most one of query, focus, city, program (none: everything)."""
    chosen = [k for k, v in (("query", query), ("focus", focus), ("city", city), ("program", program)) if v]
    if len(chosen) > 1:
        from kg.errors import QueryError
        raise QueryError(f"choose one of --query, --focus, --city, --program (got {', '.join(chosen)})")
    if query:
        from kg.query import run_on_store

        return select.from_result(g, run_on_store(store, query, params), hops or 0,
                                  query if len(query) < 60 else "a query")
    if focus:
        return select.focus(g, focus, 2 if hops is None else hops)
    if city:
        return select.city(g, city, 2 if hops is None else hops)
    if program:
        return select.program(g, program, 2 if hops is None else hops)
    return select.whole(g)


def render(store, out, *, query: str | None = None, params: dict | None = None, focus: str | None = None,
           city: str | None = None, program: str | None = None, hops: int | None = None,
           max_nodes: int | None = MAX_NODES, observations: bool = True, title: str | None = None) -> VizResult:
    """Draw (part of) a store, given as an open Store or a build/store folder."""
    from kg.query.graph import load_graph

    if not isinstance(store, ox.Store):
        from kg.store import open_store

        store = open_store(store, read_only=True)
    # The cyclic GC would rescan the growing graph again and again (it allocates
    # only acyclic containers): pausing it keeps generation linear.
    paused = gc.isenabled()
    gc.disable()
    try:
        g = load_graph(store, observations=observations)
        sel = select_nodes(g, store, query=query, params=params, focus=focus, city=city, program=program, hops=hops)
        return render_graph(g, sel, out, max_nodes=max_nodes, title=title)
    finally:
        if paused:
            gc.enable()
