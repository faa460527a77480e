"""JSON Lines: one article per line, ``text`` plus optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content

FIELDS = ("title", "url", "published", "source", "language", "author")


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """One document per valid line; a failure (naming the line) per bad one."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            label = f"{path}:{number}"
            if not raw.strip():
                continue
            if len(raw) > options.max_bytes:
                yield IngestFailure(label, f"line larger than the {options.max_bytes} byte limit")
                continue
            try:
                item = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                yield IngestFailure(label, f"malformed JSON: {err}")
                continue
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                yield IngestFailure(label, 'each line must be an object with a string "text"')
                continue
            try:
                text = check_content(item["text"])
            except UnreadableText as err:
                yield IngestFailure(label, str(err))
                continue
            meta = {k: item[k] for k in FIELDS if isinstance(item.get(k), str) and item[k].strip()}
            yield SourceDocument(text=text, input=label, path=str(path), **meta)
