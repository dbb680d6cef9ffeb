"""A linear-time layout for graphs too large for live physics in the browser.

Each connected component is laid out radially around its best-connected
node (rings by breadth-first depth, siblings kept together), and components
are packed in rows, largest first. O(nodes + edges); deterministic.
"""
from __future__ import annotations

import math
from collections import deque

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
