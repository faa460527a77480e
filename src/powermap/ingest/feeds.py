"""RSS and Atom feeds (feedparser): each entry's linked article, or its own content."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import feedparser

from powermap.ingest.html import read_html
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.text import UnreadableText

#: Entry content shorter than this is a teaser, not the article.
MIN_ENTRY_TEXT = 400


def is_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in body[:4096].lower() or b"<rdf" in head)


def read_feed(
    body: bytes, label: str, fetch_article: Callable[[str], SourceDocument] | None
) -> Iterator[SourceDocument | IngestFailure]:
    """Documents for the entries of a feed; ``fetch_article`` downloads a linked page (None: offline,
    each entry's own content only)."""
    parsed = feedparser.parse(body)
    if parsed.bozo and not parsed.entries:
        yield IngestFailure(label, f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}")
        return
    feed_title = parsed.feed.get("title")
    for entry in parsed.entries:
        link = entry.get("link")
        published = _date(entry)
        doc: SourceDocument | None = None
        reason = "entry has no content of its own" + ("" if fetch_article else " (use --fetch-links to download it)")
        if link and fetch_article is not None:
            try:
                doc = fetch_article(link)
            except (OSError, UnreadableText) as err:
                reason = f"{link}: {err}"
        if doc is None:
            doc = _from_content(entry, f"{label}#{link or entry.get('id', '?')}")
        if doc is None:
            yield IngestFailure(f"{label}#{link or entry.get('id', '?')}", reason)
            continue
        doc.title = doc.title or entry.get("title")
        doc.published = doc.published or published
        doc.source = doc.source or feed_title
        yield doc


def _from_content(entry, label: str) -> SourceDocument | None:
    contents = [c.get("value", "") for c in entry.get("content", [])] or [entry.get("summary", "")]
    html = max(contents, key=len) if contents else ""
    if len(html) < MIN_ENTRY_TEXT:
        return None
    try:
        return read_html(f"<html><body><article>{html}</article></body></html>", label, url=entry.get("link"))
    except UnreadableText:
        return None


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None
