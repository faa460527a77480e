"""Actors that changed camp (event network) or coalition (discourse network) between two windows.

Group numbers of two separate community detections mean nothing to each other, so the
groups are matched first: over the actors present in both windows, the pair of groups that
share the most members is matched, then the next pair among the groups left, and so on
(greedy maximum overlap). An actor *moved* when its group in the second window is not the
match of its group in the first, and its own ties moved with it: in the first window its
ties to the partners it left weigh at least as much as those to the partners it joined, in
the second window those to the partners it joined weigh more (tie weights: the network's
signed edge weights, the discourse network's congruence minus conflict). So an actor is
not reported for a reshuffle of the partition its ties do not show. Only actors active
enough in both windows (``min_activity`` events or statements in each) are reported: a camp
read from one event is not a camp. Each move lists the partners it left and the ones it
joined (actors present in both windows).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from powermap.analyse.actors import load_actors
from powermap.analyse.communities import capped_communities
from powermap.analyse.discourse import Statement, actor_ties, load_statements
from powermap.analyse.events import EventFilter, EventRow, EventSelection
from powermap.analyse.network import build_network
from powermap.analyse.periods import Window


@dataclass
class Grouping:
    """One window's groups: actor -> group, group labels, and each actor's activity."""

    groups: dict[str, int]
    labels: dict[int, str]
    activity: dict[str, int]
    ties: dict[str, dict[str, float]] = field(default_factory=dict)

    def weight(self, actor: str, others: set[str]) -> float:
        """The summed signed weight of ``actor``'s ties to ``others``."""
        mine = self.ties.get(actor, {})
        return sum(mine.get(o, 0.0) for o in others)


def _ties(triples: list[tuple[str, str, float]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for a, b, w in triples:
        out.setdefault(a, {})[b] = out.get(a, {}).get(b, 0.0) + w
        out.setdefault(b, {})[a] = out.get(b, {}).get(a, 0.0) + w
    return out


def network_grouping(
    conn: sqlite3.Connection, flt: EventFilter, window: Window, seed: int = 1, events: list[EventRow] | None = None
) -> Grouping:
    """Camps of the window's event network (no recency decay inside a window; history left out).
    ``events``: the counted events of a span holding the window, history left out, when loaded already.
    Betweenness is not computed: camps need only the communities and the ties."""
    selection = EventSelection([e for e in events if window.contains(e.day)]) if events is not None else None
    net = build_network(
        conn,
        replace(flt, since=window.start, until=window.end),
        half_life_days=None,
        seed=seed,
        selection=selection,
        include_history=selection is not None,  # left out of ``events`` already
        centralities=False,
    )
    return Grouping(
        {n.id: n.camp for n in net.nodes},
        {c.id: c.label for c in net.camps},
        {n.id: n.events for n in net.nodes},
        _ties([(e.source, e.target, e.weight) for e in net.edges]),
    )


def discourse_grouping(
    conn: sqlite3.Connection,
    window: Window,
    concepts: dict[str, str] | None = None,
    seed: int = 1,
    statements: list[Statement] | None = None,
) -> Grouping:
    """Coalitions of the window's discourse network (``analyse.discourse``: the same ties,
    communities and labels as ``discourse(conn, concepts, since=window.start, until=window.end)``).
    ``statements``: those of a span holding the window (``load_statements``), when loaded already."""
    if statements is None:
        statements = load_statements(conn, concepts, since=window.start, until=window.end)
    else:
        statements = [s for s in statements if s.day is not None and window.contains(s.day)]
    ties = actor_ties(statements)
    actors = sorted({s.actor for s in statements})
    groups = capped_communities(actors, [(t.a, t.b, t.subtract) for t in ties if t.subtract], seed=seed)
    activity: Counter[str] = Counter(s.actor for s in statements)
    return Grouping(
        groups, _labels(conn, groups, activity), dict(activity), _ties([(t.a, t.b, t.subtract) for t in ties])
    )


def _labels(conn: sqlite3.Connection, groups: dict[str, int], activity: Counter[str]) -> dict[int, str]:
    """Each coalition's label as ``discourse.coalitions`` writes it: its three most active members."""
    names = {a.id: a.name for a in load_actors(conn).values()}
    members: dict[int, list[str]] = {}
    for actor in sorted(groups, key=lambda a: (-activity[a], a)):
        members.setdefault(groups[actor], []).append(actor)
    return {
        gid: ", ".join(names.get(m, m) for m in ranked[:3]) + (" …" if len(ranked) > 3 else "")
        for gid, ranked in members.items()
    }


def match_groups(before: dict[str, int], after: dict[str, int]) -> dict[int, int]:
    """Before-group -> after-group, greedily by the number of shared actors."""
    common = set(before) & set(after)
    overlap = Counter((before[a], after[a]) for a in common)
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for (g_before, g_after), _n in sorted(overlap.items(), key=lambda kv: (-kv[1], kv[0])):
        if g_before not in matched and g_after not in taken:
            matched[g_before] = g_after
            taken.add(g_after)
    return matched


def moves(
    before: Grouping, after: Grouping, names: dict[str, str], min_activity: int = 2, limit: int = 20
) -> list[dict[str, Any]]:
    """The actors that moved (module docstring), most active first."""
    matched = match_groups(before.groups, after.groups)
    common = set(before.groups) & set(after.groups)
    out: list[dict[str, Any]] = []
    for actor in common:
        if min(before.activity.get(actor, 0), after.activity.get(actor, 0)) < min_activity:
            continue
        g_before, g_after = before.groups[actor], after.groups[actor]
        if matched.get(g_before) == g_after:
            continue
        was = {o for o in common if o != actor and before.groups[o] == g_before}
        now = {o for o in common if o != actor and after.groups[o] == g_after}
        left, joined = was - now, now - was
        if not (
            before.weight(actor, left) >= before.weight(actor, joined)
            and after.weight(actor, joined) > after.weight(actor, left)
        ):
            continue  # the partition moved, the actor's own ties did not
        out.append(
            {
                "actor": actor,
                "name": names.get(actor, actor),
                "before": {
                    "group": g_before,
                    "label": before.labels.get(g_before, ""),
                    "activity": before.activity[actor],
                },
                "after": {"group": g_after, "label": after.labels.get(g_after, ""), "activity": after.activity[actor]},
                "left": _named(sorted(left, key=lambda o: (-before.activity.get(o, 0), o))[:8], names),
                "joined": _named(sorted(joined, key=lambda o: (-after.activity.get(o, 0), o))[:8], names),
            }
        )
    out.sort(key=lambda m: (-(m["before"]["activity"] + m["after"]["activity"]), m["actor"]))
    return out[:limit]


def _named(actors: list[str], names: dict[str, str]) -> list[dict[str, str]]:
    return [{"actor": o, "name": names.get(o, o)} for o in actors]
