"""The HTML page: pyvis's Network filled directly (add_node/from_nx are
quadratic), rendered with our own template so that the file is
self-contained: vis-network's JS and CSS are inlined from the copy shipped
inside the pyvis package, and nothing is fetched from a CDN.

Escaping: every text that comes from a document (labels, aliases, sentences,
titles) is HTML-escaped before it goes into a tooltip or the page; node and
edge labels are drawn on the canvas as text; the data is embedded in the
<script> with <, >, & and ' as \\u escapes (Jinja's tojson), so a document can
neither close the script nor add markup or event handlers.
"""
from __future__ import annotations

import base64
import hashlib
import html
import math
import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

ASSETS = Path(__file__).parent / "assets"
VIS_VERSION = "9.1.2"

# type -> (colour, vis shape, Chinese name)
TYPE_STYLE = {
    "Organization": ("#4e79a7", "dot", "组织机构"),
    "Program": ("#f28e2b", "diamond", "项目"),
    "Location": ("#59a14f", "triangle", "地点"),
    "Person": ("#e15759", "star", "人物"),
    "PolicyDocument": ("#b07aa1", "square", "政策文件"),
    "Indicator": ("#76b7b2", "hexagon", "指标"),
    "Observation": ("#d4a72c", "dot", "观测值"),
}
OTHER_STYLE = ("#9c9c9c", "dot", "其他")
DASHED = {"indicator", "refArea", "about"}  # observation edges
UNDIRECTED = {"partnerOf"}
LABEL_MAX = 28
TEMPLATE_SCRIPTS = 3  # <script> blocks of assets/graph.html
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL | re.IGNORECASE)

# a tag attribute, or a CSS url()/@import, that points at the network; document
# text cannot produce a tag (its "<" is always escaped), so these are real
_EXTERNAL_TAG = re.compile(
    r"""<[a-zA-Z][^<>]*?\s(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""",
    re.IGNORECASE)
_EXTERNAL_CSS = re.compile(r"""url\(\s*["']?\s*(?:https?:)?//|@import""", re.IGNORECASE)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)


def external_references(page: str) -> list[str]:
    """Every place where the page would load something from the network."""
    found = [m.group(0) for m in _EXTERNAL_TAG.finditer(page)]
    for css in _STYLE.findall(page):
        found += [m.group(0) for m in _EXTERNAL_CSS.finditer(css)]
    return found


@lru_cache(maxsize=1)
def _vendor() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # the source map would be requested when devtools open; it is not shipped anyway
    js = re.sub(r"//# sourceMappingURL=\S*", "", js)
    # core-js builds a "<script>" string; written \x3c it is the same string, and
    # the page then holds exactly the template's <script> tags
    js = js.replace('"<script>"', '"\\x3cscript>"')
    css = re.sub(r"/\*# sourceMappingURL=\S*\s*\*/", "", css)
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined as they are")
    return js, css


def esc(text) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def _sources_html(sources) -> str:
    if not sources:
        return ""
    items = "".join(f"<li>“{esc(s.sentence)}”<br><i>— {esc(s.document)}</i></li>" for s in sources)
    return f"<ol class='src'>{items}</ol>"


def node_tooltip(n: str, d: dict, degree: int) -> str:
    kind = d.get("type", "")
    zh = TYPE_STYLE.get(kind, OTHER_STYLE)[2]
    parts = [f"<b>{esc(d.get('label'))}</b> <span class='t'>{esc(zh)} · {esc(kind)}</span>"]
    if d.get("aliases"):
        parts.append(f"<div>别名 aliases: {esc('、'.join(d['aliases']))}</div>")
    if d.get("level") or d.get("code"):
        parts.append(f"<div>level: {esc(d.get('level') or '?')} · code: {esc(d.get('code') or '—')}</div>")
    parts.append(f"<div>connections: {degree} · documents: {int(d.get('documents') or 0)}</div>")
    parts.append(_sources_html(d.get("sources")))
    parts.append(f"<div class='iri'>{esc(n)}</div>")
    return "".join(parts)


def edge_tooltip(g: nx.MultiDiGraph, a: str, b: str, rel: str, d: dict) -> str:
    head = f"<b>{esc(g.nodes[a].get('label'))}</b> —{esc(rel)}→ <b>{esc(g.nodes[b].get('label'))}</b>"
    role = f"<div>post 职务: {esc(d['role'])}</div>" if d.get("role") else ""
    return head + role + _sources_html(d.get("sources"))


@dataclass
class Page:
    title: str
    description: str
    notes: list[str]
    physics: bool
    edge_labels: bool


def build_network(g: nx.MultiDiGraph, nodes: list[str], physics: bool, edge_labels: bool,
                  positions: dict | None = None) -> tuple[Network, list[dict], list[dict]]:
    """pyvis Network with nodes and edges set directly: O(nodes + edges)."""
    net = Network(height="82vh", width="100%", directed=True, cdn_resources="in_line", heading="")
    keep = set(nodes)
    degree = g.degree
    vis_nodes = []
    for n in nodes:
        d = g.nodes[n]
        colour, shape, _ = TYPE_STYLE.get(d.get("type"), OTHER_STYLE)
        deg = degree[n]
        item = {"id": n, "label": _short(d.get("label", n)), "title": node_tooltip(n, d, deg),
                "color": colour, "shape": shape, "size": round(8 + 5 * math.sqrt(deg), 1),
                "kgType": d.get("type", "Other")}
        if positions:
            item["x"], item["y"] = positions[n]
        vis_nodes.append(item)
    vis_edges = []
    for a in nodes:
        for _, b, rel, d in g.out_edges(a, keys=True, data=True):
            if b not in keep:
                continue
            e = {"from": a, "to": b, "title": edge_tooltip(g, a, b, rel, d), "kgRel": rel,
                 "arrows": "" if rel in UNDIRECTED else "to", "dashes": rel in DASHED}
            if edge_labels:
                e["label"] = rel
            vis_edges.append(e)
    net.nodes, net.edges = vis_nodes, vis_edges
    net.node_ids = list(nodes)
    net.node_map = {item["id"]: item for item in vis_nodes}
    net.options = _options(len(vis_nodes), physics)
    return net, vis_nodes, vis_edges


def _options(n: int, physics: bool) -> dict:
    return {
        "nodes": {"font": {"size": 14, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 2},
                  "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#333333"},
                  "width": 1, "smooth": {"type": "continuous"} if physics else False,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": not physics,
                        "multiselect": True},
        "physics": {"enabled": physics, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110},
                    "stabilization": {"enabled": physics, "iterations": 250, "fit": True}},
        "layout": {"improvedLayout": physics and n <= 150, "randomSeed": 7},
    }


def legend(vis_nodes: list[dict]) -> list[dict]:
    counts: dict[str, int] = {}
    for item in vis_nodes:
        counts[item["kgType"]] = counts.get(item["kgType"], 0) + 1
    order = list(TYPE_STYLE) + sorted(set(counts) - set(TYPE_STYLE))
    out = []
    for kind in order:
        if kind in counts:
            colour, shape, zh = TYPE_STYLE.get(kind, OTHER_STYLE)
            out.append({"type": kind, "zh": zh, "colour": colour, "shape": shape, "count": counts[kind]})
    return out


def render_html(net: Network, page: Page, vis_nodes: list[dict], vis_edges: list[dict]) -> str:
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True)
    js, css = _vendor()
    env.globals["kg"] = {
        "title": page.title, "description": page.description, "notes": page.notes,
        "legend": legend(vis_nodes), "node_count": len(vis_nodes), "edge_count": len(vis_edges),
        "physics": page.physics, "edge_labels": page.edge_labels,
        "vendor_js": Markup(js), "vendor_css": Markup(css), "vis_version": VIS_VERSION,
    }
    env.policies["json.dumps_kwargs"] = {"ensure_ascii": False, "sort_keys": False}
    net.templateEnv = env
    net.path = "graph.html"
    page_html = _lock_scripts(net.generate_html())
    bad = external_references(page_html)
    if bad:
        raise RuntimeError(f"the page would load from the network: {bad[:3]}")
    return page_html


def _lock_scripts(page_html: str) -> str:
    """Allow exactly the template's own scripts (by sha256 in the page's
    Content-Security-Policy): should anything ever slip through escaping, the
    browser would refuse to run it, inline event handlers included."""
    scripts = _SCRIPT.findall(page_html)
    opened = len(re.findall(r"<script\b", page_html, re.IGNORECASE))
    if len(scripts) != TEMPLATE_SCRIPTS or opened != TEMPLATE_SCRIPTS:
        raise RuntimeError(f"expected {TEMPLATE_SCRIPTS} scripts in the page, found {opened}")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts)
    return page_html.replace("__KG_SCRIPT_HASHES__", hashes, 1)

# ---------------------------------------------------------------- layout
# For graphs too large for live physics in the browser: each connected
# component is laid out radially around its best-connected node (rings by
# breadth-first depth, siblings kept together) and components are packed in
# rows, largest first. O(nodes + edges); deterministic.

RING = 140.0      # distance between rings
SPACING = 46.0    # minimum arc length between neighbours on a ring
GAP = 120.0       # space between components


def _components(adj: dict[str, list[str]]) -> list[list[str]]:
    seen: set[str] = set()
    comps = []
    for start in adj:
        if start in seen:
            continue
        seen.add(start)
        comp, todo = [start], deque([start])
        while todo:
            for m in adj[todo.popleft()]:
                if m not in seen:
                    seen.add(m)
                    comp.append(m)
                    todo.append(m)
        comps.append(comp)
    comps.sort(key=lambda c: (-len(c), min(c)))
    return comps


def _radial(comp: list[str], adj: dict[str, list[str]]) -> tuple[dict[str, tuple[float, float]], float]:
    root = max(comp, key=lambda n: (len(adj[n]), n))
    depth, order = {root: 0}, [root]
    todo = deque([root])
    while todo:  # BFS order keeps each node's children next to each other on the next ring
        n = todo.popleft()
        for m in sorted(adj[n]):
            if m not in depth:
                depth[m] = depth[n] + 1
                order.append(m)
                todo.append(m)
    rings: dict[int, list[str]] = {}
    for n in order:
        rings.setdefault(depth[n], []).append(n)
    pos, radius = {root: (0.0, 0.0)}, 0.0
    for d, ring in sorted(rings.items()):
        if d == 0:
            continue
        radius = max(radius + RING, len(ring) * SPACING / (2 * math.pi))
        step = 2 * math.pi / len(ring)
        for i, n in enumerate(ring):
            a = i * step + (d % 2) * step / 2
            pos[n] = (radius * math.cos(a), radius * math.sin(a))
    return pos, radius


def radial_layout(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """x, y for each node."""
    adj: dict[str, list[str]] = {n: [] for n in nodes}
    for a, b in edges:
        if a in adj and b in adj and a != b:
            adj[a].append(b)
            adj[b].append(a)
    comps = _components(adj)
    laid = [_radial(c, adj) for c in comps]
    total = sum((2 * r + GAP) ** 2 for _, r in laid)
    row_width = max(math.sqrt(total), 1.0)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, r in laid:
        size = 2 * r + GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for n, (px, py) in pos.items():
            out[n] = (round(cx + px, 1), round(cy + py, 1))
        x += size
        row_height = max(row_height, size)
    return out
