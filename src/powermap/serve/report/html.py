"""``build_report``: one HTML page with dyadic trends, the network, coalitions, top quotes and claims.

The page is self-contained: inline CSS and SVG, no scripts, no external resources, so it
opens offline and can be mailed as one file.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from datetime import date
from html import escape

from powermap.analyse import claims, discourse, network, quoting
from powermap.analyse.actors import load_actors
from powermap.analyse.dyads import dyad_trend
from powermap.analyse.events import EventFilter, EventRow, EventSelection, load_events
from powermap.serve.report.svg import CAMP_COLOURS, QUAD_COLOURS, dyad_chart, network_drawing

MAX_NODES = 60
TOP_DYADS = 4

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em auto;max-width:780px;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:.85em;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 6px;
text-align:left;vertical-align:top}.tick{font-size:10px;fill:#555}.label{font-size:9px;fill:#222}
.chart,.network{width:100%;height:auto}.legend span{display:inline-block;margin-right:1em;font-size:.8em}
.swatch{display:inline-block;width:10px;height:10px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px}.muted{color:#777;font-size:.85em}
"""


def build_report(
    conn: sqlite3.Connection,
    actor: list[str] | None = None,
    by: str = "month",
    since: date | None = None,
    until: date | None = None,
) -> str:
    """The report as an HTML string (the corpus, or one actor when ``actor`` holds its ids)."""
    flt = EventFilter(since=since, until=until)
    names = {a.id: a.name for a in load_actors(conn).values()}
    label = ", ".join(names.get(a, a) for a in actor) if actor else "the whole corpus"
    selection = load_events(conn, flt)
    net = network.build_network(conn, flt, selection=selection)
    body = [f"<h1>powermap report: {escape(label)}</h1>", _summary(conn, net)]
    body.append("<h2>Dyadic trends</h2>" + _legend())
    by_actor = _events_by_actor(selection)
    for a, b in _top_dyads(selection, actor):
        mine = _events_of(by_actor, a, selection.undated)
        trend = dyad_trend(conn, a, b, by=by, flt=flt, selection=mine)  # type: ignore[arg-type]
        other = ", ".join(names.get(x, x) for x in b) if b else "all others"
        total = trend.totals()
        body.append(f"<h3>{escape(', '.join(names.get(x, x) for x in a))} ↔ {escape(other)}</h3>")
        body.append(
            f'<p class="muted">{total.events} events in {len(total.documents)} documents, '
            f"Goldstein sum {total.goldstein:.1f}</p>{dyad_chart(trend.points)}"
        )
    body.append(_network_section(net, actor))
    body.append(_discourse_section(conn, since, until, actor))
    body.append(_quotes_section(conn, actor))
    body.append(_claims_section(conn, actor))
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>powermap report: {escape(label)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _summary(conn: sqlite3.Connection, net: network.Network) -> str:
    docs, first, last = conn.execute(
        "SELECT count(*), min(published), max(published) FROM documents WHERE near_duplicate_of IS NULL"
    ).fetchone()
    recency = (
        f"recency half-life {net.half_life_days:g} days, reference date {net.reference}"
        if net.half_life_days
        else "no recency weighting: no reference date asked for"
    )
    return (
        f'<p class="muted">{docs} documents ({escape(str(first))} to {escape(str(last))}), '
        f"{len(net.nodes)} actors and {len(net.edges)} relations in the event network ({recency}).</p>"
    )


def _legend() -> str:
    items = "".join(
        f'<span><i style="background:{c}"></i>{n.replace("_", " ")}</span>' for n, c in QUAD_COLOURS.items()
    )
    return f'<p class="legend">{items}<span><i style="background:#222"></i>Goldstein sum</span></p>'


Dyad = tuple[list[str], list[str] | None]


def _top_dyads(selection: EventSelection, actor: list[str] | None) -> list[Dyad]:
    """The actor against all and with its busiest partners, or the corpus's busiest pairs."""
    events = selection.events
    if actor:
        mine = set(actor)
        events = [e for e in events if e.source in mine or e.target in mine]
        partners = Counter(e.target if e.source in mine else e.source for e in events)
        partners = Counter({k: v for k, v in partners.items() if k not in mine})
        return [(actor, None)] + [(actor, [p]) for p, _ in partners.most_common(TOP_DYADS - 1)]
    pairs = Counter(tuple(sorted((e.source, e.target))) for e in events)
    return [([a], [b]) for (a, b), _ in pairs.most_common(TOP_DYADS)]


def _events_by_actor(selection: EventSelection) -> dict[str, list[EventRow]]:
    """Each actor's events (as source or target), in the selection's order: one pass for every dyad."""
    index: dict[str, list[EventRow]] = defaultdict(list)
    for event in selection.events:
        index[event.source].append(event)
        index[event.target].append(event)
    return index


def _events_of(index: dict[str, list[EventRow]], actors: list[str], undated: int) -> EventSelection:
    """The events touching any of ``actors``, oldest first, each once."""
    if len(actors) == 1:
        return EventSelection(index.get(actors[0], []), undated)
    merged = {e.id: e for a in actors for e in index.get(a, [])}
    return EventSelection(sorted(merged.values(), key=lambda e: (e.day, e.id)), undated)


def _network_section(net: network.Network, actor: list[str] | None) -> str:
    nodes = net.nodes
    if actor:
        near = set(actor)
        near |= {e.target for e in net.edges if e.source in actor} | {e.source for e in net.edges if e.target in actor}
        nodes = [n for n in nodes if n.id in near]
    nodes = nodes[:MAX_NODES]
    keep = {n.id for n in nodes}
    edges = [e for e in net.edges if e.source in keep and e.target in keep]
    rows = "".join(
        f'<tr><td><i class="swatch" style="background:{CAMP_COLOURS[c.id % len(CAMP_COLOURS)]}"></i> {c.id}</td>'
        f"<td>{c.size}</td><td>{escape(c.label)}</td><td>{c.cooperation_inside:.2f}</td>"
        f"<td>{c.conflict_outside:.2f}</td></tr>"
        for c in net.camps[:8]
    )
    bridges = ", ".join([escape(n.name) for n in net.nodes if n.bridge][:12]) or "none"
    return (
        f'<h2>Relation network</h2><p class="muted">The {len(nodes)} strongest actors; green ties cooperate, red '
        f"ties conflict; colour is the camp; a black ring marks a bridge.</p>{network_drawing(nodes, edges)}"
        "<table><tr><th>camp</th><th>size</th><th>strongest members</th><th>cooperation inside</th>"
        f"<th>conflict with others</th></tr>{rows}</table><p><b>Who bridges:</b> {bridges}</p>"
    )


def _discourse_section(
    conn: sqlite3.Connection, since: date | None, until: date | None, actor: list[str] | None
) -> str:
    result = discourse.discourse(conn, since=since, until=until)
    shown = [c for c in result.coalitions if not actor or set(actor) & set(c.members)][:8]
    rows = "".join(
        f"<tr><td>{c.id}</td><td>{len(c.members)}: {escape(c.label)}</td>"
        f"<td>{escape(', '.join(k for k, v in c.positions.items() if v >= 0.75))}</td>"
        f"<td>{escape(', '.join(k for k, v in c.positions.items() if v <= 0.25))}</td></tr>"
        for c in shown
    )
    return (
        f'<h2>Discourse coalitions</h2><p class="muted">{result.statements} statements by {len(result.actors)} '
        f"actors on {len(result.concepts)} concepts (congruence minus conflict, average-activity "
        "normalised).</p><table><tr><th>coalition</th><th>members</th><th>agrees with</th>"
        f"<th>disagrees with</th></tr>{rows}</table>"
    )


def _quotes_section(conn: sqlite3.Connection, actor: list[str] | None) -> str:
    rows = "".join(
        f"<tr><td>{escape(q.speaker_name)}</td><td>“{escape(q.text)}”</td><td>{escape(q.published or '')}</td>"
        f"<td>{escape(q.doc_id)}</td></tr>"
        for q in quoting.top_quotes(conn, actor, limit=15)
    )
    return (
        "<h2>Top quotes</h2><table><tr><th>speaker</th><th>quote</th><th>published</th><th>document</th></tr>"
        f"{rows}</table>"
    )


def _claims_section(conn: sqlite3.Connection, actor: list[str] | None) -> str:
    rows = "".join(
        f"<tr><td>{escape(c.about)}</td><td>{escape(c.unit)}</td><td>{escape(c.period or '')}</td>"
        f"<td>{c.low:g} – {c.high:g}</td><td>{len(c.values)}</td>"
        f"<td>{escape('; '.join(sorted({v.source for v in c.values if v.source})))}</td></tr>"
        for c in claims.disagreeing_claims(conn, actor=actor)[:15]
    )
    cited = ", ".join(f"{escape(s.source)} ({s.claims})" for s in claims.cited_sources(conn)[:12]) or "none"
    return (
        "<h2>Claims that disagree</h2><table><tr><th>measure</th><th>unit</th><th>period</th><th>values</th>"
        f"<th>claims</th><th>sources</th></tr>{rows}</table><p><b>Sources cited:</b> {cited}</p>"
    )
