"""From what the user names (files, folders, URLs, URL lists) to documents, one reader per format.

``read_inputs`` never raises for a bad input: it yields an ``IngestFailure`` naming the
input and the reason, and goes on with the next.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from powermap.ingest.dateline import estimate_published
from powermap.ingest.feeds import is_feed, read_feed
from powermap.ingest.html import read_html
from powermap.ingest.jsonl import read_jsonl
from powermap.ingest.language import detect_language
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content, decode
from powermap.ingest.warc import read_warc
from powermap.ingest.web import FetchError, fetch

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
URL_LIST_SUFFIXES = {".urls"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES | URL_LIST_SUFFIXES

#: Files in a folder that document the folder rather than being articles.
NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|changelog|source)(\.[a-z]+)?$", re.IGNORECASE)
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def read_inputs(inputs: Iterable[str], options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """Documents (with language and overrides applied) and failures, in input order."""
    if options.published and not _DATE.match(options.published):
        raise ValueError(f"--published must be YYYY-MM-DD or YYYY-MM, not {options.published!r}")
    for item in inputs:
        for result in _read_one(item, options):
            yield finish(result, options) if isinstance(result, SourceDocument) else result


def finish(doc: SourceDocument, options: IngestOptions) -> SourceDocument:
    """Apply the user's overrides, detect the language and settle the publication date.

    The date comes from the input's own metadata, else ``--published``, else (unless turned
    off) an estimate from the latest date the text mentions; ``published_basis`` says which.
    """
    doc.source = doc.source or options.source
    doc.language = options.language or doc.language or detect_language(doc.text)
    published = _normalise_date(doc.published)
    if published:
        doc.published, doc.published_basis = published, "source"
    elif options.published:
        doc.published, doc.published_basis = options.published, "option"
    elif options.estimate_published:
        doc.published = estimate_published(doc.text, doc.language)
        doc.published_basis = "text" if doc.published else None
    return doc


def _normalise_date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()[:10]
    return value if _DATE.match(value) else (value[:7] if _DATE.match(value[:7]) else None)


def _read_one(item: str, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    if is_url(item):
        yield from read_url(item, options)
        return
    path = Path(item)
    if not path.exists():
        yield IngestFailure(item, "no such file, folder or URL")
    elif path.is_dir():
        for file in _walk(path):
            yield from read_file(file, options)
    else:
        yield from read_file(path, options)


def _walk(folder: Path) -> Iterator[Path]:
    """Files with a known suffix under ``folder``, recursively, sorted.

    Hidden files and a folder's own documentation (README, LICENSE, SOURCE.md, ...) are skipped;
    name such a file directly to ingest it.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or NOT_ARTICLES.match(name):
                continue
            if suffix_of(path) in KNOWN_SUFFIXES:
                yield path


def read_file(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """The documents in one file, by its suffix (or its content when the suffix says nothing)."""
    label = str(path)
    suffix = suffix_of(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield IngestFailure(label, f"file of {size} bytes is larger than the {options.max_bytes} byte limit")
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, options)
            return
        if suffix in WARC_SUFFIXES:
            yield from read_warc(path, options)
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestFailure(label, f"cannot read: {err.strerror or err}")
        return
    try:
        if suffix in FEED_SUFFIXES or (suffix not in KNOWN_SUFFIXES and is_feed(data)):
            yield from read_feed(data, label, lambda url: _fetch_article(url, options))
            return
        text, _ = decode(data)
        if suffix in HTML_SUFFIXES or (suffix not in KNOWN_SUFFIXES and _looks_html(text)):
            yield read_html(text, label, path=label)
            return
        urls = _url_list(text)
        if suffix in URL_LIST_SUFFIXES or urls:
            if not urls:
                yield IngestFailure(label, "a URL list must hold one http(s) URL per line")
            for url in urls:
                yield from read_url(url, options)
            return
        yield SourceDocument(text=check_content(text), input=label, path=label, title=_markdown_title(text, suffix))
    except UnreadableText as err:
        yield IngestFailure(label, str(err))


def read_url(url: str, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """The article at ``url``, or every article of the feed at ``url``."""
    try:
        page = fetch(url, options.max_bytes, options.timeout)
    except FetchError as err:
        yield IngestFailure(url, f"cannot fetch: {err}")
        return
    try:
        if is_feed(page.body):
            yield from read_feed(page.body, url, lambda link: _fetch_article(link, options))
            return
        yield _document_from_page(page.body, page.content_type, url, page.url)
    except UnreadableText as err:
        yield IngestFailure(url, str(err))


def _fetch_article(url: str, options: IngestOptions) -> SourceDocument:
    page = fetch(url, options.max_bytes, options.timeout)
    return _document_from_page(page.body, page.content_type, url, page.url)


def _document_from_page(body: bytes, content_type: str, label: str, final_url: str) -> SourceDocument:
    text, _ = decode(body)
    if "text/plain" in content_type:
        return SourceDocument(text=check_content(text), input=label, url=final_url)
    return read_html(text, label, url=final_url)


def _looks_html(text: str) -> bool:
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in text[:4096].lower()


def _url_list(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return lines if lines and all(is_url(line) for line in lines) else []


def _markdown_title(text: str, suffix: str) -> str | None:
    if suffix not in {".md", ".markdown"}:
        return None
    for line in text.splitlines():
        if line.strip():
            return line.lstrip("#").strip() or None if line.startswith("#") else None
    return None
