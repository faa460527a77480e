"""Corrected documents as a gold set in the ``../shared/gold`` format, so people build their own
evaluation sets: ``powermap eval extraction --gold OUT --corpus OUT`` scores the pipeline on them.

Each document with a correction in force becomes ``<doc_id>.gold.json`` (its corrected record in the
gold layout) beside ``<doc_id>.txt`` (its text). A fact a person confirmed or changed carries a
``note`` saying so; facts nobody reviewed are the pipeline's and are said to be so in
``annotation_notes``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from powermap.store.corrections import FACT_LISTS, find_fact
from powermap.store.corrections_log import iter_corrected_records, list_corrections

ACTOR_KEYS = ("id", "name", "type", "wikidata", "country", "role")


def corrected_documents(conn: sqlite3.Connection) -> list[str]:
    """Ids of the stored documents that corrections in force are anchored to (documents named by a
    corpus-wide merge or alias only are included when the correction changed them)."""
    rows = conn.execute(
        "SELECT DISTINCT d.id FROM corrections c JOIN documents d ON d.content_hash = c.content_hash "
        "WHERE c.undone_at IS NULL UNION SELECT doc_id FROM extractions WHERE pipeline_record IS NOT NULL ORDER BY 1"
    ).fetchall()
    return [r[0] for r in rows]


def write_gold(conn: sqlite3.Connection, out: Path) -> list[Path]:
    """Write a gold file and a text file per corrected document into ``out``; the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for record in iter_corrected_records(conn, corrected_documents(conn)):
        doc_id = record["document"]["id"]
        text_path, gold_path = out / f"{doc_id}.txt", out / f"{doc_id}.gold.json"
        text_path.write_text(record["document"]["text"], encoding="utf-8")
        gold = to_gold(record, list_corrections(conn, doc_id=doc_id, limit=100_000), text_path.name)
        gold_path.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written += [gold_path, text_path]
    return written


def to_gold(record: dict[str, Any], corrections: list[dict[str, Any]], file_name: str) -> dict[str, Any]:
    """A corrected record in the gold layout, with a ``note`` on every fact a person reviewed."""
    doc = record["document"]
    gold: dict[str, Any] = {
        "document": {
            "file": file_name,
            "language": doc.get("language"),
            "published": doc.get("published"),
            "title": doc.get("title"),
            "url": doc.get("url"),
        },
        "actors": [],
    }
    for actor in record.get("actors") or []:
        mentions = [{k: m[k] for k in ("text", "start", "end")} for m in actor.get("mentions") or []]
        gold["actors"].append(
            {
                **{k: actor.get(k) for k in ACTOR_KEYS},
                "aliases_in_text": sorted({m["text"] for m in mentions}),
                "mention_count": len(mentions),
                "mentions": mentions,
            }
        )
    for kind, name in FACT_LISTS.items():
        gold[name] = [dict(fact) for fact in record.get(name) or []]
        if kind == "event":
            for event in gold[name]:
                event["cameo_root"] = event["cameo"][:2]
    reviewed = 0
    for correction in corrections:
        if correction["kind"] not in FACT_LISTS or correction["action"] == "wrong":
            continue
        fact = find_fact(gold, correction["kind"], correction["start"], correction["end"], correction["after"])
        if fact is None:
            continue
        target = next(f for f in gold[FACT_LISTS[correction["kind"]]] if f == fact)
        verb = "confirmed" if correction["action"] == "right" else f"corrected ({correction['action']})"
        target["note"] = f"{verb} by {correction['author']} on {correction['created_at'][:10]}"
        reviewed += 1
    dropped = sum(1 for c in corrections if c["action"] == "wrong")
    gold["annotation_notes"] = [
        f"Written by `powermap export corrections --format gold` from the pipeline's record with "
        f"{len(corrections)} corrections in force ({reviewed} facts reviewed, {dropped} marked wrong and left out).",
        "Facts without a note were not reviewed by a person: they are the pipeline's output.",
    ]
    return gold
