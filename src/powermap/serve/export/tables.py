"""Plain tables (a name, columns, rows) from the store and from analysis results."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa

#: The store's tables that ``powermap export`` writes, in dependency order.
STORE_TABLES: tuple[str, ...] = ("documents", "actors", "mentions", "quotes", "claims", "events", "stances")


@dataclass
class Table:
    """Rows as lists or tuples in column order. Cell values are str, int, float, bool, None or a list of str."""

    name: str
    columns: list[str]
    rows: Sequence[Sequence[Any]] = field(default_factory=list)

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_arrow(self) -> pa.Table:
        """The table as Arrow data, converted column by column: types inferred from the values, then the
        reader types of ``schema.COLUMN_KINDS`` (booleans, dates with their precision, lists)."""
        from powermap.serve.export.arrow import to_arrow
        from powermap.serve.export.schema import COLUMN_KINDS, retype, usable_kinds

        arrow = to_arrow(self.columns, self.rows)
        return retype(arrow, usable_kinds(arrow, COLUMN_KINDS.get(self.name, {})))


def from_dataclasses(name: str, items: Iterable[Any], columns: list[str] | None = None) -> Table:
    """A table with one row per dataclass instance (dict fields are dropped unless named in ``columns``)."""
    items = list(items)
    if columns is None:
        if not items:
            return Table(name, [])
        columns = [f.name for f in dataclasses.fields(items[0]) if not isinstance(getattr(items[0], f.name), dict)]
    return Table(name, columns, [[_cell(getattr(item, c)) for c in columns] for item in items])


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def store_table(conn: sqlite3.Connection, name: str) -> Table:
    """A store table as it is (``extractions`` and the search/dedup tables are not exported)."""
    if name not in STORE_TABLES:
        raise ValueError(f"unknown table {name!r}; use one of {', '.join(STORE_TABLES)}")
    cursor = conn.execute(f"SELECT * FROM {name} ORDER BY rowid")  # name checked above
    columns = [d[0] for d in cursor.description]
    return Table(name, columns, cursor.fetchall())


def store_table_batches(conn: sqlite3.Connection, name: str) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """A store table streamed as Arrow record batches (what ``export`` writes): typed from the SQL schema,
    then flags, dates and JSON lists in their reader types (``schema.COLUMN_KINDS``)."""
    from powermap.serve.export.arrow import store_batches
    from powermap.serve.export.schema import fitting_kinds, retype, retyped_schema

    if name not in STORE_TABLES:
        raise ValueError(f"unknown table {name!r}; use one of {', '.join(STORE_TABLES)}")
    kinds = fitting_kinds(conn, name)
    schema, batches = store_batches(conn, name)
    return retyped_schema(schema, kinds), (retype(batch, kinds) for batch in batches)


def analysis_tables(conn: sqlite3.Connection) -> dict[str, Callable[[], Table]]:
    """Analysis results with default settings, by table name (built only when called)."""
    from functools import cache

    from powermap.analyse import claims, discourse, network, quoting

    build_network, build_discourse = (
        cache(lambda: network.build_network(conn)),
        cache(lambda: discourse.discourse(conn)),
    )

    def net(part: str) -> Table:
        return from_dataclasses(part, getattr(build_network(), part))

    def disc(part: str) -> Table:
        return from_dataclasses(part, getattr(build_discourse(), part))

    def conflicts() -> Table:
        rows = [
            {
                "about": c.about,
                "unit": c.unit,
                "subject": c.subject,
                "period": c.period,
                "spread": c.spread,
                **v.__dict__,
            }
            for c in claims.disagreeing_claims(conn)
            for v in c.values
        ]
        columns = [
            "about",
            "unit",
            "subject",
            "period",
            "spread",
            "claim_id",
            "doc_id",
            "published",
            "value",
            "text",
            "source",
        ]
        return Table("claim_conflicts", columns, [[_cell(r[c]) for c in columns] for r in rows])

    return {
        "nodes": lambda: net("nodes"),
        "edges": lambda: net("edges"),
        "camps": lambda: net("camps"),
        "affiliation": lambda: disc("affiliation"),
        "ties": lambda: disc("ties"),
        "coalitions": lambda: disc("coalitions"),
        "quoted": lambda: from_dataclasses("quoted", quoting.who_quotes_whom(conn)),
        "claim_conflicts": conflicts,
        "cited_sources": lambda: from_dataclasses("cited_sources", claims.cited_sources(conn)),
    }
