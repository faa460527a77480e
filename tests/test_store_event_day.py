"""The day each event counts on, kept in its row (migration 10), agrees with ``event_day_sql``
after adding, replacing, moving a date or a publication date, and migrating an older store."""

from __future__ import annotations

import sqlite3

from powermap.analyse.events import event_day_sql, load_events
from powermap.ingest.model import SourceDocument
from powermap.store import open_store
from powermap.store.migrations import available, current_version
from tests.test_store_aggregates import TEXTS, filled, record_for, undo_event_day

COMPUTED = event_day_sql("e.date", "d.published")


def assert_kept(conn: sqlite3.Connection) -> int:
    """Every event's kept day is the computed one; the number of events."""
    rows = conn.execute(f"SELECT e.day, {COMPUTED} FROM events e JOIN documents d ON d.id = e.doc_id").fetchall()
    assert rows and all(kept == computed for kept, computed in rows)
    return len(rows)


def test_the_kept_day_follows_every_write(tmp_path):
    store = filled(tmp_path / "s")
    conn = store.conn
    assert assert_kept(conn) == 3
    assert {r[0] for r in conn.execute("SELECT day FROM events")} == {"2021-04-02"}
    with store.transaction() as c:
        c.execute("UPDATE events SET date = '2020-07' WHERE rowid = (SELECT min(rowid) FROM events)")
        c.execute("UPDATE events SET date = '2019' WHERE rowid = (SELECT max(rowid) FROM events)")
    assert assert_kept(conn) == 3
    assert sorted(r[0] for r in conn.execute("SELECT day FROM events")) == ["2019-01-01", "2020-07-01", "2021-04-02"]
    with store.transaction() as c:
        c.execute("UPDATE documents SET published = '2019-05-06'")
    assert assert_kept(conn) == 3
    assert "2019-05-06" in {r[0] for r in conn.execute("SELECT day FROM events")}  # the year-only event follows it
    store.replace_extraction(record_for(TEXTS[0]), ["test"])
    store.add(SourceDocument(text="Peru belde Bolivia.", input="new.txt"), record_for("Peru belde Bolivia."), ["t"])
    assert assert_kept(conn) == 4


def test_an_older_store_gets_the_day_of_every_event_when_migrated(tmp_path):
    store = filled(tmp_path / "s")
    with store.transaction() as c:
        c.execute("UPDATE events SET date = '2020-07' WHERE rowid = (SELECT min(rowid) FROM events)")
    before = [r[0] for r in store.conn.execute("SELECT id FROM events ORDER BY id")]
    undo_event_day(store.conn)
    store.conn.execute("PRAGMA user_version = 9")
    store.close()
    assert available()[9][1].startswith("0010")
    migrated = open_store(tmp_path / "s")
    assert current_version(migrated.conn) == len(available())
    assert [r[0] for r in migrated.conn.execute("SELECT id FROM events ORDER BY id")] == before  # nothing lost
    assert assert_kept(migrated.conn) == 3
    paged = "EXPLAIN QUERY PLAN SELECT id FROM events ORDER BY day DESC, id LIMIT 50"
    plan = " ".join(r[3] for r in migrated.conn.execute(paged))
    assert "events_day" in plan
    assert load_events(migrated.conn).undated == 0
