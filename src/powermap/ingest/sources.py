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
from powermap.ingest.metadata import InvalidMetadata, calendar_date, language_code, optional_date
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content, clean_text, decode
from powermap.ingest.warc import open_archive, read_warc
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
_WARC_HEADS = (b"WARC/", b"\x1f\x8b")


def is_url(value: str) -> bool:
    return bool(_URL.match(value.strip()))


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def check_options(options: IngestOptions) -> None:
    """Raise ``ValueError`` (a usage error) for a ``--published`` or ``--language`` that cannot be used."""
    try:
        if options.published:
            calendar_date(options.published)
        if options.language:
            language_code(options.language)
    except InvalidMetadata as err:
        raise ValueError(f"--published/--language: {err}") from None


def read_inputs(inputs: Iterable[str], options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """Documents (with language and overrides applied) and failures, in input order.

    Only bad options raise (``ValueError``, before anything is read); anything that goes wrong
    with one input, or one document in it, is yielded as that input's ``IngestFailure``.
    """
    check_options(options)
    for item in inputs:
        last = None
        try:
            for result in _read_one(item, options):
                last = result.input
                yield _finish_or_fail(result, options) if isinstance(result, SourceDocument) else result
        except Exception as err:  # a reader bug or a library's surprise ends this input only
            where = f" after {last}" if last and last != item else ""
            yield IngestFailure(item, f"cannot read{where}: {type(err).__name__}: {err}")


def _finish_or_fail(doc: SourceDocument, options: IngestOptions) -> SourceDocument | IngestFailure:
    try:
        return finish(doc, options)
    except (InvalidMetadata, UnreadableText) as err:
        return IngestFailure(doc.input, str(err))
    except Exception as err:  # this document only: the reader goes on with the next one
        return IngestFailure(doc.input, f"{type(err).__name__}: {err}")


def finish(doc: SourceDocument, options: IngestOptions) -> SourceDocument:
    """Apply the user's overrides, detect the language and settle the publication date.

    The date comes from the input's own metadata, else ``--published``, else (unless turned
    off) an estimate from the latest date the text mentions; ``published_basis`` says which.
    The text is normalised (``text.clean_text``) here, before duplicate detection; a stated
    language must be an ISO 639-1 code or name (``InvalidMetadata`` otherwise), and a found date
    that does not exist in the calendar is ignored.
    """
    doc.text = check_content(doc.text)
    for name in ("path", "url", "title", "author", "site", "source"):
        value = getattr(doc, name)
        setattr(doc, name, clean_text(value) if isinstance(value, str) else None)
    doc.source = doc.source or options.source
    given = options.language or doc.language
    doc.language = language_code(given) if given else detect_language(doc.text)
    published = optional_date(doc.published)
    if published:
        doc.published, doc.published_basis = published, "source"
    elif options.published:
        doc.published, doc.published_basis = options.published, "option"
    elif options.estimate_published:
        doc.published = estimate_published(doc.text, doc.language)
        doc.published_basis = "text" if doc.published else None
    return doc


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
        if suffix in JSONL_SUFFIXES:  # streamed: the limit holds per line
            yield from read_jsonl(path, options)
            return
        if suffix in WARC_SUFFIXES or _sniff_warc(path):  # streamed: the limit holds per record
            yield from read_warc(path, options)
            return
        size = path.stat().st_size
        if size > options.max_bytes:
            yield IngestFailure(label, f"file of {size} bytes is larger than the {options.max_bytes} byte limit")
            return
        data = path.read_bytes()
    except OSError as err:
        yield IngestFailure(label, f"cannot read: {err.strerror or err}")
        return
    try:
        if is_feed(data) or suffix in FEED_SUFFIXES:  # a local feed is read offline unless --fetch-links
            fetch_link = (lambda url: _fetch_article(url, options)) if options.fetch_links else None
            yield from read_feed(data, label, fetch_link)
            return
        text, _ = decode(data)
        if suffix in HTML_SUFFIXES or _looks_html(text):
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


def _sniff_warc(path: Path) -> bool:
    """Whether a file with another name holds a WARC archive (plain, or gzip that unpacks to one)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
        if not head.startswith(_WARC_HEADS):
            return False
        stream, _ = open_archive(path)
        stream.close()
        return True
    except (OSError, ValueError):
        return False


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
