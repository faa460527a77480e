"""Tables as Arrow data: column-wise conversion and batch streaming of store tables.

Values are converted a column at a time (``zip(*rows)``), never a row at a time as dicts.
Store tables are read with ``fetchmany`` in batches of ``BATCH_ROWS`` and each batch is
handed to the writer as a ``pyarrow.RecordBatch``, so memory stays bounded by one batch and
the writing (CSV quoting, Parquet encoding) happens in Arrow's C++ code.

When ``adbc-driver-sqlite`` is installed, store tables are read by the ADBC SQLite driver,
which builds the Arrow columns in C without a Python object per value; each batch is its
own keyset-paginated query (``rowid > last``), so the driver's type inference sees one
whole batch and the batch is then cast to the table's schema. Without the driver (or if
it fails) the rows come through ``sqlite3`` and are converted column by column.

Arrow types come from the SQL column's declared type (INTEGER -> int64, REAL -> float64,
anything else -> string), so every batch of a table has the same schema; for analysis
tables the type is inferred from the values. A column whose values do not fit its type
(SQLite lets a TEXT column hold a number) is written as strings, never dropped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

BATCH_ROWS = 50_000


def arrow_type(declared: str | None) -> pa.DataType | None:
    """The Arrow type for a declared SQLite column type (None: infer from the values)."""
    import pyarrow as pa

    kind = (declared or "").upper()
    if "INT" in kind:
        return pa.int64()
    if kind in ("REAL", "FLOAT", "DOUBLE"):
        return pa.float64()
    if not kind:
        return None
    return pa.string()


def column_array(values: Sequence[Any], kind: pa.DataType | None = None) -> pa.Array:
    """One column as an Arrow array of ``kind`` (inferred when None; strings when the values do not fit)."""
    import pyarrow as pa

    try:
        array = pa.array(values, type=kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, OverflowError):
        return pa.array([None if v is None else str(v) for v in values], type=pa.string())
    if pa.types.is_null(array.type):
        return array.cast(pa.string())
    return array


def to_arrow(columns: list[str], rows: Sequence[Sequence[Any]], kinds: list[Any] | None = None) -> pa.Table:
    """Rows (lists or tuples in column order) as an Arrow table, converted column by column."""
    import pyarrow as pa

    kinds = kinds or [None] * len(columns)
    data = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    arrays = [column_array(values, kind) for values, kind in zip(data, kinds, strict=True)]
    return pa.Table.from_arrays(arrays, names=list(columns))


def store_batches(conn: sqlite3.Connection, table: str) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """A store table's schema and its rows (in rowid order) as record batches of ``BATCH_ROWS``."""
    import pyarrow as pa

    declared = [(row[1], row[2]) for row in conn.execute(f"PRAGMA table_info({table})")]
    if not declared:
        raise ValueError(f"no table {table!r} in the store")
    kinds = [arrow_type(kind) or pa.string() for _, kind in declared]
    numeric = [i for i, kind in enumerate(kinds) if not pa.types.is_string(kind)]
    if numeric:  # one scan: does every value of a numeric column fit its type? (SQLite types loosely)
        checks = ", ".join(
            f"max(typeof({_quote(declared[i][0])}) NOT IN ('null', 'integer'"
            f"{', ' + repr('real') if pa.types.is_floating(kinds[i]) else ''}))"
            for i in numeric
        )
        for i, misfit in zip(numeric, conn.execute(f"SELECT {checks} FROM {table}").fetchone(), strict=True):
            if misfit:
                kinds[i] = pa.string()
    names = [name for name, _ in declared]
    schema = pa.schema(list(zip(names, kinds, strict=True)))
    path = _database_file(conn)
    if path is not None:
        try:
            first = _adbc_batch(path, table, names, schema, None)
        except Exception:  # no driver, or it cannot read this file: use sqlite3
            first = None
        if first is not None:
            return schema, _adbc_batches(path, table, names, schema, first)
    cursor = conn.execute(f"SELECT {', '.join(_quote(n) for n in names)} FROM {table} ORDER BY rowid")

    def batches() -> Iterator[pa.RecordBatch]:
        while rows := cursor.fetchmany(BATCH_ROWS):
            columns = zip(*rows, strict=True)
            arrays = [column_array(values, kind) for values, kind in zip(columns, kinds, strict=True)]
            yield pa.RecordBatch.from_arrays(arrays, schema=schema)

    return schema, batches()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _database_file(conn: sqlite3.Connection) -> str | None:
    """The file behind ``conn``'s main database (None in memory)."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return file
    return None


def _adbc_batch(
    path: str, table: str, names: list[str], schema: pa.Schema, after: int | None
) -> tuple[int, pa.RecordBatch] | None:
    """The next ``BATCH_ROWS`` rows after rowid ``after`` (and the last rowid), read by ADBC; None at the end."""
    import adbc_driver_sqlite.dbapi as adbc
    import pyarrow as pa

    columns = ", ".join(_quote(n) for n in names)
    where = f"WHERE rowid > {int(after)} " if after is not None else ""
    sql = f"SELECT rowid AS pm_rowid, {columns} FROM {table} {where}ORDER BY rowid LIMIT {BATCH_ROWS}"
    with adbc.connect(f"{_uri(path)}?mode=ro") as conn, conn.cursor() as cursor:
        cursor.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(BATCH_ROWS)})
        cursor.execute(sql)
        data = cursor.fetch_arrow_table()
    if data.num_rows == 0:
        return None
    last = data.column(0)[-1].as_py()
    arrays = [_cast(data.column(i + 1).combine_chunks(), field.type) for i, field in enumerate(schema)]
    return last, pa.RecordBatch.from_arrays(arrays, schema=schema)


def _adbc_batches(
    path: str, table: str, names: list[str], schema: pa.Schema, first: tuple[int, pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    step: tuple[int, pa.RecordBatch] | None = first
    while step is not None:
        last, batch = step
        yield batch
        step = _adbc_batch(path, table, names, schema, last) if batch.num_rows == BATCH_ROWS else None


def _cast(array: pa.Array, kind: pa.DataType) -> pa.Array:
    """A driver-inferred column in the schema's type (an all-null column arrives as int64)."""
    return array if array.type == kind else array.cast(kind)


def _uri(path: str) -> str:
    from pathlib import Path

    return Path(path).resolve().as_uri()
