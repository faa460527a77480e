"""Claim views: claims that disagree across documents, and the sources claims cite.

Two claims measure *the same thing* when they agree on ``about`` (case and spacing
folded), ``unit``, ``subject`` (as a set) and ``period``; claims without ``about`` are not
compared. They *disagree* when their values differ by more than ``tolerance`` (relative,
default 1 %, the scorer's own tolerance) and come from different documents. Near
duplicates count once.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from powermap.analyse.documents import originals_clause

DEFAULT_TOLERANCE = 0.01


@dataclass
class ClaimValue:
    claim_id: int
    doc_id: str
    published: str | None
    value: float
    text: str
    source: str | None


@dataclass
class ClaimConflict:
    about: str
    unit: str
    subject: list[str]
    period: str | None
    low: float
    high: float
    spread: float  # (high - low) / max(|high|, |low|)
    values: list[ClaimValue] = field(default_factory=list)


@dataclass
class CitedSource:
    source: str
    claims: int
    documents: int


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def disagreeing_claims(
    conn: sqlite3.Connection, tolerance: float = DEFAULT_TOLERANCE, actor: list[str] | None = None
) -> list[ClaimConflict]:
    """Groups of claims on the same measure whose values disagree, widest spread first."""
    rows = conn.execute(
        "SELECT c.id, c.doc_id, d.published, c.value, c.text, c.source, c.about, c.unit, c.subject, c.period "
        f"FROM claims c JOIN documents d ON d.id = c.doc_id WHERE {originals_clause(False)} "
        "AND c.about IS NOT NULL ORDER BY c.id"
    ).fetchall()
    groups: dict[tuple, list] = defaultdict(list)
    subjects: dict[str | None, tuple[str, ...]] = {}
    for r in rows:
        subject = subjects.get(r[8])
        if subject is None:
            subject = subjects[r[8]] = tuple(sorted(json.loads(r[8]) or []))
        if actor and not set(subject) & set(actor):
            continue
        groups[(_fold(r[6]), r[7], subject, r[9])].append(r)
    out = []
    for (_about, unit, subject, period), members in groups.items():
        if len({m[1] for m in members}) < 2:
            continue
        low, high = min(m[3] for m in members), max(m[3] for m in members)
        scale = max(abs(low), abs(high))
        spread = (high - low) / scale if scale else 0.0
        if spread <= tolerance:
            continue
        values = [ClaimValue(m[0], m[1], m[2], m[3], m[4], m[5]) for m in members]
        out.append(ClaimConflict(members[0][6], unit, list(subject), period, low, high, round(spread, 6), values))
    out.sort(key=lambda c: (-c.spread, -len(c.values), c.about))
    return out


def cited_sources(conn: sqlite3.Connection) -> list[CitedSource]:
    """The sources claims cite, most cited first."""
    rows = conn.execute(
        "SELECT c.source, count(*), count(DISTINCT c.doc_id) FROM claims c JOIN documents d ON d.id = c.doc_id "
        f"WHERE {originals_clause(False)} AND c.source IS NOT NULL AND c.source != '' "
        "GROUP BY c.source ORDER BY count(*) DESC, c.source"
    ).fetchall()
    return [CitedSource(*r) for r in rows]
