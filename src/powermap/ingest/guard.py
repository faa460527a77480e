"""Extraction of one document that can fail only that document: parts, time budget, validation.

``extract_guarded`` is the one entry point the command line, the ingest job and the Dask
workers share. It returns the record, or the reason the document failed, and never raises
for anything the document's content causes (an exception in a stage, a recursion limit, a
spent time budget, a record that breaks the JSON Schema).

Long texts are extracted in parts of at most ``PART_CHARS`` characters, cut at paragraph
boundaries (else line, sentence, word boundaries), each extracted as its own document; the
parts' records are merged with every offset shifted back, so offsets are exact in the whole
text. This keeps each part under the annotator's limit (spaCy refuses 1,000,000 characters),
bounds any superlinear cost in a stage to the part size, and gives the time budget a point to
land between parts.
"""

from __future__ import annotations

import gc
import re
from dataclasses import replace

from powermap.extract import Extractor
from powermap.ingest.deadline import DocumentTimeout, within
from powermap.ingest.options import DEFAULT_TIME_LIMIT
from powermap.records import Actor, Document, ExtractionRecord, document_id, validate_record

#: The longest text extracted in one piece (a long report is about 60,000 characters).
PART_CHARS = 100_000
_BOUNDARIES = (re.compile(r"\n[^\S\n]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))


def split_parts(text: str, limit: int = PART_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive parts covering ``text`` exactly, each at most ``limit`` long."""
    parts, start = [], 0
    while len(text) - start > limit:
        end = start + limit
        cut = None
        for pattern in _BOUNDARIES:  # the last boundary in the second half of the window
            found = [m.end() for m in pattern.finditer(text, start + limit // 2, end)]
            if found:
                cut = found[-1]
                break
        parts.append((start, cut or end))
        start = cut or end
    parts.append((start, len(text)))
    return parts


def merge_records(document: Document, pieces: list[tuple[int, ExtractionRecord]]) -> ExtractionRecord:
    """One record for ``document`` from the records of its parts (each with its start offset)."""
    merged = ExtractionRecord(document=document)
    actors: dict[str, Actor] = {}
    for offset, record in pieces:
        for actor in record.actors:
            mentions = [replace(m, start=m.start + offset, end=m.end + offset) for m in actor.mentions]
            if actor.id in actors:
                actors[actor.id].mentions.extend(mentions)
            else:
                actors[actor.id] = replace(actor, mentions=mentions)
        for name in ("quotes", "claims", "events", "stances"):
            getattr(merged, name).extend(
                replace(item, start=item.start + offset, end=item.end + offset) for item in getattr(record, name)
            )
    merged.actors = list(actors.values())
    return merged


def _extract(extractor: Extractor, document: Document, part_chars: int) -> ExtractionRecord:
    if len(document.text) <= part_chars:
        return extractor(document)
    pieces = []
    for start, end in split_parts(document.text, part_chars):
        text = document.text[start:end]
        part = replace(document, id=document_id(text), text=text)
        pieces.append((start, extractor(part)))
    return merge_records(document, pieces)


def extract_guarded(
    extractor: Extractor,
    document: Document,
    time_limit: float | None = DEFAULT_TIME_LIMIT,
    part_chars: int = PART_CHARS,
) -> ExtractionRecord | str:
    """The document's validated record, or why it failed (never raises for the document's sake)."""
    try:
        record = within(time_limit, lambda: _extract(extractor, document, part_chars))
    except DocumentTimeout:
        return f"extraction took longer than the {time_limit:g} s limit per document"
    except RecursionError:
        return "extraction failed: RecursionError: a reference chain too deep to follow"
    except Exception as err:  # a stage bug must not end a long run or lose stored data
        return f"extraction failed: {type(err).__name__}: {str(err)[:300]}"
    errors = validate_record(record)
    if errors:
        return f"record breaks the schema: {'; '.join(errors[:3])}"
    return record


def freeze_loaded() -> None:
    """Collect garbage once, then move every object alive (the loaded models, the knowledge base, the
    stages' tables) out of the cyclic garbage collector's reach (``gc.freeze``): they live as long as
    the process, and each full collection would walk them all again (about 4 % of the CPU after the
    model). Objects made later are collected as before. Called once the models are loaded."""
    gc.collect()
    gc.freeze()
