"""A structural check of GEXF 1.3 files with lxml, written from the GEXF 1.3 specification.

The 1.3 XSD is not on this machine nor on PyPI as a package, so this checks what the schema
requires of the parts powermap writes: the namespaces and version, one ``graph`` with valid
``defaultedgetype`` and ``mode``, declared attributes (class, id, title, a 1.3 type), unique
node and edge ids, edges between declared nodes with numeric weights, ``attvalue``s that
refer to a declared attribute and parse as its type, and ``viz`` elements with their
required attributes in range (colour 0-255 and alpha 0-1, numeric positions, sizes and
thicknesses of at least 0). It returns the problems found (an empty list for a valid file).
"""

from __future__ import annotations

from pathlib import Path

GEXF = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"
TYPES = {"integer", "long", "float", "double", "boolean", "string", "liststring", "anyURI", "date",
         "listinteger", "listlong", "listfloat", "listdouble", "listboolean", "bigdecimal", "biginteger",
         "char", "short", "byte", "listchar", "listshort", "listbyte", "listbigdecimal", "listbiginteger"}  # fmt: skip
NODE_CHILDREN = {f"{{{GEXF}}}{t}" for t in ("attvalues", "spells", "nodes", "edges", "parents")} | {
    f"{{{VIZ}}}{t}" for t in ("color", "position", "size", "shape")
}
EDGE_CHILDREN = {f"{{{GEXF}}}{t}" for t in ("attvalues", "spells")} | {
    f"{{{VIZ}}}{t}" for t in ("color", "thickness", "shape")
}
NODE_ATTRIBUTES = {"id", "label", "pid", "start", "end", "startopen", "endopen"}
EDGE_ATTRIBUTES = {"id", "source", "target", "weight", "type", "label", "kind", "start", "end", "startopen", "endopen"}


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _parses(value: str, kind: str) -> bool:
    if kind in ("integer", "long", "short", "byte", "biginteger"):
        return value.lstrip("-").isdigit()
    if kind in ("float", "double", "bigdecimal"):
        return _number(value) is not None
    if kind == "boolean":
        return value in ("true", "false", "1", "0")
    return True


def problems(path: Path) -> list[str]:
    from lxml import etree

    out: list[str] = []
    root = etree.parse(str(path)).getroot()
    if root.tag != f"{{{GEXF}}}gexf":
        return [f"root is {root.tag}, not gexf in {GEXF}"]
    if root.get("version") != "1.3":
        out.append(f"version {root.get('version')!r}, not '1.3'")
    graphs = root.findall(f"{{{GEXF}}}graph")
    if len(graphs) != 1:
        return [*out, f"{len(graphs)} graph elements"]
    graph = graphs[0]
    if graph.get("defaultedgetype", "undirected") not in ("directed", "undirected", "mutual"):
        out.append(f"defaultedgetype {graph.get('defaultedgetype')!r}")
    if graph.get("mode", "static") not in ("static", "dynamic"):
        out.append(f"mode {graph.get('mode')!r}")
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for attributes in graph.findall(f"{{{GEXF}}}attributes"):
        klass = attributes.get("class")
        if klass not in declared:
            out.append(f"attributes class {klass!r}")
            continue
        for attribute in attributes.findall(f"{{{GEXF}}}attribute"):
            if not attribute.get("id") or not attribute.get("title"):
                out.append("attribute without id or title")
            if attribute.get("type") not in TYPES:
                out.append(f"attribute type {attribute.get('type')!r}")
            declared[klass][attribute.get("id")] = attribute.get("type")
    nodes = graph.findall(f"{{{GEXF}}}nodes/{{{GEXF}}}node")
    ids = [n.get("id") for n in nodes]
    if None in ids or len(set(ids)) != len(ids):
        out.append("node ids missing or repeated")
    for node in nodes:
        out += [f"node {node.get('id')}: attribute {a}" for a in node.attrib if a not in NODE_ATTRIBUTES]
        out += [f"node {node.get('id')}: child {c.tag}" for c in node if c.tag not in NODE_CHILDREN]
        out += _attvalues(node, declared["node"]) + _viz(node)
    edges = graph.findall(f"{{{GEXF}}}edges/{{{GEXF}}}edge")
    edge_ids = [e.get("id") for e in edges]
    if len(set(edge_ids)) != len(edge_ids):
        out.append("repeated edge ids")
    known = set(ids)
    for edge in edges:
        name = f"edge {edge.get('source')}-{edge.get('target')}"
        if edge.get("source") not in known or edge.get("target") not in known:
            out.append(f"{name}: an end is not a node")
        if edge.get("weight") is not None and _number(edge.get("weight")) is None:
            out.append(f"{name}: weight {edge.get('weight')!r}")
        if edge.get("type", "undirected") not in ("directed", "undirected", "mutual"):
            out.append(f"{name}: type {edge.get('type')!r}")
        out += [f"{name}: attribute {a}" for a in edge.attrib if a not in EDGE_ATTRIBUTES]
        out += [f"{name}: child {c.tag}" for c in edge if c.tag not in EDGE_CHILDREN]
        out += _attvalues(edge, declared["edge"]) + _viz(edge)
    return out


def _attvalues(element, declared: dict[str, str]) -> list[str]:
    out = []
    for value in element.findall(f"{{{GEXF}}}attvalues/{{{GEXF}}}attvalue"):
        kind = declared.get(value.get("for"))
        if kind is None:
            out.append(f"attvalue for undeclared attribute {value.get('for')!r}")
        elif value.get("value") is None or not _parses(value.get("value"), kind):
            out.append(f"attvalue {value.get('value')!r} is not a {kind}")
    return out


def _viz(element) -> list[str]:
    out = []
    for color in element.findall(f"{{{VIZ}}}color"):
        channels = [_number(color.get(c)) for c in ("r", "g", "b")]
        if any(c is None or not (0 <= c <= 255) or c != int(c) for c in channels):
            out.append(f"viz:color {dict(color.attrib)}")
        alpha = _number(color.get("a", "1"))
        if alpha is None or not 0 <= alpha <= 1:
            out.append(f"viz:color alpha {color.get('a')!r}")
    for position in element.findall(f"{{{VIZ}}}position"):
        if any(_number(position.get(c, "0")) is None for c in ("x", "y", "z")) or position.get("x") is None:
            out.append(f"viz:position {dict(position.attrib)}")
    for tag in ("size", "thickness"):
        for item in element.findall(f"{{{VIZ}}}{tag}"):
            value = _number(item.get("value"))
            if value is None or value < 0:
                out.append(f"viz:{tag} {item.get('value')!r}")
    return out
