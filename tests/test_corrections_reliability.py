"""A correction is one transaction: killed anywhere inside it, the reopened store holds the state
before it, whole; a correction made after that works."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from powermap.store import open_store

from .corrections_fixtures import build_store

#: row ids and times a rewrite renews (the facts they belong to are compared)
VOLATILE = ("id", "extracted_at")
TABLES = ("corrections", "extractions", "actors", "mentions", "quotes", "claims", "events", "stances")


def snapshot(folder: Path) -> dict[str, list]:
    conn = sqlite3.connect(folder / "powermap.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        out = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            keep = [i for i, n in enumerate(names) if n not in VOLATILE or table == "corrections"]
            out[table] = sorted(tuple(row[i] for i in keep) for row in cursor.fetchall())
        return out
    finally:
        conn.close()


def correct_and_kill(folder: Path, after: int) -> int:
    script = Path(__file__).with_name("crash_correct.py")
    run = subprocess.run([sys.executable, str(script), str(folder), str(after)], capture_output=True, timeout=300)
    return run.returncode


def test_a_correction_killed_inside_its_transaction_leaves_the_store_as_before(tmp_path):
    build_store(tmp_path)
    before = snapshot(tmp_path)
    assert correct_and_kill(tmp_path, 0) == 0  # how many statements a whole correction takes
    done = snapshot(tmp_path)
    assert done != before and len(done["corrections"]) == 1
    for kill_after in (1, 3, 8, 20):
        clean = tmp_path / f"store_{kill_after}"
        build_store(clean)
        start = snapshot(clean)
        code = correct_and_kill(clean, kill_after)
        assert code == -signal.SIGKILL, f"the kill point {kill_after} must lie inside the correction"
        assert snapshot(clean) == start, f"killed after {kill_after} statements, the store changed"
        with open_store(clean) as db:  # reopened: it takes the same correction whole
            from powermap.store.corrections_write import Corrector

            Corrector(db, "after the crash").alias("anna_vos", "Vos")
        again = snapshot(clean)
        assert again["mentions"] == done["mentions"] and again["events"] == done["events"]
