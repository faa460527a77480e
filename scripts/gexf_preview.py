"""Draw a GEXF file as a viewer would on opening it: an HTML page with one SVG, from the file's own viz data.

Nodes sit at their ``viz:position`` with their ``viz:color`` and ``viz:size``; edges take their
``viz:color`` and ``viz:thickness``; the largest nodes are labelled. Nothing is laid out here:
what you see is what the export precomputed. Used for the screenshot in docs/exports.md::

    python scripts/gexf_preview.py net.gexf /tmp/net.html --labels 25
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \\
        --disable-component-update --disable-sync --no-first-run \\
        --window-size=1400,1000 --screenshot=docs/network-export.png file:///tmp/net.html
"""

from __future__ import annotations

import argparse
import html
import xml.etree.ElementTree as ET
from pathlib import Path

GEXF = "{http://gexf.net/1.3}"
VIZ = "{http://gexf.net/1.3/viz}"
WIDTH, HEIGHT, MARGIN = 1400, 1000, 60


def _colour(element: ET.Element, default: str = "rgb(150,150,150)") -> str:
    colour = element.find(f"{VIZ}color")
    if colour is None:
        return default
    return f"rgba({colour.get('r')},{colour.get('g')},{colour.get('b')},{colour.get('a', '1')})"


def render(path: Path, labels: int, title: str) -> str:
    root = ET.parse(path).getroot()
    nodes = {}
    for node in root.iter(f"{GEXF}node"):
        position = node.find(f"{VIZ}position")
        size = node.find(f"{VIZ}size")
        if position is None:
            continue
        nodes[node.get("id")] = (
            float(position.get("x")), float(position.get("y")), float(size.get("value")) if size is not None else 4.0,
            _colour(node), node.get("label") or node.get("id"),
        )  # fmt: skip
    xs, ys = [n[0] for n in nodes.values()] or [0.0], [n[1] for n in nodes.values()] or [0.0]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    scale = min(WIDTH, HEIGHT - 80) / span * 0.9

    def place(x: float, y: float) -> tuple[float, float]:
        return (MARGIN + (x - min(xs)) * scale, 80 + (max(ys) - y) * scale)  # GEXF y points up

    parts = []
    for edge in root.iter(f"{GEXF}edge"):
        a, b = nodes.get(edge.get("source")), nodes.get(edge.get("target"))
        if a is None or b is None:
            continue
        (x1, y1), (x2, y2) = place(a[0], a[1]), place(b[0], b[1])
        thickness = edge.find(f"{VIZ}thickness")
        width = float(thickness.get("value")) if thickness is not None else 1.0
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{_colour(edge)}" '
            f'stroke-opacity="0.45" stroke-width="{width * 0.6:.2f}"/>'
        )
    ordered = sorted(nodes.values(), key=lambda n: n[2])
    for x, y, size, colour, _ in ordered:
        cx, cy = place(x, y)
        parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size * 0.7:.1f}" fill="{colour}" stroke="#333" '
                     'stroke-width="0.6"/>')  # fmt: skip
    for x, y, size, _, label in ordered[-labels:]:
        cx, cy = place(x, y)
        parts.append(f'<text x="{cx + size * 0.7 + 3:.1f}" y="{cy + 4:.1f}">{html.escape(label)}</text>')
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH + 2 * MARGIN}" height="{HEIGHT + 40}">'
        f'<text x="{MARGIN}" y="40" class="title">{html.escape(title)}</text>' + "".join(parts) + "</svg>"
    )
    style = (
        "body{margin:0;background:#fff;font-family:DejaVu Sans,Arial,sans-serif}"
        "text{font-size:13px;fill:#222;paint-order:stroke;stroke:#fff;stroke-width:3px}"
        ".title{font-size:20px;font-weight:bold}"
    )
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{style}</style></head><body>{svg}</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gexf", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--labels", type=int, default=25, help="label this many of the largest nodes")
    parser.add_argument("--title", default="")
    args = parser.parse_args()
    args.out.write_text(render(args.gexf, args.labels, args.title or args.gexf.name), encoding="utf-8")


if __name__ == "__main__":
    main()
