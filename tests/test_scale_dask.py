"""Extraction on a Dask cluster gives what the single process gives."""

from __future__ import annotations

import json
import sqlite3

import pyarrow.dataset as ds

from .conftest import read_jsonl

ARTICLES = [
    "Duitsland en Frankrijk tekenden dinsdag in Berlijn een akkoord over 3,5 miljard euro aan steun voor Oekraïne.",
    "De Europese Unie legde Iran nieuwe sancties op. Volgens de NAVO steeg de export met 12 procent in 2023.",
    "Japan and South Korea agreed on Monday to share $2 billion in defence research, the ministers said.",
    "China stelde dat de handel met Brazilië in 2024 met een derde groeide, tot 180 miljard dollar.",
]
STAGES = "actors.v1,claims.v1"


def write_inputs(folder):
    folder.mkdir()
    for n, text in enumerate(ARTICLES):
        (folder / f"{n}.txt").write_text(text, encoding="utf-8")
    return folder


def stored_records(store) -> dict[str, dict]:
    conn = sqlite3.connect(store / "powermap.db")
    return {doc_id: json.loads(record) for doc_id, record in conn.execute("SELECT doc_id, record FROM extractions")}


def test_ingest_on_dask_workers_matches_single_process(tmp_path, cli):
    inputs = write_inputs(tmp_path / "in")
    common = ["--published", "2024-05-01", "--stages", STAGES, "--json"]
    single = cli("ingest", str(inputs), "--store", str(tmp_path / "a"), *common)
    assert single.returncode == 0, single.stderr
    parallel = cli("ingest", str(inputs), "--store", str(tmp_path / "b"), "--workers", "2", *common)
    assert parallel.returncode == 0, parallel.stderr
    assert json.loads(parallel.stdout)["stored"] == len(ARTICLES)
    assert stored_records(tmp_path / "a") == stored_records(tmp_path / "b")


def test_workers_write_partitioned_parquet(tmp_path, cli):
    inputs = write_inputs(tmp_path / "in")
    out = tmp_path / "parquet"
    result = cli(
        "extract", str(inputs), "--published", "2024-05-01", "--stages", STAGES, "--parquet", str(out), "--workers", "2"
    )
    assert result.returncode == 0, result.stderr
    records = read_jsonl(cli("extract", str(inputs), "--published", "2024-05-01", "--stages", STAGES).stdout)
    documents = ds.dataset(out / "documents", partitioning="hive").to_table().to_pylist()
    assert sorted(d["doc_id"] for d in documents) == sorted(r["document"]["id"] for r in records)
    assert {(d["language"], d["month"]) for d in documents} == {("nl", "2024-05"), ("en", "2024-05")}
    claims = ds.dataset(out / "claims", partitioning="hive").to_table().to_pylist()
    expected = sorted((r["document"]["id"], c["start"], c["value"]) for r in records for c in r["claims"])
    assert sorted((c["doc_id"], c["start"], c["value"]) for c in claims) == expected
    mentions = ds.dataset(out / "mentions", partitioning="hive").to_table().to_pylist()
    assert len(mentions) == sum(len(a["mentions"]) for r in records for a in r["actors"])
