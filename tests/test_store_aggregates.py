"""The figures kept at write time (migration 8) agree with counting the rows themselves."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, Event, ExtractionRecord, Span, document_id
from powermap.serve.api import relation_queries
from powermap.store import Store, open_store, queries
from powermap.store.migrations import available

TEXTS = [
    "Peru belde Chili. Chili antwoordde Peru niet, en Bolivia keek toe.",
    "Bolivia stuurde een brief aan Peru over de haven.",
    "Chili en Bolivia spraken over water. Chili was tevreden.",
]
GROUPED = """SELECT a.id, a.name, a.type, a.country, a.code, a.wikidata, a.role,
                    count(m.doc_id) AS mentions, count(DISTINCT m.doc_id) AS documents
             FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id
             GROUP BY a.id HAVING mentions > 0 ORDER BY mentions DESC, a.name"""


def record_for(text: str, skip: str | None = None) -> ExtractionRecord:
    """A record naming every state of the text (all but ``skip``) at every place it occurs."""
    doc = Document(id=document_id(text), text=text, language="nl", published="2021-04-02")
    actors = []
    for name, code in (("Peru", "PER"), ("Chili", "CHL"), ("Bolivia", "BOL")):
        spans = []
        at = text.find(name)
        while at >= 0:
            spans.append(Span(name, at, at + len(name)))
            at = text.find(name, at + 1)
        if spans and name != skip:
            actors.append(Actor(id=code, name=name, type="state", country=code, code=code, mentions=spans))
    source = actors[0].id
    event = Event(source=source, target=None, cameo="010", plover="CONSULT", goldstein=0.0, sentence=text,
                  start=0, end=len(text))  # fmt: skip
    return ExtractionRecord(document=doc, actors=actors, events=[event])


def filled(path: Path) -> Store:
    store = open_store(path)
    for serial, text in enumerate(TEXTS):
        store.add(SourceDocument(text=text, input=f"{serial}.txt"), record_for(text), ["test"])
    return store


def assert_agree(conn: sqlite3.Connection) -> None:
    for table in queries.COUNTED_TABLES:
        kept = conn.execute("SELECT rows FROM table_rows WHERE name = ?", (table,)).fetchone()[0]
        assert kept == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0], table
    grouped = [dict(r) for r in conn.execute(GROUPED)]
    assert queries.list_actors(conn, limit=500) == grouped
    assert queries.count_actors(conn) == len(grouped)
    assert queries.count_actors(conn, "state", "chi") == 1


def undo_sort_paths(conn: sqlite3.Connection) -> None:
    """The schema as it was before migration 14 (the covering indexes of the sort paths)."""
    for name in (
        "documents_id_published",
        "quotes_speaker_doc",
        "stances_actor_doc",
        "mentions_actor_document_start",
        "events_dyad_counted",
    ):
        conn.execute(f"DROP INDEX {name}")
    conn.execute("CREATE INDEX quotes_speaker ON quotes(speaker)")
    conn.execute("CREATE INDEX stances_actor ON stances(actor)")
    conn.execute("CREATE INDEX mentions_actor ON mentions(actor_id)")
    conn.execute("CREATE INDEX mentions_actor_document ON mentions(actor_id, doc_id)")


def undo_actor_read_paths(conn: sqlite3.Connection) -> None:
    """The schema as it was before migration 13 (and 12, which has nothing of its own on this branch)."""
    undo_sort_paths(conn)
    for name in ("insert", "delete", "update", "document_delete", "duplicate", "original"):
        conn.execute(f"DROP TRIGGER actor_dyad_days_{name}")
    conn.execute("DROP TABLE actor_dyad_days")
    conn.execute("DROP INDEX stances_actor_concept")
    conn.execute("DROP INDEX quotes_doc_start")


def undo_api_read_paths(conn: sqlite3.Connection) -> None:
    """The schema as it was before migration 11 (indexes and facets kept for the API)."""
    undo_actor_read_paths(conn)
    for name in ("insert", "delete", "update", "document_delete", "language"):
        conn.execute(f"DROP TRIGGER actor_event_facets_{name}")
    conn.execute("DROP TABLE actor_event_facets")
    for name in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER actor_mention_texts_{name}")
    conn.execute("DROP TABLE actor_mention_texts")
    for name in ("documents_published_original", "events_source_day", "events_target_day"):
        conn.execute(f"DROP INDEX {name}")


def undo_event_day(conn: sqlite3.Connection) -> None:
    """The schema as it was before migration 10 (the events' kept day), and after it."""
    undo_api_read_paths(conn)
    for name in ("events_day_insert", "events_day_update", "events_day_published"):
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP INDEX events_day")
    conn.execute("ALTER TABLE events DROP COLUMN day")


def test_counts_follow_adding_and_replacing(tmp_path):
    store = filled(tmp_path / "s")
    assert_agree(store.conn)
    assert {r["id"]: r["documents"] for r in queries.list_actors(store.conn)} == {"PER": 2, "CHL": 2, "BOL": 3}
    # a document read again without one actor: its mentions and that document leave the counts
    store.replace_extraction(record_for(TEXTS[0], skip="Peru"), ["test"])
    assert_agree(store.conn)
    assert {r["id"]: r["mentions"] for r in queries.list_actors(store.conn)}["PER"] == 1
    # a duplicate changes nothing
    store.add(SourceDocument(text=TEXTS[1], input="again.txt"), record_for(TEXTS[1]), ["test"])
    assert_agree(store.conn)


def test_mentions_moved_to_another_actor_are_counted_for_it(tmp_path):
    store = filled(tmp_path / "s")
    with store.transaction() as conn:
        conn.execute("UPDATE mentions SET actor_id = 'CHL' WHERE actor_id = 'PER'")
    assert_agree(store.conn)
    assert "PER" not in {r["id"] for r in queries.list_actors(store.conn)}


def test_a_store_from_before_gets_its_counts_when_migrated(tmp_path):
    store = filled(tmp_path / "s")
    conn = store.conn
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (sql LIKE '%table_rows%' "
                                "OR sql LIKE '%actor_counts%' OR sql LIKE '%store_state%')").fetchall():  # fmt: skip
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("store_state", "table_rows", "actor_counts"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("DROP INDEX events_target")
    undo_event_day(conn)
    conn.execute("PRAGMA user_version = 7")
    store.close()
    assert available()[7][1].startswith("0008")
    assert_agree(open_store(tmp_path / "s").conn)


def test_every_write_moves_the_cache_key_on(tmp_path):
    store = filled(tmp_path / "s")
    before = relation_queries.store_fingerprint(store.conn)
    assert relation_queries.store_fingerprint(store.conn) == before  # reading changes nothing
    text = "Peru en Chili tekenden een verdrag."
    store.add(SourceDocument(text=text, input="new.txt"), record_for(text), ["test"])
    after = relation_queries.store_fingerprint(store.conn)
    assert after != before
    with store.transaction() as conn:
        conn.execute("UPDATE actors SET role = 'neighbour' WHERE id = 'PER'")
    assert relation_queries.store_fingerprint(store.conn) != after
    other = filled(tmp_path / "other")  # the same writes to another store: another key
    assert relation_queries.store_fingerprint(other.conn)[1:] != relation_queries.store_fingerprint(store.conn)[1:]


def test_a_build_stopped_under_the_time_limit_is_not_kept(tmp_path):
    store = filled(tmp_path / "s")
    calls = []

    def failing() -> int:
        calls.append(1)
        raise sqlite3.OperationalError("interrupted")

    for _ in range(2):
        with pytest.raises(sqlite3.OperationalError):
            relation_queries.cached(store.conn, ("test-failing",), failing, unlimited=False)
    assert len(calls) == 2
    assert relation_queries.cached(store.conn, ("test-kept",), lambda: 42, unlimited=False) == 42
    assert relation_queries.cached(store.conn, ("test-kept",), lambda: 43, unlimited=False) == 42
