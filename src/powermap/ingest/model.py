"""What ingest yields: a document read from some input, or the reason it could not be."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class SourceDocument:
    """A document's text and the metadata its input carried.

    ``input`` names where it came from in a form a person can find again: a path, a URL,
    ``file.jsonl:12`` for a JSON line, ``file.warc.gz#<record URI>`` for a WARC record.
    """

    text: str
    input: str
    path: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    site: str | None = None
    source: str | None = None
    published: str | None = None
    language: str | None = None
    published_basis: str | None = None  # source, option or text (estimated), see ingest.dateline


@dataclass
class IngestFailure:
    """An input that yielded no document, and why, in words a user can act on."""

    input: str
    reason: str

    def __str__(self) -> str:
        return f"{self.input}: {self.reason}"
