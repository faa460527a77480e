"""WARC and WARC.gz archives (warcio): HTML responses and plain-text resources."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from powermap.ingest.html import read_html
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content, decode

RECORD_TYPES = {"response", "resource", "conversion"}


def read_warc(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """Every HTML or plain-text record of the archive, as a document."""
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in RECORD_TYPES:
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                label = f"{path}#{uri}"
                if record.http_headers is not None:
                    if record.http_headers.get_statuscode() not in ("200", None):
                        continue
                    ctype = record.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                ctype = ctype.lower()
                if "html" not in ctype and "text/plain" not in ctype:
                    continue
                body = record.content_stream().read(options.max_bytes + 1)
                if len(body) > options.max_bytes:
                    yield IngestFailure(label, f"record larger than the {options.max_bytes} byte limit")
                    continue
                try:
                    text, _ = decode(body)
                    if "html" in ctype:
                        yield read_html(text, label, url=uri or None, path=str(path))
                    else:
                        yield SourceDocument(text=check_content(text), input=label, path=str(path), url=uri or None)
                except UnreadableText as err:
                    yield IngestFailure(label, str(err))
        except ArchiveLoadFailed as err:
            yield IngestFailure(str(path), f"not a readable WARC archive: {err}")
