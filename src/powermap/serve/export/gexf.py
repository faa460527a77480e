"""GEXF writer (Gephi): a networkx graph with node and edge attributes."""

from __future__ import annotations

from pathlib import Path


def write_gexf(graph, path: Path) -> Path:
    """Write a networkx graph; None attributes must already be replaced (``Network.to_networkx`` does)."""
    import networkx as nx

    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(graph, path)
    return path
