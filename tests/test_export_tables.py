"""CSV and Parquet for every table, read back with csv and pyarrow and compared."""

from __future__ import annotations

import csv

import pyarrow.parquet as pq
import pytest

from powermap.serve.export.csvfile import LIST_SEPARATOR, write_csv
from powermap.serve.export.parquet import write_parquet
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
    return str(value)


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
        assert back[0] == table.columns
        assert back[1:] == [[_as_csv(v) for v in row] for row in table.rows], table.name


def test_export_parquet_round_trip(tables, tmp_path):
    for table in tables:
        back = pq.read_table(write_parquet(table, tmp_path / f"{table.name}.parquet"))
        assert back.column_names == table.columns
        assert back.to_pylist() == table.records(), table.name


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
        parquet = pq.read_table(write_parquet_batches(*store_table_batches(store_conn, name), tmp_path / "t.parquet"))
        assert parquet.column_names == expected.columns
        assert parquet.to_pylist() == expected.records(), name
        with write_csv_batches(*store_table_batches(store_conn, name), tmp_path / "t.csv").open(newline="") as handle:
            back = list(csv.reader(handle))
        assert back[0] == expected.columns
        assert back[1:] == [[_as_csv(v) for v in row] for row in expected.rows], name


def _no_driver(*args, **kwargs):
    raise ImportError("no ADBC driver")
