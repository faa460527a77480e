"""WARC and WARC.gz archives (warcio): HTML responses and plain-text resources, streamed.

The archive is read as a stream with three guards, so no input can make memory grow with it:
the content is sniffed (a file named ``.warc.gz`` that does not unpack to ``WARC/`` is refused
before warcio sees it); gzip members are unpacked here, in blocks, and a stream that ends inside
a member is reported as a truncated archive; header lines are capped at ``MAX_LINE`` bytes
(warcio otherwise reads a whole "line" into memory, however long). Record bodies are read up to
``max_bytes``. A record cut short by the end of the file is a failure, not a partial document.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader

from powermap.ingest.html import read_html
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.text import UnreadableText, check_content, decode

RECORD_TYPES = {"response", "resource", "conversion"}
#: The longest header line accepted (WARC and HTTP headers are short; a longer one is not a WARC).
MAX_LINE = 64 * 1024
_BLOCK = 64 * 1024
_GZIP_MAGIC = b"\x1f\x8b"
_SIGNATURES = (b"WARC/", b"filedesc://")


class BrokenArchive(ValueError):
    """An archive that is not a WARC, is truncated, or has a line too long to be a header."""


class GunzipStream(io.RawIOBase):
    """The unpacked bytes of a (multi-member) gzip file, in blocks; notes when it ends mid-member."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.inflater = zlib.decompressobj(wbits=31)
        self.pending = b""
        self.truncated = False  # the file ended inside a member: reported after the last record

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            while not self.pending:
                if self.inflater.unconsumed_tail:
                    self.pending = self.inflater.decompress(self.inflater.unconsumed_tail, _BLOCK)
                elif self.inflater.eof:  # a member ended: the next one, or the end of the file
                    data = self.inflater.unused_data or self.raw.read(_BLOCK)
                    if not data:
                        return 0
                    self.inflater = zlib.decompressobj(wbits=31)
                    self.pending = self.inflater.decompress(data, _BLOCK)
                else:
                    data = self.raw.read(_BLOCK)
                    if not data:
                        self.truncated = True
                        return 0
                    self.pending = self.inflater.decompress(data, _BLOCK)
        except zlib.error as err:
            raise BrokenArchive(f"corrupt gzip data: {err}") from None
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def close(self) -> None:
        self.raw.close()
        super().close()


class _CappedReader(DecompressingBufferedReader):
    """warcio's reader with every ``readline`` capped at ``MAX_LINE`` bytes."""

    def readline(self, length=None):
        line = super().readline(length or MAX_LINE + 1)
        if length is None and len(line) > MAX_LINE and not line.endswith(b"\n"):
            raise BrokenArchive(f"a header line longer than {MAX_LINE} bytes: not a WARC archive")
        return line


class _BoundedArchiveIterator(ArchiveIterator):
    def __init__(self, stream, **kwargs) -> None:
        super().__init__(stream, **kwargs)
        self.reader = _CappedReader(self.fh, block_size=_BLOCK, decomp_type=None)


def open_archive(path: Path) -> tuple[io.BufferedReader[Any], GunzipStream | None]:
    """The unpacked byte stream of a WARC file (and its unpacker), after checking that it is one."""
    raw = path.open("rb")
    try:
        gzipped = raw.peek(2)[:2] == _GZIP_MAGIC
        gunzip = GunzipStream(raw) if gzipped else None
        stream = io.BufferedReader(gunzip, _BLOCK) if gunzip else raw
        head = stream.peek(16)[:16].lstrip()
        if not head.startswith(_SIGNATURES):
            kind = "gzip data" if gzipped else "a file"
            raise BrokenArchive(f"{kind} that does not start with a WARC record (starts with {head[:12]!r})")
    except BaseException:
        raw.close()
        raise
    return stream, gunzip


def read_warc(path: Path, options: IngestOptions) -> Iterator[SourceDocument | IngestFailure]:
    """Every HTML or plain-text record of the archive, as a document; a broken archive is a failure."""
    try:
        stream, gunzip = open_archive(path)
    except BrokenArchive as err:
        yield IngestFailure(str(path), f"not a readable WARC archive: {err}")
        return
    records = 0
    try:
        with stream:
            for record in _BoundedArchiveIterator(stream, arc2warc=True):
                records += 1
                result = _document(record, path, options)
                if result is not None:
                    yield result
    except Exception as err:  # warcio raises many kinds on a damaged archive; each ends this archive only
        if gunzip is None or not gunzip.truncated:
            where = f"after {records} record(s)" if records else "at the start"
            yield IngestFailure(str(path), f"not a readable WARC archive ({where}): {type(err).__name__}: {err}")
            return
    if gunzip is not None and gunzip.truncated:
        yield IngestFailure(
            str(path), f"truncated: the file ends inside a compressed record (after {records} record(s))"
        )


def _document(record, path: Path, options: IngestOptions) -> SourceDocument | IngestFailure | None:
    if record.rec_type not in RECORD_TYPES:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    label = f"{path}#{uri}"
    if record.http_headers is not None:
        if record.http_headers.get_statuscode() not in ("200", None):
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    ctype = ctype.lower()
    if "html" not in ctype and "text/plain" not in ctype:
        return None
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) > options.max_bytes:
        return IngestFailure(label, f"record larger than the {options.max_bytes} byte limit")
    if record.raw_stream.limit:
        return IngestFailure(label, "truncated: the record ends before its declared length")
    try:
        text, _ = decode(body)
        if "html" in ctype:
            return read_html(text, label, url=uri or None, path=str(path))
        return SourceDocument(text=check_content(text), input=label, path=str(path), url=uri or None)
    except UnreadableText as err:
        return IngestFailure(label, str(err))
