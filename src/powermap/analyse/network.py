"""The relation network: actors as nodes, signed weighted edges from events, camps and bridges.

Edge weight: each counting event (see ``analyse.events``) adds ``sign × decay`` to the
edge between its source and target, where

- ``sign`` is the event's Goldstein score divided by 10 (``weighting="goldstein"``: from
  -1, military attack, to +1, extend military aid), or +1 for quad classes 1-2 and -1 for
  quad classes 3-4 (``weighting="count"``);
- ``decay = 0.5 ** (age_days / half_life_days)``: an event ``half_life_days`` (default
  365) older than the reference date counts half. The reference date is the one the caller
  chooses (``reference``), else the end of the period asked for (the filter's ``until``);
  with neither there is no decay, never a reference taken silently from the newest document
  (one late article would make everything before it weigh next to nothing).
  ``half_life_days=None`` switches decay off.

Events dated to history (``periods.historical_event_ids``: *the coup of 1969* in a 2019
article) are left out unless ``include_history``: they are not news of the period.

``cooperation`` and ``conflict`` on an edge keep the positive and the negative parts apart
(both as positive numbers); ``weight = cooperation - conflict``. Edges are undirected
unless ``directed``.

Camps are signed communities (``analyse.communities``): cooperation inside, conflict
between. A node's ``participation`` (0-1) says how evenly its ties spread over camps;
``betweenness`` is computed over cooperative (positive) ties only, with distance
1/weight: it says who lies on the cooperative paths between others. ``bridge`` marks nodes
with participation >= 0.5, ties to at least two camps, and betweenness above the median:
the go-betweens.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from statistics import median
from typing import Any, Literal

from powermap.analyse import periods
from powermap.analyse.actors import load_actors
from powermap.analyse.communities import participation, signed_communities
from powermap.analyse.events import EventFilter, EventSelection, load_events

Weighting = Literal["goldstein", "count"]
DEFAULT_HALF_LIFE = 365.0
BRIDGE_PARTICIPATION = 0.5


@dataclass
class Edge:
    source: str
    target: str
    weight: float
    cooperation: float
    conflict: float
    events: int
    documents: int
    first: str
    last: str


@dataclass
class Node:
    id: str
    name: str
    type: str
    country: str | None
    code: str | None
    camp: int
    events: int
    degree: int
    strength: float
    cooperation: float
    conflict: float
    betweenness: float
    participation: float
    bridge: bool


@dataclass
class Camp:
    """One signed community, with a readable label (its three strongest members)."""

    id: int
    label: str
    size: int
    members: list[str]
    cooperation_inside: float
    conflict_inside: float
    cooperation_outside: float
    conflict_outside: float


@dataclass
class Network:
    nodes: list[Node]
    edges: list[Edge]
    camps: list[Camp]
    reference: str | None
    half_life_days: float | None
    weighting: str
    directed: bool
    undated: int = 0
    params: dict[str, Any] = field(default_factory=dict)

    def to_networkx(self):
        """A networkx (Di)Graph with every node and edge field as an attribute (None -> "")."""
        import networkx as nx

        graph = nx.DiGraph() if self.directed else nx.Graph()
        for node in self.nodes:
            attrs = {k: ("" if v is None else v) for k, v in node.__dict__.items() if k != "id"}
            graph.add_node(node.id, label=node.name, **attrs)
        for edge in self.edges:
            attrs = {k: v for k, v in edge.__dict__.items() if k not in ("source", "target")}
            graph.add_edge(edge.source, edge.target, abs_weight=abs(edge.weight), **attrs)
        return graph


def build_network(
    conn: sqlite3.Connection,
    flt: EventFilter | None = None,
    half_life_days: float | None = DEFAULT_HALF_LIFE,
    weighting: Weighting = "goldstein",
    directed: bool = False,
    min_events: int = 1,
    seed: int = 1,
    selection: EventSelection | None = None,
    reference: date | None = None,
    include_history: bool = False,
    centralities: bool = True,
) -> Network:
    """Build the relation network from the events that count under ``flt``.

    Args:
        conn: a connection to the store.
        flt: period, actor type, outlet and modality filters (``analyse.events.EventFilter``).
        half_life_days: recency half-life in days; None for no decay.
        weighting: ``goldstein`` (Goldstein/10 per event) or ``count`` (+1 cooperation, -1 conflict).
        directed: keep source -> target direction (camps are computed on the undirected sum).
        min_events: drop edges backed by fewer events.
        seed: random seed of the community detection.
        selection: events already loaded under ``flt`` (a report reuses one load).
        reference: the day recency is measured from; default the filter's ``until``, else no decay.
        include_history: count events dated to history too (or: ``selection`` has them left out already).
        centralities: compute betweenness (and so ``bridge``); without, every node's betweenness is 0.0
            and none is a bridge (camps need neither: ``changes_camps``).
    """
    flt = flt or EventFilter()
    if selection is None:
        selection = load_events(conn, flt)
    events = selection.events
    historical = 0
    if not include_history and events:
        past = periods.historical_event_ids(conn, flt.since, flt.until)  # only those of the span
        kept = [e for e in events if e.id not in past]
        historical, events = len(events) - len(kept), kept
    reference = reference or flt.until
    acc: dict[tuple[str, str], dict[str, Any]] = {}
    for event in events:
        key = (event.source, event.target) if directed else _unordered(event.source, event.target)
        sign = event.goldstein / 10.0 if weighting == "goldstein" else (1.0 if (event.quad_class or 0) <= 2 else -1.0)
        value = sign * _decay(event.day, reference, half_life_days)
        slot = acc.setdefault(key, {"coop": 0.0, "conf": 0.0, "events": 0, "docs": set(), "days": []})
        slot["coop" if value >= 0 else "conf"] += abs(value)
        slot["events"] += 1
        slot["docs"].add(event.doc_id)
        slot["days"].append(event.day)
    edges = [
        Edge(
            u,
            v,
            round(s["coop"] - s["conf"], 6),
            round(s["coop"], 6),
            round(s["conf"], 6),
            s["events"],
            len(s["docs"]),
            min(s["days"]).isoformat(),
            max(s["days"]).isoformat(),
        )
        for (u, v), s in sorted(acc.items())
        if s["events"] >= min_events
    ]
    nodes, camps = _describe(conn, edges, seed, centralities)
    params = {
        "since": _iso(flt.since),
        "until": _iso(flt.until),
        "min_events": min_events,
        "modalities": sorted(flt.modalities),
        "include_negated": flt.include_negated,
        "actor_types": sorted(flt.actor_types) if flt.actor_types else None,
        "outlets": sorted(flt.outlets) if flt.outlets else None,
        "decay": "off" if not half_life_days or reference is None else f"half-life {half_life_days:g} days",
        "historical_left_out": historical,
    }
    half_life = half_life_days if reference is not None else None
    return Network(nodes, edges, camps, _iso(reference), half_life, weighting, directed, selection.undated, params)


def _unordered(a: str, b: str) -> tuple[str, str]:
    """An undirected pair in a fixed order."""
    return (a, b) if a <= b else (b, a)


@dataclass
class _NodeTally:
    """One node's running totals over its edges."""

    events: int = 0
    neighbours: set[str] = field(default_factory=set)
    cooperation: float = 0.0
    conflict: float = 0.0


def _decay(day: date, reference: date | None, half_life: float | None) -> float:
    if not half_life or reference is None:
        return 1.0
    return 0.5 ** (max(0, (reference - day).days) / half_life)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _describe(
    conn: sqlite3.Connection, edges: list[Edge], seed: int, centralities: bool = True
) -> tuple[list[Node], list[Camp]]:
    """Nodes with centralities and camps, from the edge list."""
    undirected: dict[tuple[str, str], float] = {}
    for e in edges:
        key = _unordered(e.source, e.target)
        undirected[key] = undirected.get(key, 0.0) + e.weight
    names = sorted({n for e in edges for n in (e.source, e.target)})
    triples = [(u, v, w) for (u, v), w in undirected.items() if w != 0]
    groups = signed_communities(names, triples, seed=seed)
    part = participation(names, triples, groups)
    positive = [t for t in triples if t[2] > 0]
    between = _betweenness(names, positive) if centralities else dict.fromkeys(names, 0.0)
    stats = {n: _NodeTally() for n in names}
    for e in edges:
        for me, other in ((e.source, e.target), (e.target, e.source)):
            s = stats[me]
            s.events += e.events
            s.neighbours.add(other)
            s.cooperation += e.cooperation
            s.conflict += e.conflict
    mid = median(between.values()) if between else 0.0
    actors = load_actors(conn)
    nodes = []
    for n in names:
        info, s = actors.get(n), stats[n]
        camps_touched = {groups[o] for o in s.neighbours} | {groups[n]}
        nodes.append(
            Node(
                n,
                info.name if info else n,
                info.type if info else "",
                info.country if info else None,
                info.code if info else None,
                groups[n],
                s.events,
                len(s.neighbours),
                round(s.cooperation + s.conflict, 6),
                round(s.cooperation, 6),
                round(s.conflict, 6),
                between[n],
                part[n],
                part[n] >= BRIDGE_PARTICIPATION and len(camps_touched) >= 2 and between[n] > mid,
            )
        )
    nodes.sort(key=lambda x: (-x.strength, x.id))
    return nodes, _camps(nodes, triples, groups)


def _camps(nodes: list[Node], triples: list[tuple[str, str, float]], groups: dict[str, int]) -> list[Camp]:
    out = []
    for camp_id in sorted(set(groups.values())):
        members = [n for n in nodes if n.camp == camp_id]  # nodes are sorted by strength
        inside = [w for u, v, w in triples if groups[u] == camp_id and groups[v] == camp_id]
        outside = [w for u, v, w in triples if (groups[u] == camp_id) != (groups[v] == camp_id)]
        out.append(
            Camp(
                camp_id,
                ", ".join(m.name for m in members[:3]) + (" …" if len(members) > 3 else ""),
                len(members),
                [m.id for m in members],
                round(sum(w for w in inside if w > 0), 6),
                round(-sum(w for w in inside if w < 0), 6),
                round(sum(w for w in outside if w > 0), 6),
                round(-sum(w for w in outside if w < 0), 6),
            )
        )
    return out


#: exact betweenness up to this many nodes; above it, estimated from this many sampled sources (seeded)
BETWEENNESS_EXACT_UP_TO = 300


def _betweenness(names: list[str], triples: list[tuple[str, str, float]]) -> dict[str, float]:
    """Normalised betweenness over cooperative ties, with distance 1/weight (strong ties are short)."""
    if len(names) < 3:
        return dict.fromkeys(names, 0.0)
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(names)
    graph.add_weighted_edges_from((u, v, 1.0 / abs(w)) for u, v, w in triples)
    k = None if len(names) <= BETWEENNESS_EXACT_UP_TO else BETWEENNESS_EXACT_UP_TO
    values = nx.betweenness_centrality(graph, k=k, weight="weight", normalized=True, seed=1)
    return {n: round(values[n], 6) for n in names}
