"""The analysis commands through the CLI on a store ingested from the shared corpus.

The store is built once per module with ``powermap ingest``; the expected figures are read
from the store itself (the extraction improves over time), and every export is read back
and compared with the store's own tables.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from powermap.serve.export.gdelt import EXTRA_COLUMNS, GDELT_COLUMNS
from powermap.serve.export.tables import STORE_TABLES

from .conftest import run_cli
from .test_export_readers import as_lists, check_rows, doc_block, expected_rows, records

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    if not any(CORPUS.glob("*.txt")):
        pytest.skip(f"no corpus at {CORPUS}")
    path = tmp_path_factory.mktemp("corpus-store")
    result = run_cli("ingest", str(CORPUS), "--store", str(path), timeout=900)
    assert result.returncode == 0, result.stderr
    return str(path)


@pytest.fixture(scope="module")
def db(store) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{Path(store) / 'powermap.db'}?mode=ro", uri=True)
    yield conn
    conn.close()


def _busiest_actor(db: sqlite3.Connection) -> str:
    row = db.execute(
        "SELECT a, count(*) FROM (SELECT source AS a FROM events WHERE target IS NOT NULL AND source != target "
        "UNION ALL SELECT target FROM events WHERE source IS NOT NULL AND source != target) "
        "WHERE a IS NOT NULL GROUP BY a ORDER BY 2 DESC, a LIMIT 1"
    ).fetchone()
    assert row, "the corpus store has no events between two actors"
    return row[0]


def test_corpus_dyad_against_all(store, db):
    actor = _busiest_actor(db)
    result = run_cli("dyad", actor, "--by", "month", "--json", "--store", store)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["a"] == [actor] and data["b"] is None
    assert data["points"] and data["totals"]["events"] > 0
    assert data["totals"]["events"] == sum(p["events"] for p in data["points"])
    assert set(data["totals"]["documents"]) <= {r[0] for r in db.execute("SELECT id FROM documents")}


def test_corpus_network_export(store, db, tmp_path):
    path = tmp_path / "net.gexf"
    result = run_cli("network", "--export", str(path), "--store", store)
    assert result.returncode == 0, result.stderr
    graph = nx.read_gexf(path)
    assert graph.number_of_nodes() >= 2 and graph.number_of_edges() >= 1
    assert _busiest_actor(db) in graph
    known = {r[0] for r in db.execute("SELECT id FROM actors")}
    assert set(graph.nodes) <= known


def test_corpus_discourse_export(store, db, tmp_path):
    path = tmp_path / "ties.csv"
    result = run_cli("discourse", "--export", str(path), "--store", store)
    assert result.returncode == 0, result.stderr
    affiliation = tmp_path / "ties.affiliation.csv"
    with affiliation.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stances = db.execute("SELECT count(*) FROM stances").fetchone()[0]
    assert stances > 0 and rows
    assert sum(int(r["agree"]) + int(r["disagree"]) for r in rows) <= stances


def test_corpus_export_all_reads_back(store, db, tmp_path, monkeypatch):
    for fmt in ("csv", "parquet"):
        result = run_cli("export", "all", "--format", fmt, "--out", str(tmp_path / "exports"), "--store", store)
        assert result.returncode == 0, result.stderr
    monkeypatch.chdir(tmp_path)
    readers = {}
    for reader in ("pandas", "duckdb"):
        pytest.importorskip(reader)
        namespace: dict = {}
        exec(compile(doc_block(reader), f"docs/exports.md:{reader}", "exec"), namespace)
        readers[reader] = namespace["read_csv"]
    database = Path(store) / "powermap.db"
    for name in STORE_TABLES:
        expected = expected_rows(database, name)
        back = pq.read_table(tmp_path / "exports" / f"{name}.parquet").to_pylist()
        check_rows(back, expected, f"parquet {name}")
        for reader, read_csv in readers.items():
            check_rows(as_lists(records(read_csv(f"exports/{name}.csv")), name), expected, f"{reader} {name}")
    assert len(expected) > 0 and (tmp_path / "exports" / "edges.csv").exists()


def test_corpus_export_gdelt(store, db, tmp_path):
    result = run_cli("export", "events", "--format", "gdelt", "--all-events", "--out", str(tmp_path), "--store", store)
    assert result.returncode == 0, result.stderr
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(tmp_path / "events.gdelt.tsv", sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str)
    assert frame.shape == (db.execute("SELECT count(*) FROM events").fetchone()[0], 61)
    extra = pd.read_csv(tmp_path / "events.gdelt.extra.csv", dtype={"GLOBALEVENTID": "Int64"})
    assert list(extra.columns) == list(EXTRA_COLUMNS) and len(extra) == len(frame)
    assert extra["GLOBALEVENTID"].tolist() == frame["GLOBALEVENTID"].astype(int).tolist()
    country = dict(db.execute("SELECT id, country FROM actors WHERE country IS NOT NULL").fetchall())
    for n in (1, 2):  # every actor with a country has a code that starts with it, or a code of its own
        ids = extra[f"pm_actor{n}_id"].tolist()
        codes = frame[f"Actor{n}Code"].fillna("").tolist()
        missing = [(i, c) for i, c in zip(ids, codes, strict=True) if i in country and not c]
        assert not missing, missing[:5]


def test_corpus_report(store, db, tmp_path):
    actor = _busiest_actor(db)
    for args, path in (([], tmp_path / "all.html"), (["--actor", actor], tmp_path / "actor.html")):
        result = run_cli("report", "--out", str(path), *args, "--store", store)
        assert result.returncode == 0, result.stderr
        page = path.read_text(encoding="utf-8")
        assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 2
        assert "No events." not in page.split("<h2>Relation network")[0]
