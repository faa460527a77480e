"""Extraction records as flat tables with the store's columns (for Parquet)."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from powermap import PIPELINE_VERSION
from powermap.records import ExtractionRecord
from powermap.store.rows import quad_class

TABLES = ("documents", "mentions", "quotes", "claims", "events", "stances")


def record_rows(record: ExtractionRecord) -> dict[str, list[dict[str, Any]]]:
    """One row list per table for a record; every row carries the partition columns."""
    doc = record.document
    keys = {
        "doc_id": doc.id,
        "language": doc.language or "xx",
        "month": (doc.published or "unknown")[:7],
        "pipeline_version": PIPELINE_VERSION,
    }
    names = {a.id: a for a in record.actors}
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append(
        {**keys, "path": doc.path, "url": doc.url, "title": doc.title, "published": doc.published, "text": doc.text}
    )
    for actor in record.actors:
        for m in actor.mentions:
            rows["mentions"].append(
                {
                    **keys,
                    "actor_id": actor.id,
                    "actor_name": actor.name,
                    "actor_type": actor.type,
                    "actor_country": actor.country,
                    "actor_code": actor.code,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                }
            )
    for q in record.quotes:
        speaker = names.get(q.speaker) if q.speaker else None
        rows["quotes"].append(
            {
                **keys,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_name": speaker.name if speaker else None,
                "kind": q.kind,
                "cue": q.cue,
            }
        )
    for c in record.claims:
        rows["claims"].append(
            {
                **keys,
                "start": c.start,
                "end": c.end,
                "text": c.text,
                "value": float(c.value),
                "unit": c.unit,
                "about": c.about,
                "subject": json.dumps(c.subject),
                "period": c.period,
                "source": c.source,
            }
        )
    for e in record.events:
        rows["events"].append(
            {
                **keys,
                "start": e.start,
                "end": e.end,
                "sentence": e.sentence,
                "source": e.source,
                "target": e.target,
                "cameo": e.cameo,
                "cameo_root": e.cameo[:2],
                "quad_class": quad_class(e.cameo),
                "plover": e.plover,
                "goldstein": e.goldstein,
                "negated": e.negated,
                "modality": e.modality,
                "date": e.date,
                "reported": e.reported,
                "other_targets": json.dumps(e.other_targets) if e.other_targets else None,
            }
        )
    for s in record.stances:
        rows["stances"].append(
            {
                **keys,
                "start": s.start,
                "end": s.end,
                "evidence": s.evidence,
                "actor": s.actor,
                "concept": s.concept,
                "agree": s.agree,
            }
        )
    return rows


def records_to_tables(records: list[ExtractionRecord]) -> dict[str, pa.Table]:
    """Arrow tables (only those with rows) for a batch of records."""
    merged: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        for name, rows in record_rows(record).items():
            merged[name].extend(rows)
    return {name: pa.Table.from_pylist(rows) for name, rows in merged.items() if rows}
