"""The GDELT-style event table and the DNA statement table, read back and compared."""

from __future__ import annotations

import csv

import pytest

from powermap.serve.export.dna import DNA_COLUMNS, write_dna
from powermap.serve.export.gdelt import EXTRA_COLUMNS, GDELT_COLUMNS, write_gdelt

from .analyse_fixtures import DocBuilder, make_store, sample_docs


@pytest.fixture()
def store(tmp_path):
    docs = sample_docs()
    store, ids = make_store(tmp_path / "store", docs)
    docs[0].add_to(store, suffix=" Syndicated with one more line.")
    yield store, ids
    store.close()


def _read(path, delimiter):
    with path.open(encoding="utf-8", newline="") as handle:
        quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
        return list(csv.DictReader(handle, delimiter=delimiter, quoting=quoting))


def test_export_gdelt_columns_and_values(store, tmp_path):
    db, ids = store
    rows = _read(write_gdelt(db.reader(), tmp_path / "events.tsv"), "\t")
    assert len(GDELT_COLUMNS) == 61 and list(rows[0]) == [*GDELT_COLUMNS, *EXTRA_COLUMNS]
    assert len(rows) == 6  # the negated event and the syndicated copy's events are left out
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20220224", "202202", "2022")
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor2Code"]) == ("RUS", "Russia", "ARM")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == (
        "057", "057", "05", "1")  # fmt: skip
    assert float(first["GoldsteinScale"]) == 5.0
    assert (first["NumArticles"], first["NumSources"]) == ("2", "1")  # the original and its syndicated copy
    assert first["SOURCEURL"] == "https://example.org/a1" and first["pm_doc_id"] == ids[0]
    dated = next(r for r in rows if r["EventCode"] == "042")
    assert dated["SQLDATE"] == "20220501" and float(dated["GoldsteinScale"]) == 1.9  # codebook score
    everything = _read(write_gdelt(db.reader(), tmp_path / "all.tsv", include_all=True), "\t")
    assert len(everything) == 7 + 2 and {r["pm_negated"] for r in everything} == {"0", "1"}


def test_export_gdelt_quote_marks_in_values(tmp_path):
    db, _ = make_store(tmp_path / "quoted", [DocBuilder("2024-01-01").event("voice", "russia", "111", -2.0)])
    rows = _read(write_gdelt(db.reader(), tmp_path / "events.tsv"), "\t")
    assert rows[0]["Actor1Name"] == 'Radio "Voice"' and rows[0]["pm_sentence"].startswith('Radio "Voice" acted')
    db.close()


def test_export_gdelt_headerless(store, tmp_path):
    db, _ = store
    path = write_gdelt(db.reader(), tmp_path / "events.CSV", header=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and all(len(line.split("\t")) == 61 + len(EXTRA_COLUMNS) for line in lines)


def test_export_dna_statements(store, tmp_path):
    db, ids = store
    rows = _read(write_dna(db.reader(), tmp_path / "statements.csv"), ",")
    assert list(rows[0]) == list(DNA_COLUMNS)
    got = [(r["person"], r["organization"], r["concept"], r["agreement"], r["document_id"]) for r in rows]
    assert got == [
        ("Pavel Ivanov", "RUS", "alliance with China", "1", ids[0]),
        ("Oleg Petrov", "RUS", "alliance with China", "0", ids[1]),
        ("Oleg Petrov", "RUS", "rapprochement with the West", "1", ids[1]),
        ("Pavel Ivanov", "RUS", "rapprochement with the West", "0", ids[2]),
    ]
    text = db.document(ids[0])["text"]
    assert text[int(rows[0]["start"]) : int(rows[0]["stop"])] == rows[0]["text"]
