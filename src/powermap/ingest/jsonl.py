"""JSON Lines: one article per line, ``text`` plus optional metadata, streamed line by line.

The size limit holds per line (per document), not per file, so a file of any length streams
through; a line longer than the limit is skipped without being read into memory whole. Each line
is decoded on its own (UTF-8, else its best guess), and a stated ``published`` date must exist.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from powermap.ingest.metadata import InvalidMetadata, calendar_date
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content, decode_line

FIELDS = ("title", "url", "published", "source", "language", "author")
_CHUNK = 1 << 20


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """One document per valid line; a failure (naming the line) per bad one."""
    with path.open("rb") as handle:
        for number, raw in enumerate(_lines(handle, options.max_bytes), start=1):
            label = f"{path}:{number}"
            if raw is None:
                yield IngestFailure(label, f"line larger than the {options.max_bytes} byte limit")
                continue
            if raw.strip():
                yield _document(raw, label, path)


def _lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The file's lines; None for a line over ``limit`` bytes (skipped in chunks, never held whole)."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the long line
                rest = handle.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _document(raw: bytes, label: str, path: Path) -> SourceDocument | IngestFailure:
    try:
        item = json.loads(decode_line(raw))
    except (json.JSONDecodeError, RecursionError) as err:
        return IngestFailure(label, f"malformed JSON: {str(err)[:200]}")
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        return IngestFailure(label, 'each line must be an object with a string "text"')
    try:
        text = check_content(item["text"])
        meta = {k: item[k] for k in FIELDS if isinstance(item.get(k), str) and item[k].strip()}
        if "published" in meta:
            meta["published"] = calendar_date(meta["published"])
    except (UnreadableText, InvalidMetadata) as err:
        return IngestFailure(label, str(err))
    return SourceDocument(text=text, input=label, path=str(path), **meta)
