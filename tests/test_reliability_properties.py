"""Property tests (hypothesis, bounded) over every reader, the date and number parsers and the stages.

Each property says what must hold for *any* input: readers yield documents or failures and never
raise; parsers return a valid value or None; guarded extraction returns a schema-valid record
with exact offsets or a reason. Example counts are small so CI stays fast; ``make fuzz`` runs
the same targets for as long as one likes (``fuzz/``).
"""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from powermap.extract.claims.numbers import number_lexicon
from powermap.extract.events.dates import get_resolver
from powermap.ingest.dateline import estimate_published
from powermap.ingest.guard import merge_records, split_parts
from powermap.ingest.metadata import InvalidMetadata, calendar_date, language_code
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
from powermap.ingest.text import INVISIBLE, UnreadableText, clean_text, decode, decode_line, looks_binary
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
WORDS = [
    "De",
    "minister",
    "zei",
    "Rusland",
    "2024",
    "12,5",
    "miljoen",
    "euro",
    "The",
    "said",
    "on",
    "Monday",
    "15%",
    "March",
    "3",
    "maart",
    "gisteren",
]
NEWSY = st.sampled_from([*WORDS, "„", "”", '"', "'", ",,", "(", ")", "\n\n", ".", ",", ":", "-", "\u00ad", "\ufeff"])
NEWS_TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=6)), min_size=1, max_size=60).map(" ".join)


def read_bytes(tmp_path: Path, name: str, data: bytes) -> list:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_inputs([str(path)], IngestOptions(language="nl", estimate_published=False, max_bytes=4096)))
    assert all(isinstance(i, SourceDocument | IngestFailure) for i in items)
    for item in items:
        if isinstance(item, SourceDocument):
            item.text.encode("utf-8")  # storable
            assert item.text.strip() and clean_text(item.text) == item.text
    return items


# -- text and readers ------------------------------------------------------------------------


@FAST
@given(st.text(max_size=300))
def test_utf8_text_decodes_to_itself(text):
    data = text.encode("utf-8", errors="surrogatepass")
    if looks_binary(data) or text.startswith("\ufeff") or re.search("[\ud800-\udfff]", text):
        return
    assert decode(data)[0] == text


@FAST
@given(st.lists(st.text(alphabet=st.characters(codec="cp1252", exclude_characters="\r\n"), max_size=40), max_size=6))
def test_a_cp1252_line_leaves_the_utf8_lines_alone(lines):
    utf8 = [f"regel {i}: één café\n" for i in range(len(lines))]
    data = b"".join(u.encode() + (line + "\n").encode("cp1252") for u, line in zip(utf8, lines, strict=True))
    try:
        text, _ = decode(data)
    except UnreadableText:
        return
    assert all(u in text for u in utf8)


@FAST
@given(st.text(max_size=200))
def test_clean_text_is_idempotent_and_storable(text):
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned and not set(INVISIBLE) & set(cleaned)
    cleaned.encode("utf-8")


@FAST
@given(st.binary(max_size=300))
def test_decode_line_never_raises(raw):
    assert isinstance(decode_line(raw), str)


@FAST
@given(
    st.lists(
        st.one_of(
            st.binary(max_size=80), st.builds(json.dumps, st.dictionaries(st.text(max_size=8), st.text(max_size=30)))
        ),
        max_size=8,
    )
)
def test_jsonl_reader_yields_one_item_per_line(tmp_path, lines):
    blob = b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines)
    items = read_bytes(tmp_path, "x.jsonl", blob)
    assert len(items) <= max(1, blob.count(b"\n") + 1)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.rss", "a.warc", "a.warc.gz", "a.urls", "a"]))
@example(b"\x1f\x8b\x08\x00", "a.warc.gz")
@example(b"WARC/1.0\r\n" + b"A" * 70000, "a.bin")
def test_every_reader_survives_any_bytes(tmp_path, data, name):
    read_bytes(tmp_path, name, data)


def _warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(2):
        body = f"<html><body><p>{'Een zin over de regering. ' * 30}{i}</p></body></html>".encode()
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(f"http://e.org/{i}", "response", payload=io.BytesIO(body), http_headers=http)
        )
    return buffer.getvalue()


WARC = _warc()


@FAST
@given(st.integers(0, len(WARC)), st.integers(0, 255), st.booleans())
def test_warc_reader_survives_cut_and_flipped_archives(tmp_path, position, value, cut):
    data = WARC[:position] if cut else WARC[:position] + bytes([value]) + WARC[position + 1 :]
    items = read_bytes(tmp_path, "a.warc.gz", data)
    if cut and 0 < position < len(WARC):
        assert any(isinstance(i, IngestFailure) for i in items), "a cut archive is reported"


# -- parsers ---------------------------------------------------------------------------------


@FAST
@given(
    st.one_of(
        st.text(max_size=14), st.dates().map(date.isoformat), st.from_regex(r"\d{4}-\d{2}(-\d{2})?", fullmatch=True)
    )
)
@example("000\u0661-01")  # found by hypothesis: a digit class matched an Arabic-Indic digit
def test_calendar_date_accepts_only_real_days(value):
    try:
        found = calendar_date(value)
    except InvalidMetadata:
        return
    date.fromisoformat(found if len(found) == 10 else found + "-01")


@FAST
@given(st.text(max_size=20))
@example("../../../../etc")
@example("English")
def test_language_codes_come_from_a_closed_set(value):
    try:
        code = language_code(value)
    except InvalidMetadata:
        return
    assert re.fullmatch("[a-z]{2}", code)


@FAST
@given(st.sampled_from(["nl", "en"]), st.text(alphabet="0123456789.,-+ e%", max_size=12))
def test_number_parser_returns_a_number_or_none(language, token):
    value = number_lexicon(language).parse_digits(token)
    assert value is None or isinstance(value, float | int)


@FAST
@given(st.sampled_from(["nl", "en"]), NEWS_TEXT, st.one_of(st.none(), st.dates().map(date.isoformat)))
def test_date_resolver_and_dateline_return_real_dates(language, text, published):
    for mention in get_resolver(language).find(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
        parts = [int(p) for p in mention.value.split("-")]
        date(parts[0], *(parts[1:] or [1]), *([1] if len(parts) < 3 else []))
    estimate = estimate_published(text, language)
    assert estimate is None or calendar_date(estimate) == estimate


# -- parts and stages ------------------------------------------------------------------------


@FAST
@given(NEWS_TEXT, st.integers(5, 80))
def test_parts_cover_the_text_and_merged_offsets_are_exact(text, limit):
    parts = split_parts(text, limit)
    assert "".join(text[a:b] for a, b in parts) == text and all(b - a <= limit for a, b in parts)
    pieces = []
    for start, end in parts:
        part = text[start:end]
        spans = [Span(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+", part)]
        record = ExtractionRecord(document=Document(id=document_id(part), text=part))
        record.actors = [Actor(id="w", name="w", type="group", mentions=spans)] if spans else []
        pieces.append((start, record))
    merged = merge_records(Document(id=document_id(text), text=text), pieces)
    assert all(text[m.start : m.end] == m.text for a in merged.actors for m in a.mentions)


@pytest.fixture(scope="module")
def extractors():
    from powermap.extract import Extractor

    return Extractor()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(NEWS_TEXT, st.sampled_from(["nl", "en"]))
def test_guarded_extraction_returns_a_valid_record(extractors, text, language):
    from powermap.ingest.guard import extract_guarded
    from powermap.records import validate_record

    text = clean_text(text)
    if not text.strip():
        return
    outcome = extract_guarded(extractors, Document(id=document_id(text), text=text, language=language), 120)
    assert isinstance(outcome, ExtractionRecord), outcome
    assert validate_record(outcome) == []
