"""GraphML writer (Cytoscape, visone, yEd, igraph): a networkx graph with typed attributes."""

from __future__ import annotations

from pathlib import Path


def write_graphml(graph, path: Path) -> Path:
    """Write a networkx graph as GraphML (attribute types are declared from the values)."""
    import networkx as nx

    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(graph, path)
    return path
