"""One loader for the TSV language tables under ``powermap/lang/<code>/``.

A table is a UTF-8 TSV file: ``#`` lines are comments (source and licence), the first other
line is the header, every further line a row. Tables are read once and cached.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANG_DIR = Path(__file__).resolve().parent


@cache
def load_table(language: str, name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``lang/<language>/<name>.tsv`` as dicts keyed by the header; () when absent."""
    path = LANG_DIR / language / f"{name}.tsv"
    if not path.is_file():
        return ()
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False)))
    return tuple(rows)


def languages_with(name: str) -> tuple[str, ...]:
    """Every language code that has a table called ``name``."""
    return tuple(sorted(p.parent.name for p in LANG_DIR.glob(f"*/{name}.tsv")))
