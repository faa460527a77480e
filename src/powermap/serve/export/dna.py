"""The Discourse Network Analyzer's statement table: one row per stance, DNA's "DNA Statement" type.

Columns: ``statement_id``, ``document_id``, ``start``, ``stop`` (character offsets of the
evidence in the document text, as DNA keeps them), ``statement_type`` (``DNA Statement``),
``person`` (the actor's name when the actor is a person, else empty), ``organization``
(the actor's name when it is not a person, else the person's country code),
``concept``, ``agreement`` (1 agree, 0 disagree: DNA's boolean qualifier), ``date``
(the document's published date), ``title``, ``source`` (outlet), ``actor_id`` and ``text``
(the evidence sentence). Comma-separated, UTF-8, with a header: the shape rDNA's
``dna_getStatements`` returns, so a script can add each row with ``dna_addStatement``.
Near duplicates count once.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from powermap.analyse.discourse import load_statements

DNA_COLUMNS: tuple[str, ...] = (
    "statement_id", "document_id", "start", "stop", "statement_type", "person", "organization", "concept",
    "agreement", "date", "title", "source", "actor_id", "text",
)  # fmt: skip


def dna_rows(conn: sqlite3.Connection, concepts: dict[str, str] | None = None) -> list[list[object]]:
    """Statement rows, concepts mapped through ``concepts`` (see ``analyse.discourse.read_concepts``)."""
    kept = {s.id: s for s in load_statements(conn, concepts)}
    rows = []
    for sid, doc_id, start, end, evidence, actor, atype, name, country, published, title, outlet in conn.execute(
        'SELECT s.id, s.doc_id, s.start, s."end", s.evidence, s.actor, a.type, a.name, a.country, d.published, '
        "d.title, coalesce(d.source, d.site) FROM stances s JOIN actors a ON a.id = s.actor "
        "JOIN documents d ON d.id = s.doc_id ORDER BY s.id"
    ):
        statement = kept.get(sid)
        if statement is None:
            continue
        person = name if atype == "person" else ""
        organization = (country or "") if atype == "person" else name
        rows.append(
            [
                sid,
                doc_id,
                start,
                end,
                "DNA Statement",
                person,
                organization,
                statement.concept,
                int(statement.agree),
                published or "",
                title or "",
                outlet or "",
                actor,
                evidence,
            ]
        )
    return rows


def write_dna(conn: sqlite3.Connection, path: Path, concepts: dict[str, str] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(DNA_COLUMNS)
        writer.writerows(dna_rows(conn, concepts))
    return path
