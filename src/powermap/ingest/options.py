"""Ingest settings shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    Attributes:
        max_bytes: inputs larger than this are refused (files, downloads, JSON lines, WARC records).
        timeout: seconds allowed for connecting to and reading from a web server.
        published: publication date (YYYY-MM-DD or YYYY-MM) for inputs that carry none.
        source: outlet name for inputs that carry none.
        language: ISO 639-1 code that overrides detection.
        estimate_published: when no date is known, estimate the month from the latest date the
            text mentions (see ``ingest.dateline``).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    published: str | None = None
    source: str | None = None
    language: str | None = None
    estimate_published: bool = True
