"""Making and undoing corrections: each one a single write transaction on a writable store.

A correction is stored (who, when, what, before, after) and the rows of every document it touches
are rewritten from the pipeline's record with all corrections in force, in the same transaction:
a crash leaves either the correction and its effect, or neither. Nothing the pipeline wrote is
lost: a corrected document keeps the pipeline's record in ``extractions.pipeline_record``.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from datetime import UTC, datetime
from typing import Any, get_args

from powermap.records import ActorType, ExtractionRecord, validate_record
from powermap.store.corrections import CHANGES, DISCRIMINATORS, FACT_KINDS, Correction, find_fact, same_value
from powermap.store.corrections_log import COLUMNS, get_correction
from powermap.store.queries import read_record
from powermap.store.sqlite import Store, StoreError

ACTOR_TYPES: tuple[str, ...] = get_args(ActorType)
MAX_AUTHOR = 80


class CorrectionError(ValueError):
    """A correction that cannot be made (a bad value)."""


class CorrectionNotFound(CorrectionError):
    """The document, fact, actor or correction named is not stored."""


class CorrectionConflict(CorrectionError):
    """The correction contradicts the store: nothing to change, already undone, or a record it would break."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Corrector:
    """Makes corrections in the store at ``store`` (opened writable), as ``author``."""

    def __init__(self, store: Store, author: str) -> None:
        if store.readonly:
            raise StoreError("corrections need a writable store")
        author = " ".join((author or "").split())[:MAX_AUTHOR]
        if not author:
            raise CorrectionError("a correction needs an author")
        self.store, self.author = store, author

    # -- facts -------------------------------------------------------------------------------

    def mark(
        self,
        doc_id: str,
        kind: str,
        start: int,
        end: int,
        verdict: str,
        actor: str | None = None,
        like: dict | None = None,
    ) -> dict:
        """Mark a fact ``wrong`` (it is dropped) or ``right`` (confirmed, and kept by later pipelines).

        ``like`` (every method): fields of the fact that tell apart facts sharing one span, such as
        an event's ``cameo``, ``source`` and ``target``; ``actor`` names a mention's actor.
        """
        if verdict not in ("wrong", "right"):
            raise CorrectionError("a fact is marked 'wrong' or 'right'")
        if kind not in FACT_KINDS:
            raise CorrectionError(f"kind must be one of {', '.join(FACT_KINDS)}")
        like = {**(like or {}), **({"actor": actor} if actor else {})}
        return self._fact(doc_id, kind, start, end, verdict, like, lambda fact: None if verdict == "wrong" else fact)

    def speaker(self, doc_id: str, start: int, end: int, speaker: str | None, like: dict | None = None) -> dict:
        """Set a quote's speaker (an actor id; None: no speaker)."""
        self._require_actor(speaker)

        def change(quote: dict) -> dict:  # the words read as the old speaker do not name the new one
            return {**{k: v for k, v in quote.items() if k != "speaker_mention"}, "speaker": speaker}

        return self._fact(doc_id, "quote", start, end, "speaker", like, change)

    def event(self, doc_id: str, start: int, end: int, like: dict | None = None, **changes: Any) -> dict:
        """Change an event's ``source``, ``target`` (actor ids, None for none) or ``cameo`` code."""
        unknown = set(changes) - {"source", "target", "cameo"}
        if unknown or not changes:
            raise CorrectionError("an event correction changes source, target or cameo")
        for key in ("source", "target"):
            if key in changes:
                self._require_actor(changes[key])
        if "cameo" in changes:
            changes.update(_cameo_fields(changes["cameo"]))
        return self._fact(doc_id, "event", start, end, "event", like, lambda e: {**e, **changes})

    def polarity(self, doc_id: str, start: int, end: int, agree: bool, like: dict | None = None) -> dict:
        """Set whether a stance agrees with its concept."""
        return self._fact(doc_id, "stance", start, end, "polarity", like, lambda s: {**s, "agree": bool(agree)})

    def _fact(self, doc_id, kind, start, end, action, like, change) -> dict:
        with self.store.transaction() as conn:
            content_hash, record = _document(conn, doc_id)
            before = find_fact(record, kind, int(start), int(end), like)
            wanted = {k: v for k, v in (like or {}).items() if k in DISCRIMINATORS[kind]}
            if before is None or not all(same_value(before.get(k), v) for k, v in wanted.items()):
                told = "".join(f" with {k} {v}" for k, v in wanted.items())
                raise CorrectionNotFound(f"document {doc_id} has no {kind} at {start}-{end}{told}")
            after = change(dict(before))
            if action in CHANGES and all(after.get(k) == before.get(k) for k in CHANGES[action]):
                raise CorrectionConflict(f"the {kind} already has that value")
            return self._insert(
                conn, action, kind, [doc_id], content_hash=content_hash, doc_id=doc_id,
                start=before["start"], end=before["end"], before=before, after=after,
                actor=before.get("actor") if kind == "mention" else None,
            )  # fmt: skip

    # -- actors ------------------------------------------------------------------------------

    def merge(self, actor: str, into: str) -> dict:
        """Actor ``actor`` is ``into``, in every document, stored or to come."""
        if actor == into:
            raise CorrectionConflict("an actor cannot be merged into itself")
        with self.store.transaction() as conn:
            old, new = self._actor(conn, actor), self._actor(conn, into)
            docs = _documents_of(conn, [actor])
            return self._insert(
                conn, "merge", "actor", docs, actor=actor, before=old, after={"into": into, **_named(new)}
            )

    def alias(self, actor: str, alias: str) -> dict:
        """``alias`` names ``actor``: actors of that name, in every document, are merged into it."""
        alias = " ".join((alias or "").split())
        if not alias or len(alias) > 200:
            raise CorrectionError("an alias is a name of 1 to 200 characters")
        with self.store.transaction() as conn:
            self._actor(conn, actor)
            named = [
                r[0]
                for r in conn.execute("SELECT id FROM actors WHERE fold(name) = fold(?) AND id != ?", (alias, actor))
            ]
            docs = _documents_of(conn, named)
            return self._insert(conn, "alias", "actor", docs, actor=actor, before=None, after={"alias": alias})

    def split(
        self,
        actor: str,
        doc_id: str,
        into: str | None = None,
        name: str | None = None,
        actor_type: str | None = None,
        mentions: list[tuple[int, int]] | None = None,
    ) -> dict:
        """In document ``doc_id``, the given ``mentions`` of ``actor`` (none given: all of them) are
        another actor: ``into`` (a stored actor id) or a new actor called ``name`` of ``actor_type``."""
        with self.store.transaction() as conn:
            old = self._actor(conn, actor)
            content_hash, record = _document(conn, doc_id)
            entry = next((a for a in record.get("actors") or [] if a["id"] == actor), None)
            if entry is None:
                raise CorrectionNotFound(f"document {doc_id} does not mention {actor}")
            spans = [(int(s), int(e)) for s, e in mentions or []]
            have = {(m["start"], m["end"]) for m in entry["mentions"]}
            missing = [s for s in spans if s not in have]
            if missing:
                raise CorrectionNotFound(f"{actor} has no mention at {missing[0][0]}-{missing[0][1]} in {doc_id}")
            if into:
                new = _named(self._actor(conn, into))
            else:
                if not name or actor_type not in ACTOR_TYPES:
                    raise CorrectionError(f"a new actor needs a name and a type ({', '.join(ACTOR_TYPES)})")
                new = {"id": _free_id(conn, name), "name": " ".join(name.split()), "type": actor_type}
            if new["id"] == actor:
                raise CorrectionConflict("an actor cannot be split into itself")
            before = {"actor": actor, "name": old["name"], "mentions": [list(s) for s in spans]}
            after = {"actor": new, "mentions": [list(s) for s in spans]}
            return self._insert(
                conn, "split", "actor", [doc_id], content_hash=content_hash, doc_id=doc_id, actor=actor,
                before=before, after=after,
            )  # fmt: skip

    # -- undo --------------------------------------------------------------------------------

    def undo(self, correction_id: int) -> dict:
        """Take a correction back: the documents it touched are rebuilt without it."""
        with self.store.transaction() as conn:
            found = get_correction(conn, int(correction_id))
            if found is None:
                raise CorrectionNotFound(f"no correction {correction_id}")
            if found.undone_at:
                raise CorrectionConflict(f"correction {correction_id} was undone at {found.undone_at}")
            conn.execute(
                "UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ?", (_now(), self.author, found.id)
            )
            if found.content_hash:
                docs = [
                    r[0] for r in conn.execute("SELECT id FROM documents WHERE content_hash = ?", (found.content_hash,))
                ]
            else:  # a corpus-wide correction changed only documents that now differ from their pipeline record
                docs = [r[0] for r in conn.execute("SELECT doc_id FROM extractions WHERE pipeline_record IS NOT NULL")]
            _refresh(self.store, conn, docs)
            return _read(conn, found.id)

    # -- shared ------------------------------------------------------------------------------

    def _insert(self, conn: sqlite3.Connection, action: str, kind: str, docs: list[str], **fields: Any) -> dict:
        for key in ("before", "after"):
            fields[key] = None if fields.get(key) is None else json.dumps(fields[key], ensure_ascii=False)
        fields.update(created_at=_now(), author=self.author, action=action, kind=kind)
        names = list(fields)
        cursor = conn.execute(
            f"INSERT INTO corrections ({', '.join(_quoted(n) for n in names)}) VALUES ({', '.join('?' * len(names))})",
            [fields[n] for n in names],
        )
        _refresh(self.store, conn, docs)
        return _read(conn, int(cursor.lastrowid or 0))

    def _actor(self, conn: sqlite3.Connection, actor_id: str) -> dict:
        row = conn.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            raise CorrectionNotFound(f"no stored actor {actor_id!r}")
        return dict(row)

    def _require_actor(self, actor_id: str | None) -> None:
        if actor_id is not None:
            self._actor(self.store.conn, actor_id)


def _refresh(store: Store, conn: sqlite3.Connection, doc_ids: list[str]) -> None:
    """Rewrite each document's rows from the pipeline's record with the corrections in force."""
    for doc_id in dict.fromkeys(doc_ids):
        row = conn.execute(
            "SELECT e.record, e.pipeline_record, e.stages, e.pipeline_version, d.text FROM extractions e "
            "JOIN documents d ON d.id = e.doc_id WHERE e.doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            continue
        pipeline = json.loads(row["pipeline_record"] or row["record"])
        pipeline["document"]["text"] = row["text"]  # the text is the document's, however the record keeps it
        record = ExtractionRecord.from_dict(pipeline)
        for table in ("mentions", "quotes", "claims", "events", "stances", "extractions"):
            conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))  # table names are literals above
        store._write_extraction(conn, record, json.loads(row["stages"]), row["pipeline_version"])
        stored = json.loads(conn.execute("SELECT record FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()[0])
        stored["document"]["text"] = row["text"]
        errors = validate_record(ExtractionRecord.from_dict(stored))
        if errors:  # raised inside the transaction: nothing of this correction is kept
            raise CorrectionConflict(f"the corrected record of {doc_id} would break the schema: {errors[0]}")


def _document(conn: sqlite3.Connection, doc_id: str) -> tuple[str, dict]:
    row = conn.execute(
        "SELECT d.content_hash, e.record, d.text FROM documents d JOIN extractions e ON e.doc_id = d.id WHERE d.id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        raise CorrectionNotFound(f"no stored document {doc_id!r}")
    return row[0], read_record(row[1], row[2])


def _documents_of(conn: sqlite3.Connection, actor_ids: list[str]) -> list[str]:
    """Documents whose stored rows name any of ``actor_ids``."""
    docs: list[str] = []
    for actor_id in actor_ids:
        docs += [
            r[0]
            for r in conn.execute(
                "SELECT doc_id FROM mentions WHERE actor_id = :actor "
                "UNION SELECT doc_id FROM quotes WHERE speaker = :actor "
                "UNION SELECT doc_id FROM events WHERE source = :actor OR target = :actor "
                "OR instr(other_targets, :quoted) > 0 "
                "UNION SELECT doc_id FROM stances WHERE actor = :actor "
                "UNION SELECT doc_id FROM claims WHERE instr(subject, :quoted) > 0",
                {"actor": actor_id, "quoted": json.dumps(actor_id)},
            )
        ]
    return docs


def _cameo_fields(code: Any) -> dict[str, Any]:
    from powermap.codebooks.cameo import cameo_codes

    code = str(code or "").strip()
    entry = cameo_codes().get(code)
    if entry is None:
        raise CorrectionError(f"{code!r} is not a CAMEO code of the codebook")
    return {"cameo": entry.code, "plover": entry.plover, "goldstein": entry.goldstein}


def _named(actor: dict) -> dict:
    return {"id": actor["id"], "name": actor["name"], "type": actor["type"]}


def _free_id(conn: sqlite3.Connection, name: str) -> str:
    base = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    base = re.sub(r"[^a-z0-9]+", "_", base).strip("_")[:60] or "actor"
    candidate, n = base, 2
    while conn.execute("SELECT 1 FROM actors WHERE id = ?", (candidate,)).fetchone():
        candidate, n = f"{base}_{n}", n + 1
    return candidate


def _quoted(name: str) -> str:
    return f'"{name}"' if name == "end" else name


def _read(conn: sqlite3.Connection, correction_id: int) -> dict:
    found = get_correction(conn, correction_id)
    assert found is not None
    return found.to_dict()


__all__ = ["COLUMNS", "Correction", "CorrectionConflict", "CorrectionError", "CorrectionNotFound", "Corrector"]
