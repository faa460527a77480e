"""Fuzz targets over the readers and parsers: ``check(data)`` raises only on a real defect.

The first byte picks the target, the rest is its input. Each target states what must hold for
any input (the same properties as ``tests/test_reliability_properties.py``): readers yield a
document with storable, normalised text or a failure and never raise; parsers return a valid
value or refuse cleanly. ``fuzz/run.py`` drives it with atheris (``make fuzz``); every input that
ever broke it is kept in ``tests/fuzz_findings/`` and replayed by the test suite.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from datetime import date
from pathlib import Path

from powermap.extract.claims.numbers import number_lexicon
from powermap.extract.events.dates import get_resolver
from powermap.ingest.dateline import estimate_published
from powermap.ingest.metadata import InvalidMetadata, calendar_date, language_code
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
from powermap.ingest.text import UnreadableText, clean_text, decode

OPTIONS = IngestOptions(language="nl", estimate_published=False, max_bytes=1 << 16)
SUFFIXES = (".jsonl", ".warc.gz", ".warc", ".txt", ".html", ".rss", "")
_SCRATCH = Path(os.environ.get("POWERMAP_FUZZ_DIR") or tempfile.mkdtemp(prefix="powermap-fuzz-"))


def _reader(data: bytes, suffix: str) -> None:
    path = _SCRATCH / f"input{suffix}"
    path.write_bytes(data)
    for item in read_inputs([str(path)], OPTIONS):
        assert isinstance(item, SourceDocument | IngestFailure), item
        if isinstance(item, SourceDocument):
            item.text.encode("utf-8")
            assert item.text.strip() and clean_text(item.text) == item.text


def _text(data: bytes) -> str:
    try:
        return decode(data)[0]
    except UnreadableText:
        return data.decode("latin-1")


def _parsers(data: bytes) -> None:
    text = _text(data)
    try:
        found = calendar_date(text)
        date.fromisoformat(found if len(found) == 10 else found + "-01")
    except InvalidMetadata:
        pass
    with contextlib.suppress(InvalidMetadata):
        assert re.fullmatch("[a-z]{2}", language_code(text))
    for language in ("nl", "en"):
        for token in text.split()[:20]:
            value = number_lexicon(language).parse_digits(token)
            assert value is None or isinstance(value, float | int)
        for mention in get_resolver(language).find(text, "2024-03-15"):
            assert 0 <= mention.start < mention.end <= len(text)
        estimate = estimate_published(text, language)
        assert estimate is None or calendar_date(estimate) == estimate


def check(data: bytes) -> None:
    """Run the target the first byte names on the rest of ``data``."""
    if not data:
        return
    choice, body = data[0] % (len(SUFFIXES) + 1), data[1:]
    if choice == len(SUFFIXES):
        _parsers(body)
    else:
        _reader(body, SUFFIXES[choice])
