"""The GDELT-style event table and the DNA statement table, read back and compared."""

from __future__ import annotations

import base64
import csv
import re

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


def _gdelt(path):
    """The GDELT file read with the usual recipe for GDELT's own files (pandas, tab, no header, 61 names)."""
    import pandas as pd

    return pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str, keep_default_na=False)


def test_export_gdelt_columns_and_values(store, tmp_path):
    pytest.importorskip("pandas")
    db, ids = store
    path, extra = write_gdelt(db.reader(), tmp_path / "events.gdelt.tsv")
    assert extra.name == "events.gdelt.extra.csv"
    assert all(len(line.split("\t")) == 61 for line in path.read_text(encoding="utf-8").splitlines())
    frame = _gdelt(path)
    assert len(GDELT_COLUMNS) == 61 and frame.shape == (6, 61)  # the negated event and the copy's are left out
    rows = frame.to_dict("records")
    first = rows[0]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20220224", "202202", "2022")
    assert (first["Actor1Code"], first["Actor1Name"], first["Actor2Code"]) == ("RUS", "Russia", "ARM")
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"], first["QuadClass"]) == (
        "057", "057", "05", "1")  # fmt: skip
    assert float(first["GoldsteinScale"]) == 5.0
    assert (first["NumArticles"], first["NumSources"]) == ("2", "1")  # the original and its syndicated copy
    assert first["SOURCEURL"] == "https://example.org/a1"
    dated = next(r for r in rows if r["EventCode"] == "042")
    assert dated["SQLDATE"] == "20220501" and float(dated["GoldsteinScale"]) == 1.9  # codebook score
    extras = _read(extra, ",")
    assert list(extras[0]) == list(EXTRA_COLUMNS)
    assert [r["GLOBALEVENTID"] for r in extras] == [r["GLOBALEVENTID"] for r in rows]
    assert extras[0]["pm_doc_id"] == ids[0] and extras[0]["pm_negated"] == "false"
    path, extra = write_gdelt(db.reader(), tmp_path / "all.tsv", include_all=True)
    assert len(_gdelt(path)) == 7 + 2 and {r["pm_negated"] for r in _read(extra, ",")} == {"true", "false"}


def test_export_gdelt_actor_codes_from_country_type_and_role(tmp_path):
    pytest.importorskip("pandas")
    doc = (
        DocBuilder("2024-01-01")
        .event("voice", "russia", "111", -2.0)  # media, no country: the type code alone
        .event("petrov", "usa", "036", 4.0)  # a person with a country and no code: the country
    )
    db, _ = make_store(tmp_path / "coded", [doc])
    rows = _gdelt(write_gdelt(db.reader(), tmp_path / "events.tsv")[0]).to_dict("records")
    assert [(r["Actor1Code"], r["Actor1CountryCode"], r["Actor1Type1Code"]) for r in rows] == [
        ("MED", "", "MED"), ("RUS", "RUS", "")]  # fmt: skip
    assert rows[0]["Actor1Name"] == "Radio 'Voice'"  # double quotes never reach a tab-separated reader
    db.close()


def test_export_gdelt_actor_coder_rules():
    from datetime import date

    from powermap.serve.export.actor_codes import ActorCoder, split_code

    coder = ActorCoder()
    assert split_code("RUSGOVMIL") == split_code("RUSGOVMIL") and split_code("RUSGOVMIL").types == ("GOV", "MIL", "")
    assert split_code("IGOWSTNAT").country == "" and split_code("IGOWSTNAT").types[0] == "IGO"
    assert coder.code("x_unknown", None, "person", "FRA", "president", None).code == "FRAGOV"
    assert coder.code("x_unknown", None, "person", "FRA", "general", None).code == "FRAMIL"
    assert coder.code("x_unknown", None, "company", "DEU", None, None).code == "DEUBUS"
    assert coder.code("x_unknown", None, "state", "DEU", None, None).code == "DEU"
    assert coder.code("x_unknown", None, "organisation", None, None, None) is None
    assert coder.code("x_unknown", None, "person", "POL", "President of Poland", None).code == "POLGOV"  # free text
    assert coder.code("x_unknown", None, "person", None, "a retired general", None).code == "MIL"  # no country
    assert coder.code("x_unknown", None, "person", "FRA", "a famous painter", None).code == "FRA"
    assert coder.code("x_unknown", "USAGOV", "person", "FRA", None, date(2020, 1, 1)).code == "USAGOV"  # stored wins
    in_office = coder.code("vladimir_putin", None, "person", None, None, date(2010, 6, 1))  # a dated role of the base
    assert in_office is not None and in_office.code.startswith("RUS") and in_office.types[0] == "GOV"


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


def test_export_dna_database_reads_back_with_dna_schema(store, tmp_path):
    """The .dna file holds DNA 3's tables; statements read back through DNA's own joins equal the stances."""
    import sqlite3

    from powermap.serve.export.dna_database import SCHEMA, jasypt_strong_digest, write_dna_database

    db, ids = store
    path = write_dna_database(db.reader(), tmp_path / "stances.dna")
    dna = sqlite3.connect(path)
    tables = {r[0] for r in dna.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(re.findall(r"CREATE TABLE (\w+)", SCHEMA))
    assert {"DOCUMENTS", "CODERS", "STATEMENTTYPES", "VARIABLES", "STATEMENTS", "DATASHORTTEXT"} <= tables
    assert dna.execute("SELECT Label FROM STATEMENTTYPES").fetchall() == [("DNA Statement",)]
    assert dna.execute("SELECT Variable, DataType FROM VARIABLES ORDER BY ID").fetchall() == [
        ("person", "short text"), ("organization", "short text"), ("concept", "short text"),
        ("agreement", "boolean")]  # fmt: skip
    values = {}
    for statement, variable, value in dna.execute(
        "SELECT s.ID, v.Variable, e.Value FROM STATEMENTS s JOIN DATASHORTTEXT d ON d.StatementId = s.ID "
        "JOIN VARIABLES v ON v.ID = d.VariableId JOIN ENTITIES e ON e.ID = d.Entity "
        "UNION ALL SELECT s.ID, v.Variable, b.Value FROM STATEMENTS s JOIN DATABOOLEAN b ON b.StatementId = s.ID "
        "JOIN VARIABLES v ON v.ID = b.VariableId"
    ):
        values.setdefault(statement, {})[variable] = value
    documents = dict(dna.execute("SELECT ID, Notes FROM DOCUMENTS"))
    got = []
    for sid, doc, start, stop in dna.execute("SELECT ID, DocumentId, Start, Stop FROM STATEMENTS ORDER BY ID"):
        v = values[sid]
        got.append((v["person"], v["organization"], v["concept"], v["agreement"], documents[doc]))
        text = dna.execute("SELECT Text FROM DOCUMENTS WHERE ID = ?", (doc,)).fetchone()[0]
        assert text[start:stop].endswith(v["concept"] + ".")  # offsets point into the copied text
    assert got == [
        ("Pavel Ivanov", "RUS", "alliance with China", 1, ids[0]),
        ("Oleg Petrov", "RUS", "alliance with China", 0, ids[1]),
        ("Oleg Petrov", "RUS", "rapprochement with the West", 1, ids[1]),
        ("Pavel Ivanov", "RUS", "rapprochement with the West", 0, ids[2]),
    ]
    assert (
        dna.execute("SELECT Date FROM DOCUMENTS WHERE Notes = ?", (ids[0],)).fetchone()[0] == 1645660800
    )  # 2022-02-24
    assert dna.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = dna.execute("SELECT Password FROM CODERS WHERE Name = 'Admin'").fetchone()[0]
    salt = base64.b64decode(stored)[:16]
    assert jasypt_strong_digest("admin", salt) == stored and jasypt_strong_digest("other", salt) != stored
    entity_attributes = dna.execute("SELECT count(*) FROM ATTRIBUTEVALUES").fetchone()[0]
    assert entity_attributes == 3 * dna.execute("SELECT count(*) FROM ENTITIES").fetchone()[0]
    dna.close()
