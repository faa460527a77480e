"""CSV writer: UTF-8, comma-separated, a header row, every string quoted; a CSVW sidecar with the column types.

Written by Arrow's C++ CSV writer from record batches. Spelling: booleans ``true``/``false``,
dates ``YYYY-MM-DD``, timestamps ``YYYY-MM-DDTHH:MM:SSZ``, floats as Python's ``repr``
(``3.0``, ``1e-07``), lists joined with ``;``, a missing value as an empty cell.

Beside ``X.csv`` goes ``X.csv-metadata.json``, a CSV on the Web (W3C CSVW) table schema: one
entry per column with its datatype (``string``, ``integer``, ``double``, ``boolean``,
``date``, ``dateTime``; lists as strings with ``separator: ";"``). Readers that guess types
(pandas, R, Polars, DuckDB) turn a CAMEO code such as ``080`` into the number 80 unless
told the column is text; ``docs/exports.md`` shows how each reads the sidecar.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from powermap.serve.export.tables import Table

if TYPE_CHECKING:
    import pyarrow as pa

LIST_SEPARATOR = ";"
CSVW_CONTEXT = "http://www.w3.org/ns/csvw"


def write_csv(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path`` (readable by pandas, R, Polars and spreadsheets) and its sidecar."""
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
    metadata_path(path).write_text(json.dumps(csvw_metadata(schema, path.name), indent=1) + "\n", encoding="utf-8")
    return path


def metadata_path(path: Path) -> Path:
    """Where CSVW looks for a CSV file's metadata: ``X.csv`` -> ``X.csv-metadata.json``."""
    return path.with_name(path.name + "-metadata.json")


def csvw_metadata(schema: pa.Schema, url: str) -> dict[str, Any]:
    """A CSVW table description of a CSV file written from ``schema``."""
    return {
        "@context": CSVW_CONTEXT,
        "url": url,
        "dialect": {"header": True, "delimiter": ",", "quoteChar": '"', "doubleQuote": True, "encoding": "utf-8"},
        "null": "",
        "tableSchema": {"columns": [_csvw_column(field) for field in schema]},
    }


def csvw_datatype(kind: pa.DataType) -> str:
    """The CSVW (XML Schema) datatype name for an Arrow type."""
    import pyarrow as pa

    if pa.types.is_boolean(kind):
        return "boolean"
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind):
        return "double"
    if pa.types.is_date(kind):
        return "date"
    if pa.types.is_timestamp(kind):
        return "dateTime"
    return "string"


def _csvw_column(field: pa.Field) -> dict[str, Any]:
    import pyarrow as pa

    column: dict[str, Any] = {"name": field.name, "titles": field.name, "datatype": csvw_datatype(field.type)}
    if pa.types.is_boolean(field.type):
        column["datatype"] = {"base": "boolean", "format": "true|false"}
    if pa.types.is_list(field.type):
        column["separator"] = LIST_SEPARATOR
    return column


def _text_type(kind: pa.DataType) -> pa.DataType:
    import pyarrow as pa

    if pa.types.is_floating(kind) or pa.types.is_timestamp(kind) or pa.types.is_list(kind):
        return pa.string()
    return kind


def _text(array: pa.Array) -> pa.Array:
    """A column as the CSV writer should spell it (lists joined, floats as Python writes them, ISO timestamps)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = array.type
    if pa.types.is_list(kind):
        return pc.binary_join(array.cast(pa.list_(pa.string())), LIST_SEPARATOR)
    if pa.types.is_floating(kind):
        return pa.array([None if v is None else repr(v) for v in array.to_pylist()], type=pa.string())
    if pa.types.is_timestamp(kind):
        return pc.strftime(array, format="%Y-%m-%dT%H:%M:%SZ")
    return array
