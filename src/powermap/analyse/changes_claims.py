"""Claims on the same measure that changed over time, or that sources dispute at the same time.

A *measure* is what ``analyse.claims`` compares: the same ``about`` (case and spacing
folded), ``unit`` and ``subject`` set; claims without a subject (*40 people*) measure
nothing that can change or be disputed and are left out. A claim whose ``about`` the text
leaves open (*34 %* of the trade of China and Russia) joins the measure of the claims with
the same unit and subject set when they all share one ``about``; when they name several,
or none, it stays out. Each claim is *as of* its own ``period`` when it
names one, else its document's publication month (a figure stated without a period is the
current one). Over the claims published in the windows asked for (near duplicates once):

- **changed**: the measure has values as of two or more different times, and the value as
  of the latest time differs from the earliest by more than ``tolerance`` (relative); the
  series is listed in time order, each value with its source and document;
- **disputed**: as of one and the same time, two documents give values of which none agree
  within ``tolerance`` (values that differ inside one document are not a dispute between
  sources); the values are listed side by side with their sources.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from typing import Any

from powermap.analyse.changes_evidence import document_ref
from powermap.analyse.claims import DEFAULT_TOLERANCE
from powermap.analyse.documents import originals_clause
from powermap.analyse.events import first_day_sql, published_span_sql
from powermap.analyse.periods import Window

#: characters read on either side of a claimed number to find its sentence
CONTEXT = 300


def sentence_around(text: str | None, start: int, end: int) -> str | None:
    """The sentence of ``text`` holding ``text[start:end]`` (cut at ``. ``, ``! ``, ``? `` or a line break)."""
    if not text or not 0 <= start <= end <= len(text):
        return None
    cuts = [text.rfind(mark, 0, start) for mark in (". ", "! ", "? ", "\n")]
    first = max(cuts)
    first = first + 1 if first >= 0 else 0
    ends = [i for i in (text.find(mark, end) for mark in (". ", "! ", "? ", "\n")) if i >= 0]
    last = min(ends) + 1 if ends else len(text)
    return " ".join(text[first:last].split()) or None


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _spread(values: list[float]) -> float:
    low, high = min(values), max(values)
    scale = max(abs(low), abs(high))
    return (high - low) / scale if scale else 0.0


def load_claims(conn: sqlite3.Connection, windows: list[Window]) -> list[dict[str, Any]]:
    """Claims with an ``about`` published inside any of ``windows``, each with its measure key and time."""
    day = first_day_sql("d.published")
    spans = " OR ".join(f"({day} BETWEEN ? AND ?)" for _ in windows)
    params = [d.isoformat() for w in windows for d in (w.start, w.end)]
    narrow, narrow_params = published_span_sql(  # by an index first
        "d.published", min((w.start for w in windows), default=None), max((w.end for w in windows), default=None)
    )
    rows = conn.execute(
        # the documents' columns read here are all in ``documents_published_original`` (migration 11):
        # their rows (text first) are read for the claims listed only (``with_sentences``)
        'SELECT c.id, c.doc_id, c.text, c.value, c.unit, c.about, c.subject, c.period, c.source, c.start, c."end", '
        f"{day} FROM claims c JOIN documents d ON d.id = c.doc_id "
        f"WHERE {originals_clause(False)} AND ({spans or '0'}) AND {narrow} ORDER BY c.id",
        params + narrow_params,
    ).fetchall()
    out = []
    for r in rows:
        subject = sorted(json.loads(r[6]) or [])
        if not subject:
            continue
        published_day = r[11]
        as_of = r[7] or (published_day[:7] if published_day else None)
        if as_of is None:
            continue
        out.append(
            {
                "key": (_fold(r[5]) if r[5] else None, r[4], tuple(subject)),
                "id": r[0],
                "text": r[2],  # the number as written; ``with_sentences`` puts its sentence here
                "number": r[2],
                "value": r[3],
                "unit": r[4],
                "about": r[5],
                "subject": subject,
                "as_of": as_of,
                "as_of_from": "claim" if r[7] else "published",
                "source": r[8],
                "start": r[9],
                "end": r[10],
                "document": {"doc_id": r[1]},  # ``with_sentences`` adds the rest of ``document_ref``
            }
        )
    return out


def with_sentences(conn: sqlite3.Connection, claims: list[dict[str, Any]]) -> None:
    """Set each claim's ``text`` to the sentence around its number (``sentence_around``) and its
    ``document`` to the whole ``document_ref``, read for the claims listed only (reading every
    claim's document row and context cost most of a report)."""
    ids = sorted({c["id"] for c in claims})
    sentences: dict[int, str | None] = {}
    documents: dict[int, dict[str, Any]] = {}
    for chunk in range(0, len(ids), 900):
        part = ids[chunk : chunk + 900]
        for cid, start, end, context, offset, doc_id, title, published, outlet, url in conn.execute(
            f'SELECT c.id, c.start, c."end", substr(d.text, max(1, c.start - {CONTEXT} + 1), '
            f'c."end" - c.start + 2 * {CONTEXT}), max(0, c.start - {CONTEXT}), d.id, d.title, d.published, '
            f"d.source, d.url FROM claims c JOIN documents d ON d.id = c.doc_id "
            f"WHERE c.id IN ({','.join('?' * len(part))})",
            part,
        ):
            sentences[cid] = sentence_around(context, start - offset, end - offset)
            documents[cid] = document_ref(doc_id, title, published, outlet, url)
    for claim in claims:
        claim["text"] = sentences.get(claim["id"]) or claim["number"]
        claim["document"] = documents.get(claim["id"], claim["document"])


def _public(claim: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in claim.items() if k not in ("key", "about", "unit", "subject")}


def claim_changes(
    conn: sqlite3.Connection,
    windows: list[Window],
    tolerance: float = DEFAULT_TOLERANCE,
    limit: int = 20,
    claims: list[dict[str, Any]] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """``{"changed": [...], "disputed": [...]}`` over the claims published in ``windows``
    (``claims``: ``load_claims(conn, windows)``, when loaded already; left unchanged)."""
    by_measure: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    open_about: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for claim in load_claims(conn, windows) if claims is None else claims:
        about, unit, subject = claim["key"]
        (by_measure[claim["key"]] if about is not None else open_about[(unit, subject)]).append(claim)
    abouts: dict[tuple, list[tuple]] = defaultdict(list)
    for key in by_measure:
        abouts[key[1:]].append(key)
    for unit_subject, claims in open_about.items():
        if len(abouts.get(unit_subject, [])) == 1:
            by_measure[abouts[unit_subject][0]] += claims
    changed, disputed = [], []
    for members in by_measure.values():
        head = next(m for m in members if m["about"])
        measure = {"about": head["about"], "unit": head["unit"], "subject": head["subject"]}
        by_time: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in members:
            by_time[m["as_of"]].append(m)
        times = sorted(by_time)
        for when in times:
            group = by_time[when]
            if _documents_disagree(group, tolerance):
                values = sorted(group, key=lambda m: (m["value"], m["id"]))
                disputed.append({**measure, "as_of": when, "spread": round(_spread([m["value"] for m in group]), 6),
                                 "values": [_public(m) for m in values]})  # fmt: skip
        if len(times) >= 2:
            first, last = by_time[times[0]], by_time[times[-1]]
            low, high = _median(first), _median(last)
            if _spread([low, high]) > tolerance:
                series = sorted(members, key=lambda m: (m["as_of"], m["id"]))
                changed.append({**measure, "from": {"as_of": times[0], "value": low},
                                "to": {"as_of": times[-1], "value": high},
                                "change": round(high - low, 6), "relative": round(_relative(low, high), 6),
                                "series": [_public(m) for m in series]})  # fmt: skip
    changed.sort(key=lambda c: (-len(c["series"]), -abs(c["relative"]), c["about"]))
    disputed.sort(key=lambda c: (-len(c["values"]), -c["spread"], c["about"]))
    changed, disputed = changed[:limit], disputed[:limit]
    with_sentences(conn, [m for c in changed for m in c["series"]] + [m for d in disputed for m in d["values"]])
    return {"changed": changed, "disputed": disputed}


def _documents_disagree(group: list[dict[str, Any]], tolerance: float) -> bool:
    """Two documents in ``group`` whose values have none in common (within ``tolerance``)."""
    per_doc: dict[str, list[float]] = defaultdict(list)
    for m in group:
        per_doc[m["document"]["doc_id"]].append(m["value"])
    docs = list(per_doc.values())
    return any(
        all(_spread([x, y]) > tolerance for x in first for y in second)
        for i, first in enumerate(docs)
        for second in docs[i + 1 :]
    )


def _median(group: list[dict[str, Any]]) -> float:
    values = sorted(m["value"] for m in group)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def _relative(low: float, high: float) -> float:
    return (high - low) / abs(low) if low else (1.0 if high else 0.0)
