"""Hostile inputs (bounded sizes): each fails alone with a clear reason, or is read correctly.

Every case of issue 19 is a row here: over-long texts, impossible dates, lone surrogates, bad
language codes, the WARC gzip bomb, truncated archives, per-file size limits, mixed encodings,
invisible characters, local feeds, and a runaway document under the time budget.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import itertools
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from powermap.ingest import feeds, sources
from powermap.ingest.dedup import content_hash
from powermap.ingest.guard import extract_guarded, split_parts
from powermap.ingest.model import IngestFailure, SourceDocument
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
from powermap.records import Actor, Document, ExtractionRecord, Quote, Span, document_id

NAME = "Veldhoven"  # a made-up actor name the fake extractor finds


class FakeExtractor:
    """Finds every NAME as an actor mention and every "..." as a quote; refuses long texts like spaCy."""

    stage_names: tuple[str, ...] = ()

    def __init__(self, limit: int = 1000) -> None:
        self.limit = limit
        self.calls = 0

    def __call__(self, document: Document) -> ExtractionRecord:
        self.calls += 1
        text = document.text
        if len(text) > self.limit:
            raise ValueError(f"[E088] Text of length {len(text)} exceeds maximum of {self.limit}.")
        mentions = [Span(m.group(), m.start(), m.end()) for m in re.finditer(NAME, text)]
        actors = [Actor(id="veldhoven", name=NAME, type="person", mentions=mentions)] if mentions else []
        quotes = [
            Quote(m.group(), m.start(), m.end(), "veldhoven" if mentions else None, "direct")
            for m in re.finditer(r'"[^"\n]+"', text)
        ]
        return ExtractionRecord(document=document, actors=actors, quotes=quotes)


def doc(text: str, **meta) -> Document:
    return Document(id=document_id(text), text=text, **meta)


def lines(*items: dict | str) -> str:
    return "".join((json.dumps(i) if isinstance(i, dict) else i) + "\n" for i in items)


def read(path: Path, **options) -> list[SourceDocument | IngestFailure]:
    return list(read_inputs([str(path)], IngestOptions(estimate_published=False, **options)))


# -- long texts, time budget, stage errors ---------------------------------------------------


def test_text_over_the_annotator_limit_is_extracted_in_parts_with_exact_offsets():
    paragraph = f'{NAME} sprak lang. "Wij gaan door," zei hij.\n\n'
    text = paragraph * 60  # 2,700 characters against a limit of 1,000
    fake = FakeExtractor(limit=1000)
    record = extract_guarded(fake, doc(text, language="nl"), time_limit=None, part_chars=1000)
    assert isinstance(record, ExtractionRecord), record
    assert fake.calls >= 3
    mentions = record.actors[0].mentions
    assert len(record.actors) == 1 and len(mentions) == 60
    assert all(text[m.start : m.end] == m.text for m in mentions)
    assert all(text[q.start : q.end] == q.text for q in record.quotes) and len(record.quotes) == 60


def test_without_parts_the_limit_fails_that_document_only():
    outcome = extract_guarded(FakeExtractor(limit=10), doc("x" * 50), time_limit=None, part_chars=10_000)
    assert isinstance(outcome, str) and "E088" in outcome


@pytest.mark.parametrize("limit", [7, 50, 333])
def test_parts_cover_the_text_exactly_and_prefer_paragraphs(limit):
    text = "Eerste alinea met woorden.\n\nTweede alinea, iets langer dan de eerste.\n\n" * 40 + "x" * 900
    parts = split_parts(text, limit)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(parts))
    assert all(0 < end - start <= limit for start, end in parts)
    if limit == 333:
        prose = [(start, end) for start, end in parts if end < len(text) - 900 - limit]
        assert len(prose) > 5 and all(text[start:end].endswith("\n\n") for start, end in prose)


class Runaway(FakeExtractor):
    def __call__(self, document: Document) -> ExtractionRecord:
        while True:  # a stage stuck in pure Python
            self.calls += 1


def test_time_budget_fails_the_document_in_the_main_thread():
    outcome = extract_guarded(Runaway(), doc("tekst"), time_limit=0.3)
    assert isinstance(outcome, str) and "0.3 s limit" in outcome
    assert isinstance(extract_guarded(FakeExtractor(), doc(f"{NAME} zei iets."), time_limit=5), ExtractionRecord)


def test_time_budget_fails_the_document_in_a_worker_thread():
    results = []
    worker = threading.Thread(target=lambda: results.append(extract_guarded(Runaway(), doc("tekst"), time_limit=0.3)))
    worker.start()
    worker.join(30)
    assert not worker.is_alive() and "limit" in results[0]


class Swallower(FakeExtractor):
    def __call__(self, document: Document) -> ExtractionRecord:
        while True:
            with contextlib.suppress(Exception):  # a stage's broad handler must not swallow the budget
                self.calls += 1


def test_a_broad_except_in_a_stage_cannot_swallow_the_budget():
    assert "limit" in extract_guarded(Swallower(), doc("tekst"), time_limit=0.3)


class Recursive(FakeExtractor):
    def __call__(self, document: Document) -> ExtractionRecord:
        return self(document)


class Invalid(FakeExtractor):
    def __call__(self, document: Document) -> ExtractionRecord:
        record = super().__call__(document)
        record.quotes.append(Quote("niet in de tekst", 0, 3, None, "direct"))
        return record


def test_stage_errors_and_invalid_records_fail_the_document():
    assert "RecursionError" in extract_guarded(Recursive(), doc("tekst"), time_limit=None)
    assert "breaks the schema" in extract_guarded(Invalid(), doc(f"{NAME} zei iets."), time_limit=None)


@pytest.mark.timeout(60)  # a bound with a wide margin, not a benchmark: the old loop needed minutes
def test_quadratic_inputs_stay_linear():
    from powermap.annotate.punctuation import punctuation_heads

    n = 40_000  # 4.5 minutes with the old quadratic loop, a fraction of a second now
    words = ['"'] * n
    heads = punctuation_heads(words, [i % 50 == 49 for i in range(n)], [True] * n, [0] * n)
    assert len(heads) == n


# -- JSON Lines: dates, languages, surrogates, long lines, big files --------------------------


def test_bad_metadata_fails_its_line_and_the_rest_goes_on(tmp_path):
    path = tmp_path / "mixed.jsonl"
    text = "De minister sprak woensdag in de Kamer over de begroting voor volgend jaar."
    path.write_text(
        lines(
            {"text": text + " 1", "published": "2019-02-30"},
            {"text": text + " 2", "published": "2019-13-45"},
            {"text": text + " 3", "language": "../../../../etc"},
            {"text": text + " 4", "language": "Klingon"},
            {"text": text + " 5", "language": "English", "published": "2020-02-29"},
            {"text": text + " 6", "language": "es"},
            '{"text": "Een eenzame \\ud800 helft van een paar, met genoeg tekst eromheen.", "title": "\\udfff"}',
        ),
        encoding="utf-8",
    )
    out = read(path)
    failed = {item.input.rsplit(":", 1)[1]: item.reason for item in out if isinstance(item, IngestFailure)}
    assert set(failed) == {"1", "2", "3", "4"}
    assert "does not exist" in failed["1"] and "does not exist" in failed["2"]
    assert "ISO 639-1" in failed["3"] and "ISO 639-1" in failed["4"]
    stored = [item for item in out if isinstance(item, SourceDocument)]
    assert [d.language for d in stored[:2]] == ["en", "es"] and stored[0].published == "2020-02-29"
    assert "\ufffd" in stored[2].text and stored[2].title == "\ufffd"
    stored[2].text.encode("utf-8")  # storable


def test_size_limit_holds_per_line_not_per_file(tmp_path):
    path = tmp_path / "many.jsonl"
    article = "Een gewoon artikel over de regering en het parlement, met enkele zinnen tekst. " * 10
    path.write_text(lines(*({"text": f"{i} {article}"} for i in range(60))) + lines({"text": "x" * 5000}), "utf-8")
    assert path.stat().st_size > 20 * 2000
    out = read(path, max_bytes=2000)
    assert sum(isinstance(i, SourceDocument) for i in out) == 60
    assert [i.reason for i in out if isinstance(i, IngestFailure)] == ["line larger than the 2000 byte limit"]


def test_one_cp1252_byte_does_not_garble_the_rest_of_the_file(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Eerste regel: één café.\n".encode() + b"Tweede regel: caf\xe9.\n" + "Derde: naïef €5.\n".encode())
    (item,) = read(path, language="nl")
    assert item.text == "Eerste regel: één café.\nTweede regel: café.\nDerde: naïef €5.\n"


def test_invisible_characters_do_not_defeat_duplicate_detection(tmp_path):
    plain = "De minister van Buitenlandse Zaken bezocht gisteren de hoofdstad voor overleg."
    noisy = "\ufeffDe minis\u00adter van Buiten\u200blandse Zaken bezocht gisteren de hoofd\u2060stad voor overleg."
    composed, decomposed = "Een café in Genève.", "Een cafe\u0301 in Gene\u0300ve."
    (tmp_path / "a.txt").write_text(plain, "utf-8")
    (tmp_path / "b.txt").write_text(noisy, "utf-8")
    out = read(tmp_path, language="nl")
    assert len({content_hash(d.text) for d in out}) == 1 and out[1].text == plain
    assert content_hash(decomposed) == content_hash(composed)


# -- files: sniffing, WARC bomb, truncated archives, feeds ------------------------------------


def warc_bytes(count: int) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(count):
        words = "De regering sprak over handel en steun. " * 40
        body = f"<html><body><article><p>{words} {i}</p></article></body></html>"
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"http://example.org/{i}", "response", payload=io.BytesIO(body.encode()), http_headers=http
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_truncated_warc_gz_keeps_whole_records_and_reports_the_rest(tmp_path):
    data = warc_bytes(3)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) * 5 // 6])
    out = read(path, language="nl")
    assert sum(isinstance(i, SourceDocument) for i in out) == 2
    assert isinstance(out[-1], IngestFailure) and "truncated" in out[-1].reason


def test_warc_is_recognised_by_content_not_name(tmp_path):
    (tmp_path / "archive.bin").write_bytes(warc_bytes(2))
    (tmp_path / "fake.warc.gz").write_bytes(gzip.compress(b"<html><body>geen archief</body></html>"))
    out = read(tmp_path / "archive.bin", language="nl") + read(tmp_path / "fake.warc.gz")
    assert sum(isinstance(i, SourceDocument) for i in out) == 2
    assert "does not start with a WARC record" in out[-1].reason


BOMB = r"""
import sys, zlib
from pathlib import Path
from powermap.ingest.options import IngestOptions
from powermap.ingest.sources import read_inputs
path = Path(sys.argv[1])
packer = zlib.compressobj(9, zlib.DEFLATED, 31)
with path.open("wb") as out:
    out.write(packer.compress(sys.argv[2].encode()))
    for _ in range(1024):
        out.write(packer.compress(b"\0" * (1 << 20)))
    out.write(packer.flush())
out = list(read_inputs([str(path)], IngestOptions()))
# VmHWM, not ru_maxrss: Linux carries the parent's peak (pytest with a model loaded) across fork and exec
peak = next(line.split()[1] for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(path.stat().st_size, peak, out[-1].reason)
"""


@pytest.mark.parametrize("head", ["", "WARC/1.0\r\nWARC-Type: response\r\nX-Long: "])
def test_gzip_bomb_named_warc_is_refused_with_flat_memory(tmp_path, head):
    result = subprocess.run(
        [sys.executable, "-c", BOMB, str(tmp_path / "bomb.warc.gz"), head], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    size, peak_kib, reason = result.stdout.split(" ", 2)
    assert int(size) < 2 * 1024 * 1024  # a 1 GiB expansion packed into about 1 MB
    assert int(peak_kib) < 1024 * 1024, "peak RSS must stay under 1 GiB"
    assert "WARC" in reason


def test_local_feed_is_read_offline_unless_asked(tmp_path, monkeypatch):
    body = "<p>" + "De minister van Defensie sprak over de nieuwe plannen voor het leger. " * 10 + "</p>"
    items = "".join(
        f"<item><title>T{i}</title><link>http://127.0.0.1:9/a{i}</link><description><![CDATA[{body} {i}]]>"
        "</description></item>"
        for i in range(3)
    )
    path = tmp_path / "feed.rss"
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    calls = []
    monkeypatch.setattr(sources, "fetch", lambda *a, **k: calls.append(a) or (_ for _ in ()).throw(OSError("x")))
    out = read(path, language="nl")
    assert calls == [] and sum(isinstance(i, SourceDocument) for i in out) == 3
    read(path, language="nl", fetch_links=True)
    assert len(calls) == 3
    assert len(body) > feeds.MIN_ENTRY_TEXT


# -- the command line: isolation and exit codes ----------------------------------------------


def test_extract_reports_each_failure_and_goes_on(tmp_path, cli):
    path = tmp_path / "batch.jsonl"
    ok = "The minister said on Monday that the talks with the neighbours had failed."
    path.write_text(
        lines(
            {"text": ok + " One."},
            {"text": ok + " Two.", "published": "2019-02-30"},
            '{"text": "A lone \\ud800 surrogate in an otherwise fine sentence about the minister."}',
            {"text": ok + " Three.", "language": "../../../../etc"},
            {"text": ok + " Four."},
        ),
        encoding="utf-8",
    )
    result = cli("extract", str(path), "--stages", "actors.v1")
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["text"].split()[-1] for r in records] == ["One.", "minister.", "Four."]
    assert "\ufffd" in records[1]["document"]["text"]
    assert "2019-02-30" in result.stderr and "ISO 639-1" in result.stderr
    assert cli("extract", str(path), "--language", "Klingon").returncode == 2
    assert cli("extract", str(path), "--published", "2019-02-30").returncode == 2


def test_a_reader_that_raises_fails_its_input_and_the_next_input_is_read(tmp_path, monkeypatch):
    def broken(path, options):
        yield SourceDocument(text="Een eerste document dat nog gelezen werd.", input=f"{path}:1")
        raise RuntimeError("reader bug")

    monkeypatch.setattr(sources, "read_jsonl", broken)
    (tmp_path / "a.jsonl").write_text("{}\n", "utf-8")
    (tmp_path / "b.txt").write_text("Een tweede bestand, gewoon tekst over de regering.", "utf-8")
    out = list(read_inputs([str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt")], IngestOptions(language="nl")))
    assert [type(i).__name__ for i in out] == ["SourceDocument", "IngestFailure", "SourceDocument"]
    assert "reader bug" in out[1].reason and out[1].input.endswith("a.jsonl")
