"""Ingest settings shared by every reader."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIME_LIMIT = 300.0


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    Attributes:
        max_bytes: a document larger than this is refused: a file, a download, one JSON line, one
            WARC record (JSON Lines and WARC files themselves stream and may be of any size).
        time_limit: seconds of extraction allowed per document; a document over it fails alone
            (0: no limit; see ``ingest.deadline``).
        timeout: seconds allowed for connecting to and reading from a web server.
        published: publication date (YYYY-MM-DD or YYYY-MM) for inputs that carry none.
        source: outlet name for inputs that carry none.
        language: ISO 639-1 code that overrides detection.
        estimate_published: when no date is known, estimate the month from the latest date the
            text mentions (see ``ingest.dateline``).
        fetch_links: download the article each entry of a local feed file links to (by default a
            local feed is read offline, from the entries' own content; a feed URL always fetches).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 20.0
    published: str | None = None
    source: str | None = None
    language: str | None = None
    estimate_published: bool = True
    fetch_links: bool = False
    time_limit: float = DEFAULT_TIME_LIMIT
