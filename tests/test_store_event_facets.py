"""An actor's event facets and mention names kept at write time (migration 11) agree with counting, after
adding, replacing, changing and deleting events and documents, and after migrating an older store;
the events page filtered by one actor reads them and pages by the actor's day indexes."""

from __future__ import annotations

import sqlite3

from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, Event, ExtractionRecord, Span, document_id
from powermap.serve.api import create_app, fact_queries
from powermap.store import open_store
from powermap.store.migrations import available, current_version
from tests.test_store_aggregates import undo_api_read_paths

STATES = (("Peru", "PER"), ("Chili", "CHL"), ("Bolivia", "BOL"))
TEXTS = [
    ("Peru belde Chili en Bolivia keek toe.", "2021-04-02", "nl"),
    ("Bolivia stuurde Peru een brief over de haven.", "2021-05-10", "nl"),
    ("Chile and Bolivia talked about water.", "2021-05", "en"),
]


def state_actors(text: str, states: tuple[tuple[str, str], ...]) -> list[Actor]:
    """The states of ``states`` (name, code) that ``text`` names, each with its first mention, in text order."""
    actors = []
    for name, code in states:
        at = text.find(name)
        if at >= 0:
            actors.append(Actor(id=code, name=name, type="state", country=code, code=code,
                                mentions=[Span(name, at, at + len(name))]))  # fmt: skip
    return sorted(actors, key=lambda a: text.find(a.name))


def record_for(text: str, published: str, language: str, cameo: str = "010") -> ExtractionRecord:
    """A record naming the states of the text; one event from the first named to every other."""
    doc = Document(id=document_id(text), text=text, language=language, published=published)
    actors = state_actors(text, STATES)
    events = [
        Event(
            source=actors[0].id,
            target=other.id,
            cameo=cameo,
            plover="CONSULT",
            goldstein=1.0,
            sentence=text,
            start=0,
            end=len(text),
            date="2020" if other is actors[-1] else None,
        )
        for other in actors[1:]
    ]
    events.append(Event(source=actors[0].id, target=None, cameo="042", plover=None, goldstein=1.0, sentence=text,
                        start=0, end=len(text)))  # fmt: skip
    return ExtractionRecord(document=doc, actors=actors, events=events)


def filled(path):
    store = open_store(path)
    for serial, (text, published, language) in enumerate(TEXTS):
        store.add(SourceDocument(text=text, input=f"{serial}.txt"), record_for(text, published, language), ["t"])
    return store


def assert_kept(conn: sqlite3.Connection) -> int:
    """Every actor's kept facets are the counted ones; how many actors have events."""
    actors = [r[0] for r in conn.execute("SELECT source FROM events UNION SELECT target FROM events") if r[0]]
    for actor in actors:
        counted = fact_queries.event_facets(conn, fact_queries.EventQuery(actor=[actor]), {})
        assert fact_queries.kept_event_facets(conn, actor, {}) == counted, actor
    left = {r[0] for r in conn.execute("SELECT DISTINCT actor_id FROM actor_event_facets")}
    assert left <= set(actors)  # an actor without events keeps no rows
    return len(actors)


def test_the_kept_facets_follow_every_write(tmp_path):
    store = filled(tmp_path / "s")
    conn = store.conn
    assert assert_kept(conn) == 3
    assert fact_queries.kept_event_facets(conn, "BOL", {})[0] == 4
    with store.transaction() as c:
        c.execute("UPDATE events SET target = 'CHL' WHERE target = 'BOL' AND source = 'PER'")
        c.execute("UPDATE events SET cameo = '190', plover = NULL, modality = 'intended' WHERE cameo = '042'")
        c.execute("UPDATE events SET date = '2019-11' WHERE id = (SELECT min(id) FROM events)")
    assert assert_kept(conn) == 3
    with store.transaction() as c:
        c.execute("UPDATE documents SET language = 'fr' WHERE language = 'en'")
        c.execute("UPDATE documents SET language = NULL WHERE published = '2021-04-02'")
        c.execute("UPDATE documents SET published = '2022-01-03' WHERE published = '2021-05-10'")
    assert assert_kept(conn) == 3
    text, published, language = TEXTS[1]
    store.replace_extraction(record_for(text, published, language, cameo="173"), ["t"])
    assert assert_kept(conn) == 3
    with store.transaction() as c:
        c.execute("DELETE FROM events WHERE id = (SELECT max(id) FROM events)")
        c.execute("DELETE FROM documents WHERE published = '2022-01-03'")  # its events go by the cascade
    assert assert_kept(conn) == 3
    with store.transaction() as c:
        c.execute("DELETE FROM documents")
    assert assert_kept(conn) == 0
    assert conn.execute("SELECT count(*) FROM actor_event_facets").fetchone()[0] == 0


def test_the_events_page_of_one_actor_reads_the_kept_facets(tmp_path):
    store = filled(tmp_path / "s")
    client = TestClient(create_app(tmp_path / "s", allowed_hosts=["testserver"], warm=False))
    first = client.get("/api/events", params={"actor": "BOL"}).json()
    assert first["total"] == 4 and {f["value"] for f in first["facets"]["language"]} == {"nl", "en"}
    with store.transaction() as c:
        c.execute("UPDATE documents SET language = 'fr' WHERE language = 'en'")
    after = client.get("/api/events", params={"actor": "BOL", "limit": 2, "offset": 1}).json()
    assert {f["value"]: f["count"] for f in after["facets"]["language"]} == {"nl": 3, "fr": 1}
    everything = client.get("/api/events", params={"actor": "BOL", "limit": 50}).json()["events"]
    assert [e["id"] for e in after["events"]] == [e["id"] for e in everything][1:3]
    days = [e["day"] for e in everything]
    assert days == sorted(days, reverse=True)


def test_an_older_store_gets_the_facets_when_migrated(tmp_path):
    store = filled(tmp_path / "s")
    expected = {a: fact_queries.kept_event_facets(store.conn, a, {}) for a in ("PER", "CHL", "BOL")}
    undo_api_read_paths(store.conn)
    store.conn.execute("PRAGMA user_version = 10")
    store.close()
    assert available()[10][1].startswith("0011")
    migrated = open_store(tmp_path / "s")
    assert current_version(migrated.conn) == len(available())
    assert {a: fact_queries.kept_event_facets(migrated.conn, a, {}) for a in expected} == expected
    assert assert_kept(migrated.conn) == 3


def assert_texts_kept(conn: sqlite3.Connection) -> None:
    """The kept names per actor (migration 11) are the mentions grouped by actor and text."""
    kept = conn.execute("SELECT actor_id, text, n FROM actor_mention_texts ORDER BY 1, 2").fetchall()
    grouped = conn.execute("SELECT actor_id, text, count(*) FROM mentions GROUP BY 1, 2 ORDER BY 1, 2").fetchall()
    assert [tuple(r) for r in kept] == [tuple(r) for r in grouped]


def test_the_kept_mention_names_follow_every_write_and_show_on_the_actor_page(tmp_path):
    store = filled(tmp_path / "s")
    conn = store.conn
    assert_texts_kept(conn)
    client = TestClient(create_app(tmp_path / "s", allowed_hosts=["testserver"], warm=False))
    with store.transaction() as c:
        c.execute("UPDATE mentions SET text = 'Bolivië' WHERE actor_id = 'BOL' AND start = 0")
        c.execute("UPDATE mentions SET actor_id = 'CHL' WHERE actor_id = 'PER' AND start > 0")
    assert_texts_kept(conn)
    aliases = client.get("/api/actors/BOL").json()["aliases"]
    assert [(a["name"], a["count"]) for a in aliases if a["kind"] == "mentioned"] == [("Bolivia", 2), ("Bolivië", 1)]
    text, published, language = TEXTS[1]
    store.replace_extraction(record_for(text, published, language), ["t"])
    assert_texts_kept(conn)
    with store.transaction() as c:
        c.execute("DELETE FROM documents WHERE published = '2021-05'")
    assert_texts_kept(conn)
    aliases = client.get("/api/actors/BOL").json()["aliases"]
    assert [(a["name"], a["count"]) for a in aliases if a["kind"] == "mentioned"] == [
        ("Bolivia", 2)
    ]  # read again: its own name
