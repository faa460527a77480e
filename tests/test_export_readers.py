"""The loading examples of docs/exports.md, run as written on an exported store and compared with the store.

Each ``<!-- tested: NAME -->`` block of the page is executed in a folder holding ``exports/``
(written by ``powermap export all``); its ``read_csv`` then loads every store table's CSV
file and the values are compared with the store's rows: codes keep their leading zeros,
flags are booleans, dates are dates with their precision.
"""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from powermap.serve.export.schema import COLUMN_KINDS
from powermap.serve.export.tables import STORE_TABLES

from .analyse_fixtures import DocBuilder, make_store, sample_docs
from .conftest import ROOT, run_cli

DOCS = ROOT / "docs" / "exports.md"


def doc_block(name: str) -> str:
    """The code block after ``<!-- tested: name -->`` in docs/exports.md."""
    match = re.search(rf"<!-- tested: {name} -->\s*```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    assert match, f"no tested block {name!r} in {DOCS}"
    return match.group(1)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """(folder holding exports/, the store's database path) for the sample corpus plus a year-precise date."""
    root = tmp_path_factory.mktemp("readers")
    docs = [*sample_docs(), DocBuilder("2021-03").event("russia", "usa", "0874", -3.0, date="2020", also=("armenia",))]
    store, _ = make_store(root / "store", docs)
    store.close()
    for fmt in ("csv", "parquet"):
        result = run_cli(
            "export", "all", "--format", fmt, "--out", str(root / "exports"), "--store", str(root / "store")
        )
        assert result.returncode == 0, result.stderr
    return root, root / "store" / "powermap.db"


def expected_rows(db: Path, table: str) -> list[dict]:
    """The store's rows as the export should type them, written out per kind."""
    conn = sqlite3.connect(db)
    cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
    columns = [d[0] for d in cursor.description]
    rows = [dict(zip(columns, r, strict=True)) for r in cursor]
    conn.close()
    kinds = COLUMN_KINDS.get(table, {})
    out = []
    for record in rows:
        row = {}
        for column, value in record.items():
            kind = kinds.get(column)
            if value is None:
                row[column] = None
                if kind == "date":
                    row[f"{column}_precision"] = None
            elif kind == "bool":
                row[column] = bool(value)
            elif kind == "list":
                row[column] = json.loads(value)
            elif kind == "timestamp":
                row[column] = datetime.fromisoformat(value).astimezone(UTC).replace(microsecond=0)
            elif kind == "date":
                row[column] = date.fromisoformat((value + "-01-01")[:10])
                row[f"{column}_precision"] = {10: "day", 7: "month", 4: "year"}[len(value)]
            else:
                row[column] = value
        out.append(row)
    return out


def _plain(value):
    """A reader's cell as a Python value (NaN/NA -> None, pandas/NumPy scalars -> Python, midnight -> date)."""
    if value is None:
        return None
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
            return None
        if isinstance(value, pd.Timestamp):
            value = value.to_pydatetime()
    except ImportError:
        pass
    if getattr(value, "ndim", 0) > 0:  # a NumPy array: pandas' form of a Parquet list
        return [str(v) for v in value.tolist()]
    if hasattr(value, "item") and not isinstance(value, (str, bytes, list)):
        value = value.item()
    if isinstance(value, datetime) and value.tzinfo is None and value.time() == datetime.min.time():
        return value.date()
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return value


def records(frame) -> list[dict]:
    """Rows of a pandas DataFrame, Polars DataFrame or DuckDB relation as dicts of Python values."""
    if hasattr(frame, "fetchall"):  # DuckDB relation
        names = frame.columns
        return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in frame.fetchall()]
    if hasattr(frame, "to_dicts"):  # Polars
        return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dicts()]
    return [{k: _plain(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")]


def as_lists(rows: list[dict], table: str) -> list[dict]:
    """CSV list cells (ids joined with ``;``) split back into lists."""
    lists = [c for c, k in COLUMN_KINDS.get(table, {}).items() if k == "list"]
    for row in rows:
        for column in lists:
            if isinstance(row.get(column), str):
                row[column] = row[column].split(";")
    return rows


def check_rows(rows: list[dict], expected: list[dict], label: str) -> None:
    assert len(rows) == len(expected), label
    for got, want in zip(rows, expected, strict=True):
        assert list(got) == list(want), label
        for column, value in want.items():
            if isinstance(value, float):
                assert got[column] == pytest.approx(value), (label, column)
            else:
                assert got[column] == value, (label, column, got[column], value)


@pytest.mark.parametrize("reader", ["pandas", "polars", "duckdb"])
def test_export_readers_load_every_store_table(exported, reader, monkeypatch):
    pytest.importorskip(reader)
    root, db = exported
    monkeypatch.chdir(root)
    namespace: dict = {}
    exec(compile(doc_block(reader), f"docs/exports.md:{reader}", "exec"), namespace)  # the page's own code
    for table in STORE_TABLES:
        expected = expected_rows(db, table)
        from_csv = as_lists(records(namespace["read_csv"](f"exports/{table}.csv")), table)
        check_rows(from_csv, expected, f"{reader} csv {table}")
    check_rows(records(namespace["events_parquet"]), expected_rows(db, "events"), f"{reader} parquet events")
    check_rows(as_lists(records(namespace["events"]), "events"), expected_rows(db, "events"), f"{reader} csv events")


def test_export_codes_keep_leading_zeros_and_dates_their_precision(exported):
    root, _ = exported
    events = pq.read_table(root / "exports" / "events.parquet").to_pylist()
    cameo = {r["cameo"] for r in events}
    assert {"057", "042", "061", "0874"} <= cameo  # text, never 57 or 874
    assert {r["cameo_root"] for r in events} >= {"05", "04", "08"}
    by_code = {r["cameo"]: r for r in events}
    assert (by_code["042"]["date"], by_code["042"]["date_precision"]) == (date(2022, 5, 1), "month")
    assert (by_code["0874"]["date"], by_code["0874"]["date_precision"]) == (date(2020, 1, 1), "year")
    assert {r["negated"] for r in events} == {True, False}
    documents = pq.read_table(root / "exports" / "documents.parquet").to_pylist()
    assert {(r["published"], r["published_precision"]) for r in documents} >= {(date(2021, 3, 1), "month")}


def test_export_docs_name_every_typed_column():
    page = DOCS.read_text(encoding="utf-8")
    for table, kinds in COLUMN_KINDS.items():
        for column in kinds:
            assert re.search(rf"\| {table} \|[^\n]*`{column}`", page), (table, column)
