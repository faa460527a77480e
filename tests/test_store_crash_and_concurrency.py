"""The store under stress: kill -9 inside writes and resume; readers beside a writer; racing creators.

The crash test kills the writer (all stages on) inside a document's write at several statements,
resumes, and compares every kind of extracted row and every stored record with a clean run; the
same kill with the transactions removed must fail that comparison (the mutation check).
"""

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

from powermap.store import open_store

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


PEOPLE = ["Jansen", "De Vries", "Bakker", "Visser", "Smit", "Mulder", "Bos", "Vos"]
COUNTRIES = ["Duitsland", "Frankrijk", "Polen", "Spanje", "Italië", "Zweden", "Noorwegen", "Oostenrijk"]


def article(i: int) -> str:
    """A made-up article with actors, a quote, a numeric claim and an event (all stages have work)."""
    rng = random.Random(i)
    person, country, other = rng.choice(PEOPLE), rng.choice(COUNTRIES), rng.choice(COUNTRIES)
    amount = rng.randint(2, 900)
    return (
        f"Bericht {i}. Minister {person} van Buitenlandse Zaken zei woensdag: „Wij steunen de sancties "
        f"tegen {other}.” Volgens het ministerie kost het plan {amount} miljoen euro. "
        f"{country} veroordeelde de aanval op {other}. De premier van {country} bezocht donderdag "
        f"{other} voor overleg over {rng.choice(WORDS)} en {rng.choice(WORDS)}."
    )


KINDS = ("mentions", "quotes", "claims", "events", "stances")


def per_document(db: Path) -> dict[str, tuple]:
    """Per stored document: its rows of every extracted kind and its stored record."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = {}
    for (doc_id,) in conn.execute("SELECT id FROM documents").fetchall():
        counts = tuple(
            conn.execute(f"SELECT count(*) FROM {kind} WHERE doc_id = ?", (doc_id,)).fetchone()[0] for kind in KINDS
        )
        record = conn.execute("SELECT record FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
        out[doc_id] = (counts, record[0] if record else None)
    conn.close()
    return out


def problems(db: Path, reference: dict[str, tuple]) -> list[str]:
    """How the store at ``db`` differs from a clean run, document by document (empty: none)."""
    conn = sqlite3.connect(db)
    found = [] if conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok" else ["integrity check failed"]
    conn.close()
    stored = per_document(db)
    for doc_id, (counts, record) in stored.items():
        if doc_id not in reference:
            found.append(f"{doc_id}: not in the clean run")
        elif counts != reference[doc_id][0]:
            found.append(f"{doc_id}: rows {dict(zip(KINDS, counts, strict=True))} != {reference[doc_id][0]}")
        elif record != reference[doc_id][1]:
            found.append(f"{doc_id}: stored record differs")
    return found


def crash_ingest(jsonl: Path, store: Path, **env: str) -> int:
    command = [sys.executable, str(Path(__file__).with_name("crash_ingest.py")), str(jsonl), "--store", str(store)]
    command += ["--language", "nl", "--no-estimate-dates", "--quiet"]
    run = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True, timeout=900)
    return run.returncode


@pytest.fixture(scope="module")
def crash_corpus(tmp_path_factory) -> tuple[Path, dict[str, tuple]]:
    """The articles as JSON Lines and the per-document rows of a clean run."""
    folder = tmp_path_factory.mktemp("crash")
    jsonl = folder / "batch.jsonl"
    jsonl.write_text("".join(json.dumps({"text": article(i)}) + "\n" for i in range(12)), encoding="utf-8")
    assert crash_ingest(jsonl, folder / "clean") == 0
    reference = per_document(folder / "clean" / "powermap.db")
    assert len(reference) == 12
    totals = [sum(counts[k] for counts, _ in reference.values()) for k in range(len(KINDS))]
    assert all(totals[:4]), f"every stage must have work: {dict(zip(KINDS, totals, strict=True))}"
    return jsonl, reference


@pytest.mark.slow
def test_kill_9_inside_writes_then_resume_equals_a_clean_run(crash_corpus, tmp_path):
    jsonl, reference = crash_corpus
    store = tmp_path / "store"
    db = store / "powermap.db"
    # three kill points, each inside a different statement of a document's write, all stages on
    for doc, statement in (("3", "0"), ("2", "2"), ("4", "5")):
        before = len(per_document(db)) if db.exists() else 0
        assert crash_ingest(jsonl, store, CRASH_DOC=doc, CRASH_STATEMENT=statement) == -signal.SIGKILL
        assert len(per_document(db)) == before + int(doc) - 1, "the killed document must be absent"
        assert problems(db, reference) == []
    assert crash_ingest(jsonl, store) == 0
    assert problems(db, reference) == [] and per_document(db) == reference


@pytest.mark.slow
def test_the_crash_check_fails_without_transactions(crash_corpus, tmp_path):
    """Mutation check: the same kill with the store's transactions removed must be caught."""
    jsonl, reference = crash_corpus
    store = tmp_path / "store"
    assert crash_ingest(jsonl, store, CRASH_DOC="2", CRASH_STATEMENT="2", CRASH_NO_TRANSACTIONS="1") != 0
    assert problems(store / "powermap.db", reference) != []


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


CREATE = "import sys; from powermap.store import open_store; print(open_store(sys.argv[1]).counts()['documents'])"


def test_two_processes_creating_one_store_both_succeed(tmp_path):
    for pair in range(6):
        store = tmp_path / f"store{pair}"
        racers = [
            subprocess.Popen([sys.executable, "-c", CREATE, str(store)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for _ in range(2)
        ]
        for racer in racers:
            out, err = racer.communicate(timeout=120)
            assert racer.returncode == 0, err.decode()[-300:]
            assert out.strip() == b"0"


def test_counts_come_from_one_snapshot(tmp_path):
    store = open_store(tmp_path / "store")
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    counts = store.counts()
    store.conn.set_trace_callback(None)
    assert len(statements) == 1, "one statement reads every count in one read transaction"
    assert set(counts) == {*KINDS, "documents", "actors", "near_duplicates"}
    store.close()
