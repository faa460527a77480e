"""Parquet writer (pyarrow): typed columns, lists as list<string>, Snappy-compressed."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from powermap.serve.export.tables import Table

if TYPE_CHECKING:
    import pyarrow as pa


def write_parquet(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path``; column types are inferred from the values (all-empty columns are strings)."""
    arrow = table.to_arrow()
    return write_parquet_batches(arrow.schema, arrow.to_batches(), path)


def write_parquet_batches(schema: pa.Schema, batches: Iterable[pa.RecordBatch], path: Path) -> Path:
    """Write record batches of ``schema`` to ``path`` as one Parquet file (one row group per batch)."""
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    with pq.ParquetWriter(str(path), schema) as writer:
        wrote = False
        for batch in batches:
            writer.write_batch(batch)
            wrote = True
        if not wrote:
            writer.write_table(schema.empty_table())
    return path
