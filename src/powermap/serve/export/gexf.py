"""GEXF 1.3 writer (Gephi, sigma.js, networkx) with a ready drawing: colours, sizes and a layout.

What a viewer shows on opening, without running anything:

- node colour (``viz:color``) by group: the ``camp`` attribute of the relation network or the
  ``coalition`` of the discourse network (a fixed palette in group order; grey without one);
- node size (``viz:size``) by strength, the sum of the node's |edge weights|;
- node position (``viz:position``): each connected component laid out by networkx's
  ``spring_layout`` (fixed seed; edges pull with 0.2 + 0.8 × |weight| / max |weight|, so weak
  ties still hold their nodes), scaled to the square root of its size and packed in rows,
  largest first, so the same graph is always drawn the same way and small components do
  not crowd the main one;
- edge weight (the GEXF ``weight``) as |weight|, which layouts such as ForceAtlas2 need; the
  signed value stays in the ``signed_weight`` attribute; edge colour blue for a positive
  (cooperative, congruent) tie and red for a negative one, thickness by |weight|.

Edges of weight 0 are dropped (no tie). ``top_edges`` keeps the N strongest edges by
|weight| (ties broken by node ids) and the nodes they touch, for graphs too large to open.
Attribute values that are empty are left out, as GEXF allows.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

#: Node colours by group number (Tableau 10), then grey for nodes without a group.
PALETTE: tuple[tuple[int, int, int], ...] = (
    (78, 121, 167), (242, 142, 43), (225, 87, 89), (118, 183, 178), (89, 161, 79),
    (237, 201, 72), (176, 122, 161), (255, 157, 167), (156, 117, 95), (186, 176, 172),
)  # fmt: skip
NO_GROUP = (200, 200, 200)
POSITIVE, NEGATIVE = (33, 102, 172), (178, 24, 43)
GROUP_ATTRIBUTES = ("camp", "coalition")
LAYOUT_SCALE = 100.0  # GEXF units per layout unit (a component of n nodes spans about 2 * sqrt(n) units)
COMPONENT_GAP = 0.6
MIN_SIZE, MAX_SIZE = 4.0, 24.0
MIN_THICKNESS, MAX_THICKNESS = 1.0, 6.0


def drawable(graph, top_edges: int | None = None, seed: int = 1):
    """A copy of ``graph`` ready to write: zero edges dropped, optionally the N strongest kept, viz data set."""

    weights = {(u, v): _signed(d) for u, v, d in graph.edges(data=True)}
    kept = [e for e, w in weights.items() if w != 0]
    if top_edges is not None:
        kept = sorted(kept, key=lambda e: (-abs(weights[e]), str(e[0]), str(e[1])))[: max(top_edges, 0)]
    out = graph.__class__()
    out.graph.update(graph.graph)
    nodes = {n for e in kept for n in e} if top_edges is not None else set(graph.nodes)
    out.add_nodes_from((n, _present(d)) for n, d in graph.nodes(data=True) if n in nodes)
    for u, v in kept:
        data = _present(graph.edges[u, v])
        data.pop("abs_weight", None)
        data["signed_weight"] = weights[u, v]
        data["weight"] = abs(weights[u, v])
        out.add_edge(u, v, **data)
    _add_viz(out, seed)
    return out


def write_gexf(graph, path: Path, top_edges: int | None = None, seed: int = 1) -> Path:
    """Write ``graph`` as GEXF 1.3 with colours, sizes and positions (see the module docstring)."""
    import networkx as nx

    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(drawable(graph, top_edges, seed), path, version="1.3")
    return path


def _signed(data: dict[str, Any]) -> float:
    value = data.get("weight", 0.0)
    return float(value) if isinstance(value, (int, float)) else 0.0


def _present(data: dict[str, Any]) -> dict[str, Any]:
    """Attributes with a value (empty strings and None left out; lists joined with ``;``)."""
    out = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        out[key] = ";".join(map(str, value)) if isinstance(value, (list, tuple, set)) else value
    return out


def _add_viz(graph, seed: int) -> None:

    strength = {n: 0.0 for n in graph.nodes}
    for u, v, data in graph.edges(data=True):
        strength[u] += data["weight"]
        strength[v] += data["weight"]
    strongest = max(strength.values(), default=0.0) or 1.0
    heaviest = max((d["weight"] for _, _, d in graph.edges(data=True)), default=0.0) or 1.0
    layout = _layout(graph, seed)
    groups = _group_colours(graph)
    for node, data in graph.nodes(data=True):
        x, y = layout[node]
        data["viz"] = {
            "color": _rgba(groups.get(node, NO_GROUP)),
            "size": round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(strength[node] / strongest), 3),
            "position": {"x": round(float(x) * LAYOUT_SCALE, 3), "y": round(float(y) * LAYOUT_SCALE, 3), "z": 0.0},
        }
    for _, _, data in graph.edges(data=True):
        data["viz"] = {
            "color": _rgba(POSITIVE if data["signed_weight"] > 0 else NEGATIVE),
            "thickness": round(MIN_THICKNESS + (MAX_THICKNESS - MIN_THICKNESS) * data["weight"] / heaviest, 3),
        }


def _layout(graph, seed: int) -> dict[Any, tuple[float, float]]:
    """Positions: components laid out one by one (spring layout, seeded) and packed in rows, largest first."""
    import networkx as nx

    undirected = graph.to_undirected(as_view=True)
    heaviest = max((d["weight"] for _, _, d in undirected.edges(data=True)), default=0.0) or 1.0
    components = sorted(nx.connected_components(undirected), key=lambda c: (-len(c), min(map(str, c))))
    placed: list[tuple[dict[Any, tuple[float, float]], float]] = []
    for nodes in components:
        radius = math.sqrt(len(nodes)) * (1.5 if len(nodes) > 2 else 1.0)  # room for labels in larger ones
        if len(nodes) == 1:
            placed.append(({next(iter(nodes)): (0.0, 0.0)}, 0.5))
            continue
        sub = nx.Graph()
        sub.add_nodes_from(sorted(nodes, key=str))
        ties = [(u, v, 0.2 + 0.8 * d["weight"] / heaviest) for u, v, d in undirected.subgraph(nodes).edges(data=True)]
        sub.add_weighted_edges_from(sorted(ties, key=lambda e: (str(e[0]), str(e[1]))))
        positions = nx.spring_layout(sub, weight="weight", seed=seed, iterations=100)
        placed.append(({n: (float(x) * radius, float(y) * radius) for n, (x, y) in positions.items()}, radius))
    row_width = max([2 * r for _, r in placed] + [math.sqrt(sum((2 * r + COMPONENT_GAP) ** 2 for _, r in placed))])
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for positions, radius in placed:
        size = 2 * radius + COMPONENT_GAP
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        for node, (px, py) in positions.items():
            out[node] = (x + radius + px, y - radius + py)
        x += size
        row_height = max(row_height, size)
    return out


def _group_colours(graph) -> dict[Any, tuple[int, int, int]]:
    """Node -> colour of its group (the first of ``GROUP_ATTRIBUTES`` the nodes carry); negative groups grey."""
    for attribute in GROUP_ATTRIBUTES:
        values = {n: d[attribute] for n, d in graph.nodes(data=True) if isinstance(d.get(attribute), int)}
        if values:
            return {n: PALETTE[g % len(PALETTE)] if g >= 0 else NO_GROUP for n, g in values.items()}
    return {}


def _rgba(colour: tuple[int, int, int]) -> dict[str, float]:
    r, g, b = colour
    return {"r": r, "g": g, "b": b, "a": 1.0}
