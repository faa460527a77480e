"""What writing a record needs that does not need the database, computed where the record is made.

``Store.add`` checks a record (JSON Schema, the offset rule, its actor references), turns it
into the dict it stores and computes the text's duplicate keys (an exact hash and a MinHash
signature). None of that reads the store, so forked workers do it (``prepare``) next to the
extraction, in parallel, and the single writer is left with the SQL. ``Store.add`` given a
plain record prepares it itself: the stored rows are the same either way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from powermap.ingest import dedup
from powermap.records import ExtractionRecord


class RecordError(ValueError):
    """A record that breaks the published schema or refers to actors it does not list."""


@dataclass(frozen=True)
class PreparedRecord:
    """A checked record with its stored dict and its text's duplicate keys."""

    record: ExtractionRecord
    data: dict[str, Any]  # record.to_dict()
    content_hash: str
    signature: np.ndarray


def prepare(record: ExtractionRecord, schema_checked: bool = False) -> PreparedRecord:
    """``record`` checked and keyed for the store; raises ``RecordError`` for a record it must refuse.

    ``schema_checked``: the record already passed ``validate_record`` (``extract_guarded`` checks
    every record it returns), so the schema is not checked twice.
    """
    data = checked(record, schema_checked)
    text = record.document.text
    return PreparedRecord(record, data, dedup.content_hash(text), dedup.signature(text))


def checked(record: ExtractionRecord, schema_checked: bool = False) -> dict[str, Any]:
    """``record.to_dict()`` once the record passed the schema and reference checks (``RecordError``)."""
    from powermap.schema import validation_errors

    data = record.to_dict()
    errors = [] if schema_checked else validation_errors(data)
    if errors:
        raise RecordError(f"document {record.document.id}: record breaks the schema: {'; '.join(errors[:3])}")
    check_references(record)
    return data


def prepare_outcome(outcome: ExtractionRecord | str) -> PreparedRecord | str:
    """An extraction's outcome (a record from ``extract_guarded``, or why it failed) prepared for the
    store, or why the store would refuse it, in the words the ingest job uses for ``Store.add``."""
    if isinstance(outcome, str):
        return outcome
    try:
        return prepare(outcome, schema_checked=True)
    except RecordError as err:
        return f"not stored: {err}"
    except (UnicodeError, ValueError, OverflowError) as err:
        return f"not stored: {type(err).__name__}: {err}"


def check_references(record: ExtractionRecord) -> None:
    """Raise ``RecordError`` when the record refers to an actor it does not list."""
    known = {a.id for a in record.actors}
    refs = [q.speaker for q in record.quotes] + [s.actor for s in record.stances]
    refs += [e.source for e in record.events] + [e.target for e in record.events]
    refs += [t for e in record.events for t in e.other_targets]
    refs += [s for c in record.claims for s in c.subject]
    missing = sorted({r for r in refs if r is not None and r not in known})
    if missing:
        raise RecordError(f"document {record.document.id}: the record refers to actors it does not list: {missing}")
