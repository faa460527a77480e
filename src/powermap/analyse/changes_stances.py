"""Stances that appeared, vanished or reversed between two windows, per actor and concept.

A stance is the actor's statements on the concept (``analyse.discourse``: a statement
counts on its document's publication date; near duplicates once), counted in documents:

- **appeared**: no statement before, at least ``min_documents`` documents after;
- **vanished**: at least ``min_documents`` documents before, none after;
- **reversed**: a majority of agreeing documents before and of disagreeing ones after (or
  the other way round), with at least ``min_documents`` documents over both windows.

A document holding both an agreeing and a disagreeing statement counts on neither side of
the majority.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from typing import Any

from powermap.analyse.changes_evidence import document_ref
from powermap.analyse.discourse import Statement, load_statements
from powermap.analyse.periods import Window


def span_statements(
    conn: sqlite3.Connection, windows: list[Window], concepts: dict[str, str] | None = None
) -> list[Statement]:
    """The statements published from the first window's start to the last one's end, without their
    text (``_evidence`` reads it for the statements shown)."""
    since, until = min(w.start for w in windows), max(w.end for w in windows)
    return load_statements(conn, concepts, since=since, until=until, evidence=False)


#: (actor, concept) -> {"agree": documents, "disagree": documents} in one window
Tally = dict[tuple[str, str], dict[str, set[str]]]


def tally(statements: list[Statement], window: Window) -> Tally:
    """(actor, concept) -> {"agree": docs, "disagree": docs} inside the window."""
    out: Tally = defaultdict(lambda: {"agree": set(), "disagree": set()})
    for s in statements:
        if s.day is not None and window.contains(s.day):
            out[(s.actor, s.concept)]["agree" if s.agree else "disagree"].add(s.doc_id)
    return out


def _lean(docs: dict[str, set[str]] | None) -> int:
    if not docs:
        return 0
    yes, no = len(docs["agree"] - docs["disagree"]), len(docs["disagree"] - docs["agree"])
    return (yes > no) - (yes < no)


def _count(docs: dict[str, set[str]] | None) -> dict[str, int]:
    if not docs:
        return {"agree": 0, "disagree": 0, "documents": 0}
    return {
        "agree": len(docs["agree"]),
        "disagree": len(docs["disagree"]),
        "documents": len(docs["agree"] | docs["disagree"]),
    }


def stance_changes(
    conn: sqlite3.Connection,
    before: Window,
    after: Window,
    names: dict[str, str],
    concepts: dict[str, str] | None = None,
    min_documents: int = 2,
    evidence: int = 2,
    limit: int = 20,
    statements: list[Statement] | None = None,
    tallies: tuple[Tally, Tally] | None = None,
) -> list[dict[str, Any]]:
    """The stance changes (module docstring), reversals first, then by documents.
    ``statements``: ``span_statements`` of the two windows, when loaded already; ``tallies``:
    ``tally`` of each window over them, when counted already."""
    if statements is None:
        statements = span_statements(conn, [before, after], concepts)
    first, second = tallies if tallies is not None else (tally(statements, before), tally(statements, after))
    found = []
    for key in set(first) | set(second):  # sorted below, by a key that tells every stance apart
        side = first.get(key) if key not in second else second.get(key) if key not in first else None
        if side is not None and len(side["agree"]) + len(side["disagree"]) < min_documents:
            continue  # in one window only, with too few documents to have appeared or vanished
        b, a = _count(first.get(key)), _count(second.get(key))
        if not b["documents"] and a["documents"] >= min_documents:
            change = "appeared"
        elif b["documents"] >= min_documents and not a["documents"]:
            change = "vanished"
        elif _lean(first.get(key)) * _lean(second.get(key)) < 0 and b["documents"] + a["documents"] >= min_documents:
            change = "reversed"
        else:
            continue
        found.append((key, change, b, a))
    order = {"reversed": 0, "appeared": 1, "vanished": 2}
    found.sort(key=lambda f: (order[f[1]], -(f[2]["documents"] + f[3]["documents"]), f[0]))
    of_stance: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for s in statements:
        of_stance[(s.actor, s.concept)].append(s)
    out = []
    for (actor, concept), change, b, a in found[:limit]:
        out.append(
            {
                "actor": actor,
                "name": names.get(actor, actor),
                "concept": concept,
                "change": change,
                "before": b,
                "after": a,
                "evidence": _evidence(conn, of_stance[(actor, concept)], before, after, evidence),
            }
        )  # fmt: skip
    return out


def _evidence(conn: sqlite3.Connection, statements: list[Statement], before: Window, after: Window, limit: int) -> list:
    """Up to ``limit`` statements from each window, newest first, one per document."""
    picked: list[int] = []
    for window in (after, before):
        docs: set[str] = set()
        for s in sorted(statements, key=lambda s: (s.day or before.start, s.id), reverse=True):
            if s.day is not None and window.contains(s.day) and s.doc_id not in docs and len(docs) < limit:
                docs.add(s.doc_id)
                picked.append(s.id)
    if not picked:
        return []
    rows = conn.execute(
        'SELECT s.id, s.doc_id, s.evidence, s.agree, s.start, s."end", d.title, d.published, d.source, d.url '
        f"FROM stances s JOIN documents d ON d.id = s.doc_id WHERE s.id IN ({','.join('?' * len(picked))})",
        picked,
    ).fetchall()
    order = {sid: i for i, sid in enumerate(picked)}
    rows.sort(key=lambda r: order[r[0]])
    return [
        {"kind": "stance", "id": r[0], "text": r[2], "agree": bool(r[3]), "start": r[4], "end": r[5],
         "document": document_ref(r[1], r[6], r[7], r[8], r[9])}
        for r in rows
    ]  # fmt: skip
