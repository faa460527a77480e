"""Hand-built inline SVG: a diverging bar chart of a dyad's quad classes and a network drawing."""

from __future__ import annotations

import math
from html import escape

from powermap.analyse.dyads import DyadPoint
from powermap.analyse.network import Edge, Node

#: Quad class colours: cooperation in blues above the axis, conflict in reds below.
QUAD_COLOURS = {
    "verbal_cooperation": "#74a9cf",
    "material_cooperation": "#0570b0",
    "verbal_conflict": "#fc8d59",
    "material_conflict": "#d7301f",
}
CAMP_COLOURS = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#1f78b4")


def dyad_chart(points: list[DyadPoint], width: int = 720, height: int = 220) -> str:
    """Cooperation counts stacked up, conflict counts stacked down, the Goldstein sum as a line."""
    if not points:
        return '<p class="empty">No events.</p>'
    left, right, top, bottom = 40, 10, 10, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    up = max(p.verbal_cooperation + p.material_cooperation for p in points)
    down = max(p.verbal_conflict + p.material_conflict for p in points)
    span = max(up + down, 1)
    zero = top + plot_h * up / span
    scale = plot_h / span
    slot = plot_w / len(points)
    bar = max(1.0, slot * 0.8)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="chart">']
    parts.append(f'<line x1="{left}" y1="{zero:.1f}" x2="{width - right}" y2="{zero:.1f}" stroke="#555"/>')
    parts.append(f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" class="tick">{up}</text>')
    parts.append(
        f'<text x="{left - 4}" y="{top + plot_h}" text-anchor="end" class="tick">{-down if down else 0}</text>'
    )
    for i, p in enumerate(points):
        x = left + i * slot + (slot - bar) / 2
        y_up, y_down = zero, zero
        tip = (
            f"{p.period}: {p.verbal_cooperation} verbal / {p.material_cooperation} material cooperation, "
            f"{p.verbal_conflict} verbal / {p.material_conflict} material conflict, Goldstein {p.goldstein:.1f}, "
            f"{len(p.documents)} documents"
        )
        parts.append(f"<g><title>{escape(tip)}</title>")
        for name in ("verbal_cooperation", "material_cooperation"):
            h = getattr(p, name) * scale
            y_up -= h
            if h:
                parts.append(_rect(x, y_up, bar, h, QUAD_COLOURS[name]))
        for name in ("verbal_conflict", "material_conflict"):
            h = getattr(p, name) * scale
            if h:
                parts.append(_rect(x, y_down, bar, h, QUAD_COLOURS[name]))
            y_down += h
        parts.append("</g>")
    top_g = max(abs(p.goldstein) for p in points) or 1.0
    half = min(zero - top, top + plot_h - zero) or plot_h / 2
    line = " ".join(
        f"{left + (i + 0.5) * slot:.1f},{min(top + plot_h, max(top, zero - p.goldstein / top_g * half)):.1f}"
        for i, p in enumerate(points)
    )
    parts.append(
        f'<polyline points="{line}" fill="none" stroke="#222" stroke-width="1.5"><title>Goldstein sum '
        f"(max |{top_g:.1f}|)</title></polyline>"
    )
    every = max(1, math.ceil(len(points) / 12))
    for i, p in enumerate(points):
        if i % every == 0:
            parts.append(
                f'<text x="{left + (i + 0.5) * slot:.1f}" y="{height - 10}" text-anchor="middle" '
                f'class="tick">{escape(p.period)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def network_drawing(nodes: list[Node], edges: list[Edge], width: int = 720, height: int = 560, seed: int = 1) -> str:
    """Nodes coloured by camp and sized by strength; green edges cooperate, red edges conflict."""
    if not nodes:
        return '<p class="empty">No network.</p>'
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    graph.add_weighted_edges_from((e.source, e.target, abs(e.weight) + 1e-6) for e in edges)
    pos = nx.spring_layout(graph, weight="weight", seed=seed, iterations=60)
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    pad = 40

    def place(node: str) -> tuple[float, float]:
        x, y = pos[node]
        fx = (x - min(xs)) / ((max(xs) - min(xs)) or 1)
        fy = (y - min(ys)) / ((max(ys) - min(ys)) or 1)
        return pad + fx * (width - 2 * pad), pad + fy * (height - 2 * pad)

    top_w = max((abs(e.weight) for e in edges), default=1.0) or 1.0
    top_s = max(n.strength for n in nodes) or 1.0
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" class="network">']
    for e in edges:
        (x1, y1), (x2, y2) = place(e.source), place(e.target)
        colour = "#2ca25f" if e.weight >= 0 else "#de2d26"
        w = 0.5 + 4 * abs(e.weight) / top_w
        tip = f"{e.source} – {e.target}: weight {e.weight:.2f}, {e.events} events"
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{w:.2f}" stroke-opacity="0.6"><title>{escape(tip)}</title></line>'
        )
    for n in nodes:
        x, y = place(n.id)
        r = 4 + 14 * math.sqrt(n.strength / top_s)
        colour = CAMP_COLOURS[n.camp % len(CAMP_COLOURS)]
        ring = ' stroke="#000" stroke-width="2"' if n.bridge else ' stroke="#fff"'
        tip = f"{n.name} ({n.type}), camp {n.camp}, participation {n.participation:.2f}" + (
            " — bridge" if n.bridge else ""
        )
        circle = f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{colour}"{ring}/>'
        text = f'<text x="{x:.1f}" y="{y - r - 2:.1f}" text-anchor="middle" class="label">{escape(n.name)}</text>'
        parts.append(f"<g><title>{escape(tip)}</title>{circle}{text}</g>")
    parts.append("</svg>")
    return "".join(parts)


def _rect(x: float, y: float, w: float, h: float, fill: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{fill}"/>'
