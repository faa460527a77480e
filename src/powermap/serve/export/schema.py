"""Column types for readers: booleans as booleans, dates as dates (with their precision), codes as strings.

SQLite keeps flags as 0/1 integers, dates as text of mixed precision (``2022``, ``2022-05``,
``2022-05-01``) and lists as JSON text. ``COLUMN_KINDS`` names those columns per table, and
``retype`` turns an Arrow batch or table into the types a reader expects:

- ``bool``: 0/1 -> ``bool``;
- ``date``: ISO text -> ``date32`` (the first day of a month or year) plus a
  ``<column>_precision`` column (``day``, ``month`` or ``year``) right after it;
- ``day``: an ISO day -> ``date32`` (analysis dates, always whole days);
- ``timestamp``: ISO date-time with offset -> ``timestamp[s, UTC]``;
- ``list``: a JSON array of strings -> ``list<string>``.

Every other text column, CAMEO and actor codes included, stays a string. A column whose
stored values do not all fit its kind is left as it is stored (``fitting_kinds`` checks in
SQL before anything is written), so no value is ever lost to a conversion.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyarrow as pa

#: Per table, the columns whose stored form is not the form a reader wants.
COLUMN_KINDS: dict[str, dict[str, str]] = {
    "documents": {"published": "date", "ingested_at": "timestamp"},
    "events": {"negated": "bool", "reported": "bool", "date": "date", "other_targets": "list"},
    "stances": {"agree": "bool"},
    "claims": {"subject": "list"},
    "edges": {"first": "day", "last": "day"},
    "claim_conflicts": {"published": "date"},
}
PRECISIONS = {10: "day", 7: "month", 4: "year"}

_FITS_SQL = {
    "bool": "{c} IS NULL OR {c} IN (0, 1)",
    "date": (
        "{c} IS NULL OR CASE length({c}) WHEN 10 THEN date({c}) IS {c} "
        "WHEN 7 THEN date({c} || '-01') IS {c} || '-01' WHEN 4 THEN date({c} || '-01-01') IS {c} || '-01-01' "
        "ELSE 0 END"
    ),
    "timestamp": (
        "{c} IS NULL OR ({c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*' AND julianday({c}) IS NOT NULL)"
    ),
    "list": "{c} IS NULL OR (json_valid({c}) AND json_type({c}) = 'array')",
}


def fitting_kinds(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """The kinds of ``table``'s columns whose stored values all convert (one scan of the table)."""
    kinds = {c: k for c, k in COLUMN_KINDS.get(table, {}).items() if k in _FITS_SQL}
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    kinds = {c: k for c, k in kinds.items() if c in present}
    if not kinds:
        return {}
    checks = ", ".join(f"min({_FITS_SQL[k].format(c=_quote(c))})" for c, k in kinds.items())
    fits = conn.execute(f"SELECT {checks} FROM {table}").fetchone()
    return {c: k for (c, k), ok in zip(kinds.items(), fits, strict=True) if ok is None or ok}


def retyped_schema(schema: pa.Schema, kinds: dict[str, str]) -> pa.Schema:
    """``schema`` with the named columns in their reader types (and a precision column after each date)."""
    import pyarrow as pa

    fields = []
    for field in schema:
        kind = kinds.get(field.name)
        if kind is None:
            fields.append(field)
            continue
        fields.append(pa.field(field.name, _arrow_type(kind)))
        if kind == "date":
            fields.append(pa.field(f"{field.name}_precision", pa.string()))
    return pa.schema(fields)


def retype(data: pa.RecordBatch | pa.Table, kinds: dict[str, str]) -> pa.RecordBatch | pa.Table:
    """``data`` (a batch or a table) with the named columns converted (see the module docstring)."""
    import pyarrow as pa

    names, arrays = [], []
    for name in data.schema.names:
        column = data.column(name)
        if isinstance(column, pa.ChunkedArray):
            column = column.combine_chunks()
        kind = kinds.get(name)
        if kind is None:
            names.append(name)
            arrays.append(column)
            continue
        converted, precision = _CONVERT[kind](column)
        names.append(name)
        arrays.append(converted)
        if kind == "date":
            names.append(f"{name}_precision")
            arrays.append(precision)
    schema = retyped_schema(data.schema, kinds)
    if isinstance(data, pa.Table):
        return pa.Table.from_arrays(arrays, schema=schema)
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def usable_kinds(data: pa.RecordBatch | pa.Table, kinds: dict[str, str]) -> dict[str, str]:
    """The kinds whose column in ``data`` converts without error (for tables built in memory)."""
    usable = {}
    for name, kind in kinds.items():
        if name not in data.schema.names:
            continue
        try:
            retype(data.select([name]), {name: kind})
        except (ValueError, TypeError, ArithmeticError):  # pyarrow's ArrowInvalid is a ValueError
            continue
        usable[name] = kind
    return usable


def parse_date(value: str | None) -> tuple[date | None, str | None]:
    """An ISO day, month or year as (its first day, its precision); (None, None) for None."""
    if value is None:
        return None, None
    precision = PRECISIONS.get(len(value))
    if precision is None:
        raise ValueError(f"not an ISO date: {value!r}")
    return date.fromisoformat((value + "-01-01")[:10]), precision


def _to_bool(column: pa.Array) -> tuple[pa.Array, None]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_boolean(column.type):
        return column, None
    flags = pc.is_in(column.drop_null(), value_set=pa.array([0, 1], type=column.type))
    if pc.all(flags).as_py() is False:
        raise ValueError("a flag column holds values other than 0 and 1")
    return column.cast(pa.bool_()), None


def _to_date(column: pa.Array) -> tuple[pa.Array, pa.Array]:
    import pyarrow as pa

    values = column.cast(pa.string()).to_pylist()
    parsed = {v: parse_date(v) for v in set(values)}
    days = pa.array([parsed[v][0] for v in values], type=pa.date32())
    return days, pa.array([parsed[v][1] for v in values], type=pa.string())


def _to_day(column: pa.Array) -> tuple[pa.Array, None]:
    days, _ = _to_date(column)
    return days, None


def _to_timestamp(column: pa.Array) -> tuple[pa.Array, None]:
    import pyarrow as pa

    return column.cast(pa.string()).cast(pa.timestamp("s", tz="UTC")), None


def _to_list(column: pa.Array) -> tuple[pa.Array, None]:
    import pyarrow as pa

    values = column.cast(pa.string()).to_pylist()
    lists = [None if v is None else [str(x) for x in json.loads(v)] for v in values]
    return pa.array(lists, type=pa.list_(pa.string())), None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_CONVERT = {"bool": _to_bool, "date": _to_date, "day": _to_day, "timestamp": _to_timestamp, "list": _to_list}


def _arrow_type(kind: str) -> pa.DataType:
    import pyarrow as pa

    if kind == "bool":
        return pa.bool_()
    if kind in ("date", "day"):
        return pa.date32()
    if kind == "timestamp":
        return pa.timestamp("s", tz="UTC")
    return pa.list_(pa.string())
