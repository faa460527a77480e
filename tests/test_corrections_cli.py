"""``powermap correct``, ``ingest --reextract`` and ``export corrections --format gold``."""

from __future__ import annotations

import dataclasses
import json
from typing import ClassVar

from powermap.evaluate.runner import load_gold_set
from powermap.evaluate.scoring import score_document
from powermap.ingest.options import IngestOptions
from powermap.ingest.run import ingest
from powermap.records import ExtractionRecord
from powermap.store import open_store

from .conftest import run_cli
from .corrections_fixtures import FIRST, build_store, first_record, quote_at


def correct(folder, *args: str):
    return run_cli("correct", *args, "--store", str(folder), "--by", "tester", "--json")


def test_correct_speaker_list_undo_and_gold_export(tmp_path):
    store, out = tmp_path / "store", tmp_path / "gold"
    first, _ = build_store(store)
    start, end = quote_at(FIRST)
    made = correct(store, "speaker", first[:8], f"{start}-{end}", "Anna Vos")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["after"]["speaker"] == "anna_vos"
    quotes = run_cli("quotes", "--speaker", "anna_vos", "--store", str(store), "--json")
    assert [q["speaker"] for q in json.loads(quotes.stdout)] == ["anna_vos"]  # the analysis sees it

    exported = run_cli("export", "corrections", "--format", "gold", "--out", str(out), "--store", str(store))
    assert exported.returncode == 0, exported.stderr
    (gold_doc,) = load_gold_set(out, out)
    assert gold_doc.gold["quotes"][0]["speaker"] == "anna_vos" and "tester" in gold_doc.gold["quotes"][0]["note"]
    assert gold_doc.path.read_text(encoding="utf-8") == FIRST
    pipeline = score_document(gold_doc.gold, first_record().to_dict()).counts["quotes+speaker"]
    with open_store(store, readonly=True) as db:
        corrected = score_document(gold_doc.gold, db.record(first)).counts["quotes+speaker"]
    assert corrected.scores()["f1"] == 1.0 and pipeline.scores()["f1"] < 1.0

    listed = run_cli("correct", "list", "--store", str(store), "--json")
    (row,) = json.loads(listed.stdout)
    undone = correct(store, "undo", str(row["id"]))
    assert undone.returncode == 0 and json.loads(undone.stdout)["undone_by"] == "tester"
    quotes = run_cli("quotes", "--speaker", "anna_vos", "--store", str(store), "--json")
    assert json.loads(quotes.stdout) == []


def test_correct_refuses_bad_input_with_a_message(tmp_path):
    first, _ = build_store(tmp_path)
    for args, message in (
        (("speaker", first, "12-x", "vos"), "START-END"),
        (("speaker", first, "0-5", "vos"), "no quote"),
        (("speaker", first, "50-90", "Niemand Bekend"), "no stored actor"),
        (("wrong", first, "opinion", "0-5"), "kind must be"),
        (("merge", "vos", "vos"), "itself"),
        (("event", first, "0-5", "--cameo", "999"), "not a CAMEO code"),
        (("undo", "77"), "no correction 77"),
    ):
        result = correct(tmp_path, *args)
        assert result.returncode == 2 and message in result.stderr, (args, result.stderr)


class Pipeline:
    """An extractor standing in for a newer pipeline: it cuts the quote one character shorter."""

    stage_names: ClassVar[list[str]] = ["test.v2"]

    def __call__(self, document) -> ExtractionRecord:
        record = first_record(quote_shift=1)
        return dataclasses.replace(record, document=dataclasses.replace(record.document, **vars(document)))


def test_ingest_reextract_replaces_the_extraction_and_keeps_corrections(tmp_path):
    store = tmp_path / "store"
    first, _ = build_store(store)
    article = tmp_path / "haven.txt"
    article.write_text(FIRST, encoding="utf-8")
    start, end = quote_at(FIRST)
    assert correct(store, "speaker", first, f"{start}-{end}", "anna_vos").returncode == 0
    with open_store(store) as db:
        plain = ingest([str(article)], db, IngestOptions(), Pipeline())
        assert plain.counts["duplicate"] == 1  # without --reextract a stored text is skipped
        again = ingest([str(article)], db, IngestOptions(), Pipeline(), reextract=True)
        assert again.counts["re-extracted"] == 1 and again.ok
        rows = db.conn.execute("SELECT start, speaker FROM quotes WHERE doc_id = ?", (first,)).fetchall()
        assert [tuple(r) for r in rows] == [(start + 1, "anna_vos")]
        stages = db.conn.execute("SELECT stages FROM extractions WHERE doc_id = ?", (first,)).fetchone()[0]
        assert json.loads(stages) == ["test.v2"]


def test_correct_right_then_wrong_record_their_verdicts(tmp_path):
    first, _ = build_store(tmp_path)
    start, end = quote_at(FIRST)
    right = correct(tmp_path, "right", first[:8], "quote", f"{start}-{end}")
    assert right.returncode == 0, right.stderr
    assert json.loads(right.stdout)["action"] == "right"
    quotes = run_cli("quotes", "--store", str(tmp_path), "--json")
    assert any(q["start"] == start for q in json.loads(quotes.stdout))  # a confirmed quote stays
    wrong = correct(tmp_path, "wrong", first[:8], "quote", f"{start}-{end}")
    assert wrong.returncode == 0, wrong.stderr
    assert json.loads(wrong.stdout)["action"] == "wrong"
    quotes = run_cli("quotes", "--store", str(tmp_path), "--json")
    assert all(q["start"] != start for q in json.loads(quotes.stdout))  # left out of the analysis
