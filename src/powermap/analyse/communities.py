"""Community detection on signed, weighted graphs: positive ties inside groups, negative between.

With python-igraph and leidenalg installed (the default dependencies) this is the Leiden
algorithm optimising modularity on the positive layer minus modularity on the negative
layer (Traag & Bruggeman 2009, as ``leidenalg``'s multiplex optimiser does it). Without
them it falls back to networkx's Louvain on the positive ties only. Either way the result
is deterministic for a given ``seed`` and groups are numbered by size, largest first.
"""

from __future__ import annotations

from collections import Counter


def signed_communities(
    nodes: list[str], edges: list[tuple[str, str, float]], seed: int = 1, resolution: float = 1.0
) -> dict[str, int]:
    """Node -> group number (0 = largest group) for an undirected signed weighted graph."""
    if not nodes:
        return {}
    try:
        raw = _leiden(nodes, edges, seed, resolution)
    except ImportError:
        raw = _louvain(nodes, edges, seed, resolution)
    sizes = Counter(raw.values())
    first_seen = {}
    for node in sorted(nodes):
        first_seen.setdefault(raw[node], node)
    order = sorted(sizes, key=lambda c: (-sizes[c], first_seen[c]))
    renumber = {c: i for i, c in enumerate(order)}
    return {node: renumber[raw[node]] for node in nodes}


def _leiden(nodes: list[str], edges: list[tuple[str, str, float]], seed: int, resolution: float) -> dict[str, int]:
    import igraph as ig
    import leidenalg as la

    index = {n: i for i, n in enumerate(nodes)}
    layers = []
    for sign in (1, -1):
        chosen = [(index[u], index[v], abs(w)) for u, v, w in edges if w * sign > 0]
        graph = ig.Graph(n=len(nodes), edges=[(u, v) for u, v, _ in chosen])
        graph.es["weight"] = [w for _, _, w in chosen]
        layers.append(graph)
    positive, negative = layers
    if positive.ecount() == 0:
        return {n: i for i, n in enumerate(nodes)}
    optimiser = la.Optimiser()
    optimiser.set_rng_seed(seed)
    part_pos = la.RBConfigurationVertexPartition(positive, weights="weight", resolution_parameter=resolution)
    if negative.ecount() == 0:
        optimiser.optimise_partition(part_pos, n_iterations=-1)
    else:
        part_neg = la.RBConfigurationVertexPartition(negative, weights="weight", resolution_parameter=resolution)
        optimiser.optimise_partition_multiplex([part_pos, part_neg], layer_weights=[1, -1], n_iterations=-1)
    return {n: part_pos.membership[i] for n, i in index.items()}


def _louvain(nodes: list[str], edges: list[tuple[str, str, float]], seed: int, resolution: float) -> dict[str, int]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from((u, v, w) for u, v, w in edges if w > 0)
    groups = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    return {node: i for i, group in enumerate(groups) for node in group}


def participation(nodes: list[str], edges: list[tuple[str, str, float]], groups: dict[str, int]) -> dict[str, float]:
    """Guimerà-Amaral participation coefficient on |weight|: 0 all ties in one group, near 1 spread evenly."""
    per_group: dict[str, Counter] = {n: Counter() for n in nodes}
    for u, v, w in edges:
        per_group[u][groups[v]] += abs(w)
        per_group[v][groups[u]] += abs(w)
    out = {}
    for node, counts in per_group.items():
        total = sum(counts.values())
        out[node] = round(1.0 - sum((c / total) ** 2 for c in counts.values()), 4) if total else 0.0
    return out
