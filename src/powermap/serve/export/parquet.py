"""Parquet writer (pyarrow): typed columns, lists as list<string>."""

from __future__ import annotations

from pathlib import Path

from powermap.serve.export.tables import Table


def write_parquet(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path``; column types are inferred from the values (all-empty columns are strings)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    arrays = []
    for i, _ in enumerate(table.columns):
        values = [row[i] for row in table.rows]
        array = pa.array(values)
        if pa.types.is_null(array.type):
            array = pa.array(values, type=pa.string())
        arrays.append(array)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_arrays(arrays, names=table.columns), path)
    return path
