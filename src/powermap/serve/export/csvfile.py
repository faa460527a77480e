"""CSV writer: UTF-8, comma-separated, a header row; lists joined with ``;``, None as an empty cell."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from powermap.serve.export.tables import Table

LIST_SEPARATOR = ";"


def write_csv(table: Table, path: Path) -> Path:
    """Write ``table`` to ``path`` (readable by pandas, R, Polars and spreadsheets)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(table.columns)
        writer.writerows([_text(v) for v in row] for row in table.rows)
    return path


def _text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return value
