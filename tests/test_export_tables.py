"""CSV and Parquet for every table, read back with csv and pyarrow and compared."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime

import pyarrow.parquet as pq
import pytest

from powermap.serve.export.csvfile import LIST_SEPARATOR, write_csv
from powermap.serve.export.parquet import write_parquet
from powermap.serve.export.schema import COLUMN_KINDS
from powermap.serve.export.tables import STORE_TABLES, analysis_tables, store_table

from .analyse_fixtures import make_store, sample_docs


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    store, _ = make_store(tmp_path_factory.mktemp("store"), sample_docs())
    conn = store.reader()
    out = [store_table(conn, name) for name in STORE_TABLES]
    out += [build() for build in analysis_tables(conn).values()]
    yield out
    store.close()


def _as_csv(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _plain(table, back_header):
    """The columns of ``table`` that are written as stored (no reader type in ``COLUMN_KINDS``)."""
    kinds = COLUMN_KINDS.get(table.name, {})
    return [i for i, c in enumerate(table.columns) if c not in kinds], [back_header.index(c) for c in table.columns]


def test_export_every_table_has_rows(tables):
    names = {t.name: len(t.rows) for t in tables}
    assert names["events"] == 7 and names["stances"] == 4 and names["edges"] == 5
    assert names["claim_conflicts"] == 2 and names["coalitions"] == 2
    assert all(rows > 0 for rows in names.values()), names


def test_export_csv_round_trip(tables, tmp_path):
    for table in tables:
        path = write_csv(table, tmp_path / f"{table.name}.csv")
        with path.open(encoding="utf-8", newline="") as handle:
            back = list(csv.reader(handle))
        plain, where = _plain(table, back[0])
        assert [c for c in back[0] if not c.endswith("_precision")] == table.columns
        got = [[line[where[i]] for i in plain] for line in back[1:]]
        assert got == [[_as_csv(row[i]) for i in plain] for row in table.rows], table.name


def test_export_parquet_round_trip(tables, tmp_path):
    for table in tables:
        back = pq.read_table(write_parquet(table, tmp_path / f"{table.name}.parquet"))
        kinds = COLUMN_KINDS.get(table.name, {})
        assert [c for c in back.column_names if not c.endswith("_precision")] == table.columns
        plain = [c for c in table.columns if c not in kinds]
        assert back.select(plain).to_pylist() == [{c: r[c] for c in plain} for r in table.records()], table.name


def test_export_store_table_rejects_unknown(tables):
    with pytest.raises(ValueError, match="unknown table"):
        store_table(None, "minhash_bands")  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def store_conn(tmp_path_factory):
    store, _ = make_store(tmp_path_factory.mktemp("streamed"), sample_docs())
    yield store.reader()
    store.close()


@pytest.mark.parametrize("reader", ["adbc", "sqlite3"])
def test_export_streamed_store_tables_round_trip(store_conn, tmp_path, monkeypatch, reader):
    """What ``powermap export`` writes for a store table reads back as the table's rows, one row per batch."""
    from powermap.serve.export import arrow
    from powermap.serve.export.csvfile import write_csv_batches
    from powermap.serve.export.parquet import write_parquet_batches
    from powermap.serve.export.tables import store_table_batches

    monkeypatch.setattr(arrow, "BATCH_ROWS", 1)
    if reader == "sqlite3":
        monkeypatch.setattr(arrow, "_adbc_batch", _no_driver)
    for name in STORE_TABLES:
        expected = store_table(store_conn, name)
        assert len(expected.rows) > 1, name
        plain = [c for c in expected.columns if c not in COLUMN_KINDS.get(name, {})]
        parquet = pq.read_table(write_parquet_batches(*store_table_batches(store_conn, name), tmp_path / "t.parquet"))
        assert [c for c in parquet.column_names if not c.endswith("_precision")] == expected.columns
        assert parquet.select(plain).to_pylist() == [{c: r[c] for c in plain} for r in expected.records()], name
        assert parquet.to_pylist() == _typed(expected, parquet.column_names), name
        with write_csv_batches(*store_table_batches(store_conn, name), tmp_path / "t.csv").open(newline="") as handle:
            back = list(csv.reader(handle))
        columns, where = _plain(expected, back[0])
        got = [[line[where[i]] for i in columns] for line in back[1:]]
        assert got == [[_as_csv(row[i]) for i in columns] for row in expected.rows], name


def _typed(table, names):
    """The store rows as the typed export should hold them, written out by hand per kind."""
    kinds = COLUMN_KINDS.get(table.name, {})
    out = []
    for record in table.records():
        row = {}
        for column, value in record.items():
            kind = kinds.get(column)
            if kind == "bool":
                row[column] = None if value is None else bool(value)
            elif kind == "list":
                row[column] = None if value is None else json.loads(value)
            elif kind == "timestamp":
                row[column] = datetime.fromisoformat(value).astimezone(UTC)
            elif kind == "date":
                padded = None if value is None else date.fromisoformat((value + "-01-01")[:10])
                row[column] = padded
                row[f"{column}_precision"] = None if value is None else {10: "day", 7: "month", 4: "year"}[len(value)]
            else:
                row[column] = value
        out.append({n: row[n] for n in names})
    return out


def _no_driver(*args, **kwargs):
    raise ImportError("no ADBC driver")
