"""Community detection on signed, weighted graphs: positive ties inside groups, negative between.

Two steps, both deterministic for a given ``seed``:

1. networkx's Louvain (``louvain_communities``, BSD) on the positive ties;
2. local moving on the signed objective of Traag & Bruggeman (2009), modularity on the
   positive layer minus modularity on the negative layer: nodes are visited in sorted order
   and each moves to the neighbouring group it has net positive ties to (or a group of its
   own) that raises ``Q+ - Q-`` most, until no move helps. So two actors with only a negative tie end up
   apart even when Louvain, blind to negative ties, put them together.

Groups are numbered by size, largest first (ties broken by their first member's id).

``capped_communities`` keeps groups to a size a reader can use: a group of more than
``READABLE`` members that holds ``max_share`` (a third) or more of the nodes is detected again
on its own ties at twice the resolution, and again, until every group is under the cap or
cannot be split further.
"""

from __future__ import annotations

from collections import Counter, defaultdict

MAX_ROUNDS = 50
MAX_SPLITS = 6
READABLE = 10  # a group this small is readable whatever share of the nodes it holds


def signed_communities(
    nodes: list[str], edges: list[tuple[str, str, float]], seed: int = 1, resolution: float = 1.0
) -> dict[str, int]:
    """Node -> group number (0 = largest group) for an undirected signed weighted graph."""
    if not nodes:
        return {}
    raw = _louvain(nodes, edges, seed, resolution)
    raw = _signed_local_moves(nodes, edges, raw, resolution)
    return _renumber(nodes, raw)


def capped_communities(
    nodes: list[str],
    edges: list[tuple[str, str, float]],
    seed: int = 1,
    resolution: float = 1.0,
    max_share: float = 1 / 3,
) -> dict[str, int]:
    """``signed_communities``, with every group under ``max_share`` of the nodes where its own
    ties allow (groups split at doubling resolution); numbered by size, largest first."""
    groups = signed_communities(nodes, edges, seed, resolution)
    cap = max_share * len(nodes)
    for _ in range(MAX_SPLITS):
        sizes = Counter(groups.values())
        big = [g for g, n in sizes.items() if n >= cap and n > READABLE]
        if not big:
            break
        resolution *= 2
        for group in big:
            inside = sorted(n for n in nodes if groups[n] == group)
            members = set(inside)
            parts = signed_communities(
                inside, [e for e in edges if e[0] in members and e[1] in members], seed, resolution
            )
            if len(set(parts.values())) > 1:
                top = max(groups.values()) + 1
                for node, part in parts.items():
                    if part:  # part 0 keeps the group's number
                        groups[node] = top + part
    return _renumber(nodes, groups)


def _renumber(nodes: list[str], groups: dict[str, int]) -> dict[str, int]:
    sizes = Counter(groups.values())
    first_seen: dict[int, str] = {}
    for node in sorted(nodes):
        first_seen.setdefault(groups[node], node)
    order = sorted(sizes, key=lambda c: (-sizes[c], first_seen[c]))
    renumber = {c: i for i, c in enumerate(order)}
    return {node: renumber[groups[node]] for node in nodes}


def _louvain(nodes: list[str], edges: list[tuple[str, str, float]], seed: int, resolution: float) -> dict[str, int]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(sorted(nodes))
    graph.add_weighted_edges_from(sorted((u, v, w) for u, v, w in edges if w > 0 and u != v))
    groups = nx.community.louvain_communities(graph, weight="weight", resolution=resolution, seed=seed)
    groups = sorted((sorted(g) for g in groups), key=lambda g: g[0])
    return {node: i for i, group in enumerate(groups) for node in group}


def _signed_local_moves(
    nodes: list[str], edges: list[tuple[str, str, float]], groups: dict[str, int], resolution: float
) -> dict[str, int]:
    """Move nodes between groups while ``Q+ - Q-`` (configuration-model modularity per sign) rises."""
    ties: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for u, v, w in edges:
        if u != v and w:
            ties[u][v] += w
            ties[v][u] += w
    if not any(w < 0 for u, v, w in edges):
        return dict(groups)
    degree = {sign: {n: sum(abs(w) for w in ties[n].values() if w * sign > 0) for n in nodes} for sign in (1, -1)}
    total = {sign: sum(degree[sign].values()) or 1.0 for sign in (1, -1)}  # 2m per layer
    group_of = dict(groups)
    group_degree: dict[int, defaultdict[int, float]] = {sign: defaultdict(float) for sign in (1, -1)}
    for node in nodes:
        for sign in (1, -1):
            group_degree[sign][group_of[node]] += degree[sign][node]
    spare = max(group_of.values(), default=-1) + 1
    size = Counter(group_of.values())  # members per group, the moving node left out while it moves
    for _ in range(MAX_ROUNDS):
        moved = False
        for node in sorted(nodes):
            here = group_of[node]
            size[here] -= 1
            for sign in (1, -1):
                group_degree[sign][here] -= degree[sign][node]
            links: dict[int, float] = defaultdict(float)
            for other, w in ties[node].items():
                links[group_of[other]] += w

            def gain(group: int, links=links, node=node) -> float:
                expected = sum(
                    sign * resolution * degree[sign][node] * group_degree[sign][group] / total[sign] for sign in (1, -1)
                )
                return links.get(group, 0.0) - expected

            # a node joins only a group it has net positive ties to: the signed objective alone
            # would also seat an actor with only conflicts in a group whose members have many
            # conflicts elsewhere, a coalition a reader could not explain
            candidates = sorted(g for g in {here, *links} if links.get(g, 0.0) > 0)
            best = max(candidates, key=lambda g: (round(gain(g), 12), g == here)) if candidates else here
            if not candidates or gain(best) < 0:  # alone (gain 0) beats the rest
                if size[here] == 0:
                    best = here  # already alone
                else:
                    best, spare = spare, spare + 1
            if best != here:
                moved = True
            group_of[node] = best
            size[best] += 1
            for sign in (1, -1):
                group_degree[sign][best] += degree[sign][node]
        if not moved:
            break
    return group_of


def participation(nodes: list[str], edges: list[tuple[str, str, float]], groups: dict[str, int]) -> dict[str, float]:
    """Guimerà-Amaral participation coefficient on |weight|: 0 all ties in one group, near 1 spread evenly."""
    per_group: dict[str, defaultdict[int, float]] = {n: defaultdict(float) for n in nodes}
    for u, v, w in edges:
        per_group[u][groups[v]] += abs(w)
        per_group[v][groups[u]] += abs(w)
    out = {}
    for node, counts in per_group.items():
        total = sum(counts.values())
        out[node] = round(1.0 - sum((c / total) ** 2 for c in counts.values()), 4) if total else 0.0
    return out
