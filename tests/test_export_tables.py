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
