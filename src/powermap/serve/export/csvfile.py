"""CSV writer: UTF-8, comma-separated, a header row; lists joined with ``;``, None as an empty cell.

Written by Arrow's C++ CSV writer from record batches. Values keep Python's spelling, as
the ``csv`` module would write them: floats as ``repr`` (``3.0``, ``1e-07``), booleans as
``True``/``False``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from powermap.serve.export.tables import Table

if TYPE_CHECKING:
    import pyarrow as pa

LIST_SEPARATOR = ";"


def write_csv(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path`` (readable by pandas, R, Polars and spreadsheets)."""
    arrow = table.to_arrow()
    return write_csv_batches(arrow.schema, arrow.to_batches(), path)


def write_csv_batches(schema: pa.Schema, batches: Iterable[pa.RecordBatch], path: Path) -> Path:
    """Write record batches of ``schema`` to ``path`` as one CSV file (a header, then every batch)."""
    import pyarrow as pa
    import pyarrow.csv as pcsv

    path.parent.mkdir(parents=True, exist_ok=True)
    text_schema = pa.schema([(f.name, _text_type(f.type)) for f in schema])
    with pcsv.CSVWriter(str(path), text_schema) as writer:
        for batch in batches:
            arrays = [_text(batch.column(i)) for i in range(batch.num_columns)]
            writer.write_batch(pa.RecordBatch.from_arrays(arrays, schema=text_schema))
    return path


def _text_type(kind: pa.DataType) -> pa.DataType:
    import pyarrow as pa

    if pa.types.is_floating(kind) or pa.types.is_boolean(kind) or pa.types.is_list(kind):
        return pa.string()
    return kind


def _text(array: pa.Array) -> pa.Array:
    """A column as the CSV writer should spell it (lists joined; floats and booleans as Python writes them)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = array.type
    if pa.types.is_list(kind):
        return pc.binary_join(array.cast(pa.list_(pa.string())), LIST_SEPARATOR)
    if pa.types.is_floating(kind) or pa.types.is_boolean(kind):
        return pa.array([None if v is None else repr(v) for v in array.to_pylist()], type=pa.string())
    return array
