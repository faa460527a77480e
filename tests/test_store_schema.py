"""Store opening, migrations and refusal cases."""

from __future__ import annotations

import sqlite3

import pytest

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, Event, ExtractionRecord, Quote, Span, document_id
from powermap.store import StoreError, open_store
from powermap.store.migrations import available


def record_for(text: str) -> ExtractionRecord:
    doc = Document(id=document_id(text), text=text, language="nl", published="2024-05")
    start = text.index("Chili")
    actor = Actor(
        id="CHL", name="Chile", type="state", country="CHL", code="CHL", mentions=[Span("Chili", start, start + 5)]
    )
    event = Event(
        source="CHL", target=None, cameo="057", plover="AGREE", goldstein=8.0, sentence=text, start=0, end=len(text)
    )
    quote = Quote(
        text="we tekenen",
        start=text.index("we tekenen"),
        end=text.index("we tekenen") + 10,
        speaker="CHL",
        kind="direct",
        cue="zei",
    )
    return ExtractionRecord(document=doc, actors=[actor], events=[event], quotes=[quote])


def test_new_store_is_at_newest_schema_version(tmp_path):
    store = open_store(tmp_path / "s")
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
    assert version == available()[-1][0]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rows_carry_provenance(tmp_path):
    text = 'Chili tekende een akkoord. "we tekenen", zei de minister.'
    store = open_store(tmp_path / "s")
    result = store.add(SourceDocument(text=text, input="x.txt"), record_for(text), ["actors.v1"])
    assert result.status == "stored"
    row = store.conn.execute('SELECT doc_id, start, "end", text, pipeline_version FROM mentions').fetchone()
    assert row["doc_id"] == document_id(text) and text[row["start"] : row["end"]] == row["text"]
    assert row["pipeline_version"].startswith("powermap-")
    event = store.conn.execute("SELECT cameo_root, quad_class FROM events").fetchone()
    assert (event["cameo_root"], event["quad_class"]) == ("05", 1)
    hits = store.conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'tekenen'").fetchone()[0]
    assert hits == 1
    assert store.record(document_id(text))["actors"][0]["id"] == "CHL"
    assert store.record(document_id(text)[:8])["document"]["text"] == text


def test_event_reported_flag_and_coordinated_targets_are_stored(tmp_path):
    text = 'Chili prees Peru en Bolivia. "we tekenen", zei de minister.'
    record = record_for(text)
    for name, iso in (("Peru", "PER"), ("Bolivia", "BOL")):
        at = text.index(name)
        record.actors.append(Actor(id=iso, name=name, type="state", mentions=[Span(name, at, at + len(name))]))
    record.events[0].target, record.events[0].other_targets, record.events[0].reported = "PER", ["BOL"], True
    store = open_store(tmp_path / "s")
    store.add(SourceDocument(text=text, input="x.txt"), record, ["events.v1"])
    row = store.conn.execute("SELECT target, other_targets, reported FROM events").fetchone()
    assert (row["target"], row["other_targets"], row["reported"]) == ("PER", '["BOL"]', 1)
    stored = store.record(document_id(text))["events"][0]
    assert stored["other_targets"] == ["BOL"] and stored["reported"] is True
    record.events[0].other_targets = ["nobody"]
    with pytest.raises(StoreError, match="nobody"):
        open_store(tmp_path / "t").add(SourceDocument(text=text, input="x.txt"), record, [])


def test_record_with_dangling_actor_reference_is_refused_whole(tmp_path):
    text = 'Chili tekende een akkoord. "we tekenen", zei de minister.'
    record = record_for(text)
    record.quotes[0].speaker = "nobody"
    store = open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="nobody"):
        store.add(SourceDocument(text=text, input="x.txt"), record, [])
    assert store.counts()["documents"] == 0


def test_store_from_a_newer_powermap_is_refused(tmp_path):
    open_store(tmp_path / "s").close()
    conn = sqlite3.connect(tmp_path / "s" / "powermap.db")
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        open_store(tmp_path / "s")


def test_not_a_store(tmp_path):
    (tmp_path / "s").mkdir()
    (tmp_path / "s" / "powermap.db").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        open_store(tmp_path / "s")
    with pytest.raises(StoreError, match="no powermap store"):
        open_store(tmp_path / "elsewhere", readonly=True)


def test_older_store_is_migrated_in_place_keeping_its_rows(tmp_path):
    """A store left at schema version 2 (before the event columns) keeps its documents and
    events through ``powermap migrate``; the new columns get their defaults."""
    from powermap.store.migrations import _statements

    from .conftest import run_cli

    (tmp_path / "s").mkdir()
    conn = sqlite3.connect(tmp_path / "s" / "powermap.db", isolation_level=None)
    conn.execute("PRAGMA journal_mode = wal")
    for number, _name, sql in available()[:2]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {number}")
    conn.execute(
        "INSERT INTO documents (id, text, language, content_hash, input, ingested_at, pipeline_version) "
        "VALUES ('d1', 'Chili tekende.', 'nl', 'h', 'x.txt', 't', 'old')"
    )
    conn.execute(
        'INSERT INTO events (doc_id, start, "end", sentence, cameo, cameo_root, negated, modality, pipeline_version) '
        "VALUES ('d1', 0, 14, 'Chili tekende.', '057', '05', 0, 'asserted', 'old')"
    )
    conn.close()
    done = run_cli("migrate", "--store", str(tmp_path / "s"))
    assert done.returncode == 0, done.stderr
    store = open_store(tmp_path / "s")
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == available()[-1][0]
    row = store.conn.execute("SELECT cameo, reported, other_targets FROM events").fetchone()
    assert (row["cameo"], row["reported"], row["other_targets"]) == ("057", 0, None)
    assert store.conn.execute("SELECT text FROM documents").fetchone()[0] == "Chili tekende."


def test_actor_counts_read_the_covering_mentions_index(tmp_path):
    """The per-actor mention and document counts come from an index of (actor_id, doc_id) alone."""
    store = open_store(tmp_path / "store")
    plan = store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT a.id, count(m.doc_id), count(DISTINCT m.doc_id) "
        "FROM actors a LEFT JOIN mentions m ON m.actor_id = a.id GROUP BY a.id"
    ).fetchall()
    assert any("COVERING INDEX mentions_actor_document_start" in row[-1] for row in plan), plan


def test_the_text_is_stored_once_and_the_record_reads_back_whole(tmp_path):
    text = 'Chili tekende een verdrag. "we tekenen", zei de minister.'
    store = open_store(tmp_path / "s")
    record = record_for(text)
    store.add(SourceDocument(text=text, input="x.txt"), record, ["actors.v1"])
    stored = store.conn.execute("SELECT record FROM extractions").fetchone()[0]
    assert text not in stored and '"text": null' in stored
    assert store.record(record.document.id) == record.to_dict()
    assert list(store.record(record.document.id)["document"]) == list(record.to_dict()["document"])


def test_migration_6_takes_the_second_copy_of_each_text_out_of_an_older_store(tmp_path):
    import json

    text = 'Chili tekende een verdrag. "we tekenen", zei de minister.'
    store = open_store(tmp_path / "s")
    record = record_for(text)
    store.add(SourceDocument(text=text, input="x.txt"), record, ["actors.v1"])
    with store.conn:  # the record as a store written before migration 6 kept it, text and all
        store.conn.execute("UPDATE extractions SET record = ?", (json.dumps(record.to_dict()),))
    stored = store.conn.execute("SELECT record FROM extractions").fetchone()[0]
    assert json.loads(stored)["document"]["text"] == text
    migration = next(sql for version, _, sql in available() if version == 6)
    with store.conn:
        store.conn.execute(migration)
    store.close()
    reopened = open_store(tmp_path / "s")
    stored = reopened.conn.execute("SELECT record FROM extractions").fetchone()[0]
    assert json.loads(stored)["document"]["text"] is None
    assert reopened.record(record.document.id) == record.to_dict()
