"""The store under stress: kill -9 mid-ingest and resume; readers beside a writer."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from powermap.ingest.dedup import content_hash
from powermap.records import document_id

WORDS = [
    "regering",
    "minister",
    "akkoord",
    "sancties",
    "handel",
    "overleg",
    "top",
    "grens",
    "leger",
    "verdrag",
    "steun",
    "kritiek",
    "verkiezing",
    "president",
    "parlement",
    "oorlog",
    "vrede",
    "export",
    "import",
    "olie",
    "gas",
    "bank",
    "rente",
    "inflatie",
    "bondgenoot",
    "oefening",
]


def generated_documents(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [f"Bericht {i}. " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(80, 200))) + "." for i in range(n)]


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def ingest_command(jsonl: Path, store: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "powermap",
        "ingest",
        str(jsonl),
        "--store",
        str(store),
        "--stages",
        "none",
        "--language",
        "nl",
        "--quiet",
    ]


@pytest.mark.slow
def test_kill_9_mid_ingest_then_resume(tmp_path):
    texts = generated_documents(2000)
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    store = tmp_path / "store"
    db = store / "powermap.db"

    writer = subprocess.Popen(ingest_command(jsonl, store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while stored_count(db) < 300 and time.time() < deadline and writer.poll() is None:
        time.sleep(0.05)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    killed_at = stored_count(db)
    assert 0 < killed_at < 2000, "the writer must be killed mid-way"

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()

    resumed = subprocess.run(ingest_command(jsonl, store), capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, content_hash, text FROM documents").fetchall()
    assert len(rows) == 2000
    by_id = {row[0]: row for row in rows}
    for text in texts:  # every document exactly once, byte for byte
        row = by_id[document_id(text)]
        assert row[2] == text and row[1] == content_hash(text)
    assert conn.execute("SELECT count(*) FROM minhash_signatures").fetchone()[0] == 2000
    assert conn.execute("SELECT count(DISTINCT doc_id) FROM minhash_bands").fetchone()[0] == 2000
    assert conn.execute("SELECT count(*) FROM extractions").fetchone()[0] == 2000
    fts = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Bericht'").fetchone()[0]
    assert fts == 2000


READER = r"""
import sqlite3, sys, time, json
db, seconds = sys.argv[1], float(sys.argv[2])
seen, errors, end = [], [], time.time() + seconds
while time.time() < end:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5, isolation_level=None)
        conn.execute("BEGIN")  # one snapshot for the three counts
        docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        hits = conn.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Bericht'").fetchone()[0]
        records = conn.execute("SELECT count(*) FROM extractions").fetchone()[0]
        conn.execute("COMMIT")
        seen.append((docs, hits, records))
        conn.close()
    except sqlite3.OperationalError as err:
        errors.append(str(err))
    time.sleep(0.02)
print(json.dumps({"seen": seen, "errors": errors}))
"""


def test_readers_query_while_a_writer_ingests(tmp_path):
    texts = generated_documents(600, seed=11)
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    store = tmp_path / "store"
    db = store / "powermap.db"
    writer = subprocess.Popen(ingest_command(jsonl, store), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while not db.exists() or stored_count(db) == 0:
        time.sleep(0.05)
    readers = [
        subprocess.Popen([sys.executable, "-c", READER, str(db), "4"], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [json.loads(r.communicate(timeout=120)[0]) for r in readers]
    assert writer.wait(timeout=600) == 0
    for out in outputs:
        assert out["errors"] == []
        seen = out["seen"]
        assert len(seen) > 10
        # each snapshot is consistent: every visible document has its FTS row and its extraction
        assert all(docs == hits == records for docs, hits, records in seen)
        counts = [docs for docs, _, _ in seen]
        assert counts == sorted(counts)  # never goes backwards
    assert any(out["seen"][0][0] < 600 for out in outputs), "readers must have overlapped the writer"
    assert stored_count(db) == 600
