"""The events between two actors per day kept at write time (migration 13) agree with counting the
events under the analyses' rules, after adding, replacing, correcting, changing and deleting events
and documents, after a document becomes a near duplicate (and an original again), and after
migrating a version-11 store; the actor page reads them (its partners, adversaries and dyad trend)
and shows what the events show."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from fastapi.testclient import TestClient

from powermap.analyse.events import EventFilter, load_events
from powermap.ingest.model import SourceDocument
from powermap.records import Document, Event, ExtractionRecord, document_id
from powermap.serve.api import actor_queries, create_app, relation_queries
from powermap.store import open_store
from powermap.store.corrections_write import Corrector
from powermap.store.migrations import available, current_version
from tests.test_store_aggregates import undo_actor_read_paths
from tests.test_store_event_facets import state_actors

STATES = (("Peru", "PER"), ("Chili", "CHL"), ("Bolivia", "BOL"), ("Ecuador", "ECU"))
TEXTS = [
    ("Peru belde Chili en Bolivia keek toe.", "2021-04-02"),
    ("Bolivia stuurde Peru een brief over de haven.", "2021-05-10"),
    ("Chili en Bolivia spraken over water, Ecuador ook.", "2021-05"),
    ("Ecuador dreigde Peru met een boycot.", "2021-06-01"),
]


def record_for(text: str, published: str, cameo: str = "010", goldstein: float | None = 1.0) -> ExtractionRecord:
    """A record naming the states of the text; events from the first named to every other (the
    last with a year only, a coordinated target besides), one negated, one intended, one without
    a target, one aimed at the source itself."""
    doc = Document(id=document_id(text), text=text, language="nl", published=published)
    actors = state_actors(text, STATES)
    first, others = actors[0].id, [a.id for a in actors[1:]]

    def event(target: str | None, **fields) -> Event:
        values = dict(cameo=cameo, plover="CONSULT", goldstein=goldstein, sentence=text, start=0, end=len(text))
        return Event(source=first, target=target, **{**values, **fields})

    events = [event(other, date="2020" if other == others[-1] else None) for other in others]
    events.append(event(others[0], cameo="173", goldstein=-5.0, other_targets=[*others[1:], first]))
    events.append(event(others[0], negated=True))
    events.append(event(others[0], modality="intended"))
    events.append(event(None, cameo="042"))
    events.append(event(first))
    return ExtractionRecord(document=doc, actors=actors, events=events)


def filled(path):
    store = open_store(path)
    for serial, (text, published) in enumerate(TEXTS):
        store.add(SourceDocument(text=text, input=f"{serial}.txt"), record_for(text, published), ["t"])
    return store


def counted(conn: sqlite3.Connection) -> dict[tuple[str, str, str], tuple]:
    """Per (actor, other actor, day): what the analyses count (``load_events``), in both directions."""
    out: dict[tuple[str, str, str], list] = defaultdict(lambda: [0, 0, 0, 0, 0, 0.0, 0.0, 0.0])
    for e in load_events(conn, EventFilter()).events:
        for actor, other in ((e.source, e.target), (e.target, e.source)):
            slot = out[(actor, other, e.day.isoformat())]
            slot[0] += 1
            if e.quad_class in (1, 2, 3, 4):
                slot[e.quad_class] += 1
            slot[5] += e.goldstein
            slot[6 if e.goldstein >= 0 else 7] += abs(e.goldstein)
    return {k: (v[0], *v[1:5], round(v[5], 6), round(v[6], 6), round(v[7], 6)) for k, v in out.items()}


def kept(conn: sqlite3.Connection) -> dict[tuple[str, str, str], tuple]:
    rows = conn.execute(
        """SELECT actor, other, day, events, verbal_cooperation, material_cooperation, verbal_conflict,
                  material_conflict, goldstein, cooperation, conflict, unscored FROM actor_dyad_days"""
    )
    out = {}
    for r in rows:
        assert r[11] == 0  # every event here has a score
        out[(r[0], r[1], r[2])] = (*r[3:8], round(r[8], 6), round(r[9], 6), round(r[10], 6))
    return out


def assert_kept(conn: sqlite3.Connection) -> int:
    """The kept rows are the counted ones, and every actor's relations read from them are those read
    from its events; how many rows there are."""
    expected = counted(conn)
    assert kept(conn) == expected
    everyone = {a for a, _, _ in expected} | {"PER", "CHL", "BOL", "ECU"}
    for actor in everyone:
        events = actor_queries.actor_events(conn, actor)
        from_events = actor_queries.relations(conn, actor, events)
        assert actor_queries.relations(conn, actor) == from_events, actor
        for other in everyone - {actor}:  # the dyad trend from the kept days and the dyad's documents
            for by in ("day", "week", "month", "year"):
                trend = actor_queries.dyad(conn, actor, other, by, events)
                assert actor_queries.dyad(conn, actor, other, by) == trend, (actor, other, by)
    return len(expected)


def test_the_kept_dyad_days_follow_every_write(tmp_path):
    store = filled(tmp_path / "s")
    conn = store.conn
    assert assert_kept(conn) > 10
    related = actor_queries.relations(conn, "PER")
    assert related["adversaries"]  # something to compare
    with store.transaction() as c:  # every counted column of an event
        c.execute("UPDATE events SET target = 'ECU' WHERE target = 'BOL' AND source = 'PER' AND negated = 0")
        c.execute("UPDATE events SET negated = 0 WHERE negated = 1 AND source = 'BOL'")
        c.execute("UPDATE events SET modality = 'asserted' WHERE modality = 'intended' AND source = 'CHL'")
        c.execute("UPDATE events SET goldstein = -7.5, quad_class = 4 WHERE cameo = '010' AND source = 'ECU'")
        c.execute("UPDATE events SET other_targets = '[\"BOL\"]' WHERE other_targets IS NULL AND source = 'PER'")
        c.execute("UPDATE events SET date = '2019-11' WHERE id = (SELECT min(id) FROM events)")
        c.execute("UPDATE events SET source = 'ECU' WHERE target IS NULL AND source = 'CHL'")
    assert assert_kept(conn) > 10
    with store.transaction() as c:  # a document's new date moves its events' days
        c.execute("UPDATE documents SET published = '2022-01-03' WHERE published = '2021-05-10'")
    assert assert_kept(conn)
    text = TEXTS[1][0]
    store.replace_extraction(record_for(text, "2022-01-03", cameo="173", goldstein=-5.0), ["t"])
    assert assert_kept(conn)
    doc = document_id(TEXTS[0][0])
    Corrector(store, "test").event(doc, 0, len(TEXTS[0][0]), like={"cameo": "010", "target": "CHL"}, target="ECU")
    assert assert_kept(conn)
    with store.transaction() as c:  # a near duplicate counts in no dyad, and again when it is an original
        c.execute("UPDATE documents SET near_duplicate_of = ? WHERE id = ?", (doc, document_id(TEXTS[3][0])))
    assert assert_kept(conn)
    with store.transaction() as c:
        c.execute("UPDATE documents SET near_duplicate_of = NULL")
    assert assert_kept(conn)
    with store.transaction() as c:
        c.execute("UPDATE documents SET near_duplicate_of = ? WHERE id = ?", (doc, document_id(TEXTS[3][0])))
        c.execute("DELETE FROM documents WHERE id = ?", (document_id(TEXTS[3][0]),))  # a near duplicate goes
        c.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE target IS NOT NULL)")
        c.execute("DELETE FROM documents WHERE published = '2022-01-03'")  # its events go by the cascade
    assert assert_kept(conn)
    with store.transaction() as c:
        c.execute("DELETE FROM documents")
    assert assert_kept(conn) == 0
    assert conn.execute("SELECT count(*) FROM actor_dyad_days").fetchone()[0] == 0


def test_an_event_without_a_score_is_read_from_the_events(tmp_path):
    """The codebook's score of an event stored without one is not in the kept sums: such an actor's
    relations come from its events (``unscored``), with the codebook's score."""
    store = open_store(tmp_path / "s")
    text, published = TEXTS[0]
    store.add(SourceDocument(text=text, input="0.txt"), record_for(text, published, cameo="173", goldstein=None), ["t"])
    unscored = store.conn.execute("SELECT sum(unscored) FROM actor_dyad_days WHERE actor = 'PER'").fetchone()[0]
    assert unscored > 0
    related = actor_queries.relations(store.conn, "PER")
    assert related == actor_queries.relations(store.conn, "PER", actor_queries.actor_events(store.conn, "PER"))
    assert related["adversaries"] and related["adversaries"][0]["conflict"] > 0  # CAMEO 173's score is negative


def test_a_version_11_store_gets_the_kept_dyad_days_when_migrated(tmp_path):
    store = filled(tmp_path / "s")
    expected = counted(store.conn)
    undo_actor_read_paths(store.conn)
    store.conn.execute("PRAGMA user_version = 11")
    store.close()
    assert available()[12][1].startswith("0013")
    migrated = open_store(tmp_path / "s")
    assert current_version(migrated.conn) == len(available())
    assert kept(migrated.conn) == expected
    assert assert_kept(migrated.conn) == len(expected)
    text, published = TEXTS[1]
    migrated.replace_extraction(record_for(text, published, cameo="173", goldstein=-5.0), ["t"])
    assert assert_kept(migrated.conn)  # and its triggers keep them


def test_the_actor_page_reads_the_kept_relations(tmp_path):
    store = filled(tmp_path / "s")
    client = TestClient(create_app(tmp_path / "s", allowed_hosts=["testserver"], warm=False))
    page = client.get("/api/actors/PER").json()
    expected = actor_queries.relations(store.conn, "PER", actor_queries.actor_events(store.conn, "PER"))
    assert {k: page[k] for k in ("partners", "adversaries")} == expected
    assert page["partners"] or page["adversaries"]
    with store.transaction() as c:
        c.execute("UPDATE events SET goldstein = 9.0, quad_class = 1 WHERE source = 'PER' AND target = 'CHL'")
    relation_queries.clear_cache()  # a direct write to the events moves no store version: a new server
    client = TestClient(create_app(tmp_path / "s", allowed_hosts=["testserver"], warm=False))
    after = client.get("/api/actors/PER").json()
    assert "CHL" in [r["id"] for r in after["partners"]]  # an adversary before
    assert "CHL" not in [r["id"] for r in after["adversaries"]]
    assert after["dyad"]["points"]
