"""Schema migrations: numbered SQL files applied in order, tracked in ``PRAGMA user_version``."""

from __future__ import annotations

import re
import sqlite3
from importlib import resources

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every migration shipped with the package, in order."""
    folder = resources.files(__package__).joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply every pending migration in one exclusive transaction; return the files applied.

    ``user_version`` is read inside the transaction, so two processes creating or upgrading the
    same store at once serialise: the second waits, then finds the schema current and applies
    nothing. A store written by a newer powermap (a higher version than this one knows) is
    refused rather than touched.
    """
    steps = available()
    newest = steps[-1][0] if steps else 0
    if current_version(conn) == newest:  # the common case: nothing to do, no write lock taken
        return []
    conn.execute("BEGIN EXCLUSIVE")
    try:
        version = current_version(conn)
        if version > newest:
            raise RuntimeError(
                f"the store has schema version {version}, newer than this powermap knows ({newest}); upgrade powermap"
            )
        applied = []
        for number, name, sql in steps:
            if number <= version:
                continue
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number}")
            applied.append(name)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return applied


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (``sqlite3.complete_statement`` keeps triggers whole)."""
    out, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise RuntimeError(f"incomplete SQL statement at the end of a migration: {buffer[:80]!r}")
    return out
