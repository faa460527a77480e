"""Views of actors in relation to each other: the actor page, the network and the corpus timeline."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import Query

from powermap.analyse import periods
from powermap.analyse.events import EventFilter
from powermap.serve.api import actor_queries, fact_queries, relation_queries, stance_queries
from powermap.serve.api.fact_views import Period, check_periods
from powermap.serve.api.views import ActorId, Conn, NotFound, Offset, paging
from powermap.store import queries

By = Annotated[
    str | None,
    Query(pattern=r"^(day|week|month|year)?$", description="day, week, month or year (default: from the corpus span)"),
]


def actor(
    conn: Conn,
    actor_id: ActorId,
    with_: Annotated[
        str | None, Query(alias="with", max_length=200, description="another actor: the dyad trend against it")
    ] = None,
    by: By = None,
    limit: Annotated[int, Query(ge=1, le=500, description="mentions per page")] = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    candidates = fact_queries.actor_candidates(conn, actor_id)
    if not candidates:
        raise NotFound(f"no actor {actor_id}")
    if len(candidates) > 1:
        raise queries.AmbiguousActor(actor_id, candidates)
    found = candidates[0]
    aid = found["id"]
    other = None
    if with_:
        ids = fact_queries.actor_ids(conn, with_) or []
        other = next((i for i in ids if i != aid), None)
        if other is None:
            raise NotFound(f"no other actor {with_}")
    # what the page shows of the actor across the corpus, once per store state: the key is a stored
    # actor (and another, and a granularity), so it is built outside the time limit; so is the first
    # page of mentions (sorting them all), the others under the limit (a client can ask any offset)
    about = relation_queries.cached(conn, ("actor", aid, other, by), lambda: _actor_across(conn, aid, other, by))
    mentions, total = relation_queries.cached(
        conn,
        ("actor-mentions", aid, limit, offset),
        lambda: (
            actor_queries.mention_contexts(conn, aid, limit, offset),
            actor_queries.count_mentions(conn, aid),
        ),
        unlimited=offset == 0,
    )
    return {
        "actor": {k: found[k] for k in ("id", "name", "type", "wikidata", "country", "role", "code")},
        **about,
        "mentions": mentions,
        **paging(mentions, limit, offset, total),
    }


def _actor_across(conn: Conn, aid: str, other: str | None, by: str | None) -> dict[str, Any]:
    """The actor page's corpus-wide parts: aliases, partners and adversaries, its place in the
    network, the dyad trend (against ``other``, else its most frequent counterpart), quotes, stances."""
    related = actor_queries.relations(conn, aid)  # kept per other actor and day (migration 13)
    if other is None and (related["partners"] or related["adversaries"]):
        ranked = sorted(related["partners"] + related["adversaries"], key=lambda r: -r["events"])
        other = ranked[0]["id"]
    granularity = cast(periods.Granularity, by or relation_queries.granularity(conn))
    spoken, spoken_total = actor_queries.spoken_quotes(conn, aid)
    trend = actor_queries.dyad(conn, aid, other, granularity) if other else []  # the dyad's own events
    return {
        "aliases": actor_queries.aliases(conn, aid),
        **related,
        "network": relation_queries.network_place(conn, aid),
        "dyad": {
            "with": other,
            "with_name": fact_queries.actor_names(conn, {other}).get(other) if other else None,
            "by": granularity,
            "points": trend,
        },
        "quotes": spoken,
        "quote_total": spoken_total,
        "stances": stance_queries.stance_concepts(conn, [aid]),
    }


def network(
    conn: Conn,
    since: Period = None,
    until: Period = None,
    type: Annotated[
        list[str] | None, Query(description="only actors of these types (state, person, ...); repeatable")
    ] = None,
    min_events: Annotated[int, Query(ge=1, le=1000, description="leave out edges with fewer events")] = 1,
) -> dict[str, Any]:
    check_periods(since=since, until=until)
    flt = EventFilter(
        since=periods.bound(since),
        until=periods.bound(until, end=True),
        actor_types=frozenset(t for t in type if t) or None if type else None,
    )
    built = relation_queries.network(conn, flt, min_events)
    names = {n.id: n.name for n in built.nodes}
    edges = sorted(built.edges, key=lambda e: -e.events)
    return {
        "since": since,
        "until": until,
        "type": type or [],
        "min_events": min_events,
        "types": [r[0] for r in conn.execute("SELECT DISTINCT type FROM actors ORDER BY type")],
        "camps": [c.__dict__ for c in built.camps],
        "nodes": [n.__dict__ for n in sorted(built.nodes, key=lambda n: (-n.degree, n.name))],
        "edges": [{**e.__dict__, "source_name": names[e.source], "target_name": names[e.target]} for e in edges],
        "undated": built.undated,
    }


def timeline(conn: Conn, by: By = None) -> dict[str, Any]:
    granularity = cast(periods.Granularity, by or relation_queries.granularity(conn))
    return {"by": granularity, "periods": relation_queries.timeline(conn, granularity)}
