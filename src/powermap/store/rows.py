"""The rows of one extraction record: actors, mentions, quotes, claims, events and stances.

``write_rows`` inserts them inside the caller's transaction (``Store`` writes the document and its
``extractions`` row in the same one), so a document is stored whole or not at all.
"""

from __future__ import annotations

import json
import sqlite3

from powermap.records import ExtractionRecord


def quad_class(cameo: str) -> int | None:
    """GDELT's QuadClass of a CAMEO code: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict."""
    try:
        root = int(str(cameo)[:2])
    except ValueError:
        return None
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def write_rows(conn: sqlite3.Connection, doc_id: str, record: ExtractionRecord, version: str) -> None:
    """Insert ``record``'s actors (merged with the stored ones), mentions, quotes, claims, events
    and stances for ``doc_id``, each row tagged with the pipeline ``version``."""
    for actor in record.actors:
        conn.execute(
            """INSERT INTO actors (id, name, type, wikidata, country, role, code) VALUES (?,?,?,?,?,?,?)
               ON CONFLICT(id) DO UPDATE SET
                   wikidata = coalesce(actors.wikidata, excluded.wikidata),
                   country = coalesce(actors.country, excluded.country),
                   role = coalesce(actors.role, excluded.role),
                   code = coalesce(actors.code, excluded.code)""",
            (actor.id, actor.name, actor.type, actor.wikidata, actor.country, actor.role, actor.code),
        )
        conn.executemany(
            'INSERT OR IGNORE INTO mentions (doc_id, actor_id, start, "end", text, pipeline_version) '
            "VALUES (?,?,?,?,?,?)",
            [(doc_id, actor.id, m.start, m.end, m.text, version) for m in actor.mentions],
        )
    conn.executemany(
        'INSERT INTO quotes (doc_id, start, "end", text, speaker, kind, cue, pipeline_version) '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(doc_id, q.start, q.end, q.text, q.speaker, q.kind, q.cue, version) for q in record.quotes],
    )
    conn.executemany(
        'INSERT INTO claims (doc_id, start, "end", text, value, unit, about, subject, period, source, '
        "pipeline_version) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                doc_id,
                c.start,
                c.end,
                c.text,
                c.value,
                c.unit,
                c.about,
                json.dumps(c.subject),
                c.period,
                c.source,
                version,
            )
            for c in record.claims
        ],
    )
    conn.executemany(
        'INSERT INTO events (doc_id, start, "end", sentence, source, target, cameo, cameo_root, quad_class, '
        "plover, goldstein, negated, modality, date, reported, other_targets, pipeline_version) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                doc_id,
                e.start,
                e.end,
                e.sentence,
                e.source,
                e.target,
                e.cameo,
                e.cameo[:2],
                quad_class(e.cameo),
                e.plover,
                e.goldstein,
                int(e.negated),
                e.modality,
                e.date,
                int(e.reported),
                json.dumps(e.other_targets) if e.other_targets else None,
                version,
            )
            for e in record.events
        ],
    )
    conn.executemany(
        'INSERT INTO stances (doc_id, start, "end", evidence, actor, concept, agree, pipeline_version) '
        "VALUES (?,?,?,?,?,?,?,?)",
        [(doc_id, s.start, s.end, s.evidence, s.actor, s.concept, int(s.agree), version) for s in record.stances],
    )
