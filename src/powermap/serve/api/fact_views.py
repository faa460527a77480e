"""Views of the facts across the corpus: events (filters and facets), claims by measure, stances
and the coalitions they form. Each builds the one dict its page and its JSON twin show."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Query

from powermap.analyse import periods
from powermap.analyse.discourse import Coalition
from powermap.codebooks.cameo import cameo_codes
from powermap.serve.api import fact_queries, relation_queries, stance_queries
from powermap.serve.api.views import BadParameter, Conn, NamePart, Offset, paging

Period = Annotated[
    str | None,
    Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive); empty: any"),
]
Limit = Annotated[int, Query(ge=1, le=500, description="rows per page")]
MODALITY = r"^(asserted|intended|hypothetical|demanded)?$"
MEASURES_PER_PAGE = 20
COALITIONS = 12  # the largest coalitions shown (an actor alone is no coalition)
COALITION_MEMBERS = 40  # the most active members of a coalition shown
#: the positions of a coalition shown (those most of its members take first): every one of them made
#: the stances page 1.9 MB on 100,000 documents (1,000-3,600 concepts a coalition), serialised anew
#: for every other actor or page asked (most of the page's 86 CPU-ms)
COALITION_POSITIONS = 40


def events(
    conn: Conn,
    actor: Annotated[
        str | None, Query(max_length=200, description="an actor (id, code, name) as source or target")
    ] = None,
    other: Annotated[str | None, Query(max_length=200, description="with actor: the other side of a dyad")] = None,
    cameo: Annotated[
        str | None, Query(pattern=r"^(\d{2,4})?$", description="a CAMEO code or its prefix (04, 042)")
    ] = None,
    plover: Annotated[str | None, Query(max_length=80, description="a PLOVER type (CONSULT, ASSAULT, ...)")] = None,
    since: Period = None,
    until: Period = None,
    modality: Annotated[
        str | None, Query(pattern=MODALITY, description="asserted, intended, hypothetical or demanded")
    ] = None,
    language: Annotated[
        str | None, Query(pattern=r"^([a-z]{2,3})?$", description="the document's ISO 639 code")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    check_periods(since=since, until=until)
    flt = fact_queries.EventQuery(
        actor=fact_queries.actor_ids(conn, actor),
        other=fact_queries.actor_ids(conn, other),
        cameo=cameo,
        plover=plover.upper() if plover else None,
        since=since,
        until=until,
        modality=modality,
        language=language,
    )
    # the total and the facets once per store state and filter, whatever the page: without filters
    # (or by actor alone, a key per stored actor) outside the time limit, for their cost grows with
    # the corpus; other filters under it. A page of rows reads the events' day index (migration 10):
    # the first page is kept likewise, the others (any offset) are read under the limit
    where = (tuple(flt.where), tuple(flt.params))
    by_actor_only = not any((cameo, plover, since, until, modality, language))
    unfiltered = not where[0]
    total, facets = relation_queries.cached(
        conn, ("events-summary", *where), lambda: _event_summary(conn, flt), unlimited=by_actor_only, pin=unfiltered
    )
    rows = relation_queries.cached(
        conn,
        ("events", *where, limit, offset),
        lambda: fact_queries.list_events(conn, flt, limit, offset),
        unlimited=by_actor_only and offset == 0,
        pin=unfiltered and (limit, offset) == (50, 0),  # the default page
    )
    filters = {
        "actor": actor,
        "other": other,
        "cameo": cameo,
        "plover": plover,
        "since": since,
        "until": until,
        "modality": modality,
        "language": language,
    }
    return {"filters": filters, "events": rows, "facets": facets, **paging(rows, limit, offset, total)}


def _event_summary(conn: Conn, flt: fact_queries.EventQuery) -> tuple[int, dict[str, list[dict]]]:
    """The filtered events' total and the facets with their labels (one actor's: kept at write time)."""
    single = fact_queries.one_actor(flt)
    if single is not None:
        total, facets = fact_queries.kept_event_facets(conn, single, _cameo_roots())
    else:
        total, facets = fact_queries.event_facets(conn, flt, _cameo_roots())
    named = {f["value"] for name in ("source", "target") for f in facets[name]}
    names = fact_queries.actor_names(conn, named)
    for name in ("source", "target"):
        for f in facets[name]:
            f["label"] = names.get(f["value"], f["value"])
    return total, facets


def check_periods(**values: str | None) -> None:
    """A 400 for a date of the right shape that is no day (``2019-13``, ``2019-02-30``)."""
    for name, value in values.items():
        if value and periods.parse(value) is None:
            raise BadParameter(f"{name}: {value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _cameo_roots() -> dict[str, str]:
    return {code: c.name.capitalize() for code, c in cameo_codes().items() if len(code) == 2}


def claims(
    conn: Conn,
    about: Annotated[str | None, Query(max_length=200, description="words in what the claims measure or say")] = None,
    unit: Annotated[str | None, Query(max_length=40, description="a unit (percent, EUR, people, ...)")] = None,
    disputed: Annotated[bool, Query(description="only measures whose reported values differ")] = False,
    limit: Annotated[int, Query(ge=1, le=100, description="measures per page")] = MEASURES_PER_PAGE,
    offset: Offset = 0,
) -> dict[str, Any]:
    groups = relation_queries.cached(
        conn,
        ("claims", about, unit, disputed),
        lambda: fact_queries.claim_measures(conn, about, unit, disputed),
        pin=not (about or unit or disputed),
    )
    page = groups[offset : offset + limit]
    return {
        "about": about,
        "unit": unit,
        "disputed": disputed,
        "measures": page,
        **paging(page, limit, offset, len(groups)),
    }


def stances(
    conn: Conn,
    actor: NamePart = None,
    concept: Annotated[str | None, Query(max_length=200, description="part of a concept")] = None,
    agree: Annotated[
        str | None, Query(pattern=r"^(true|false)?$", description="only stances for (true) or against (false)")
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    ids = fact_queries.actor_ids(conn, actor)
    side = {"true": True, "false": False}.get(agree or "")
    # the rows, their total and the concepts once per store state; outside the time limit only
    # without a concept (free text a client could vary without end)
    rows, total, concepts = relation_queries.cached(
        conn,
        ("stances", tuple(ids) if ids is not None else None, concept, side, limit, offset),
        lambda: _stance_page(conn, ids, concept, side, limit, offset),
        unlimited=concept is None,
        pin=ids is None and concept is None and side is None and (limit, offset) == (50, 0),  # the default page
    )
    coalitions, coalition_total = relation_queries.cached(conn, ("coalitions",), lambda: _coalitions(conn), pin=True)
    return {
        "actor": actor,
        "concept": concept,
        "agree": side,
        "stances": rows,
        "concepts": concepts,
        "coalitions": coalitions,
        "coalition_total": coalition_total,
        **paging(rows, limit, offset, total),
    }


def _stance_page(
    conn: Conn, ids: list[str] | None, concept: str | None, side: bool | None, limit: int, offset: int
) -> tuple[list[dict], int, list[dict]]:
    """A page of stances, their total and the concepts they take."""
    total = stance_queries.count_stances(conn, ids, concept, side)
    rows = stance_queries.list_stances(conn, ids, concept, side, limit, offset, total)
    return rows, total, stance_queries.stance_concepts(conn, ids, concept)


def _coalitions(conn: Conn) -> tuple[list[dict], int]:
    """The ``COALITIONS`` largest discourse coalitions of the corpus (an actor alone is none), with
    their most active members and positions, and how many there are: once per store state (sorting
    them on every request cost about 14 ms on 100,000 documents)."""
    found = relation_queries.corpus_discourse(conn)
    groups = sorted((c for c in found.coalitions if len(c.members) > 1), key=lambda c: (-len(c.members), c.id))
    coalitions = [
        {
            "id": c.id,
            "label": c.label,
            "size": len(c.members),
            "members": [{"id": m, "name": found.names.get(m, m)} for m in c.members[:COALITION_MEMBERS]],
            "positions": [{"concept": k, "agree": c.positions[k]} for k in _ranked(c)[:COALITION_POSITIONS]],
            "position_total": len(c.positions),
        }
        for c in groups[:COALITIONS]
    ]
    return coalitions, len(groups)


def _ranked(coalition: Coalition) -> list[str]:
    """A coalition's concepts, those it agrees or disagrees with first (the concepts most of its
    members speak to first, as ``analyse.discourse`` ranks them), then the divided ones by name."""
    firm = coalition.agrees + coalition.disagrees
    held = set(firm)
    return firm + sorted(k for k in coalition.positions if k not in held)
