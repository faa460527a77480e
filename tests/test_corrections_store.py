"""Corrections in the store: each action, undo, and corrections that outlive a re-extraction."""

from __future__ import annotations

import dataclasses
import json

import pytest

from powermap.codebooks.cameo import cameo_codes
from powermap.store import open_store
from powermap.store.corrections_log import aliases, iter_corrected_records, list_corrections, merged_into
from powermap.store.corrections_write import CorrectionError, Corrector

from .corrections_fixtures import FIRST, SECOND, build_store, first_record, quote_at, second_record, source, span


@pytest.fixture
def store(tmp_path):
    ids = build_store(tmp_path)
    with open_store(tmp_path) as db:
        yield db, *ids


def speakers(db) -> list:
    return [r[0] for r in db.conn.execute("SELECT speaker FROM quotes ORDER BY doc_id, start")]


def test_a_new_speaker_reaches_the_rows_the_record_and_is_undone(store):
    db, first, _ = store
    start, end = quote_at(FIRST)
    made = Corrector(db, "tester").speaker(first, start, end, "vos")
    assert made["before"]["speaker"] == "jan_smit" and made["after"]["speaker"] == "vos"
    assert made["author"] == "tester" and made["created_at"]
    assert speakers(db) == ["vos"]
    assert db.record(first)["quotes"][0]["speaker"] == "vos"
    pipeline = db.conn.execute("SELECT pipeline_record FROM extractions WHERE doc_id = ?", (first,)).fetchone()[0]
    assert json.loads(pipeline)["quotes"][0]["speaker"] == "jan_smit"  # what the pipeline said is kept
    Corrector(db, "tester").undo(made["id"])
    assert speakers(db) == ["jan_smit"]
    assert db.conn.execute("SELECT pipeline_record FROM extractions WHERE doc_id = ?", (first,)).fetchone()[0] is None
    assert list_corrections(db.conn) == [] and list_corrections(db.conn, include_undone=True)[0]["undone_by"]


def test_a_new_speaker_drops_the_words_the_old_one_was_read_from(tmp_path):
    record = first_record()
    record.quotes[0].speaker_mention = span(FIRST, "Jan Smit")
    ids = build_store(tmp_path, first=record)
    with open_store(tmp_path) as db:
        start, end = quote_at(FIRST)
        assert db.record(ids[0])["quotes"][0]["speaker_mention"]["text"] == "Jan Smit"
        Corrector(db, "tester").speaker(ids[0], start, end, "vos")
        quote = db.record(ids[0])["quotes"][0]
        assert quote["speaker"] == "vos" and quote.get("speaker_mention") is None


def test_a_correction_outlives_reextraction_with_moved_spans(store):
    db, first, _ = store
    start, end = quote_at(FIRST)
    Corrector(db, "tester").speaker(first, start, end, "anna_vos")
    db.replace_extraction(first_record(quote_shift=1), ["test.v2"])  # a newer pipeline cuts the quote shorter
    assert speakers(db) == ["anna_vos"]
    assert [r["quotes"][0]["start"] for r in iter_corrected_records(db.conn, [first])] == [start + 1]


def test_a_fact_marked_wrong_stays_gone_and_one_marked_right_comes_back(store):
    db, first, _ = store
    event = first_record().events[0]
    claim = first_record().claims[0]
    corrector = Corrector(db, "tester")
    corrector.mark(first, "claim", claim.start, claim.end, "wrong")
    corrector.mark(first, "event", event.start, event.end, "right")
    assert db.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    db.replace_extraction(first_record(with_event=False), ["test.v2"])  # the new pipeline misses the event
    assert db.conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert db.conn.execute("SELECT cameo FROM events WHERE doc_id = ?", (first,)).fetchall()[0][0] == "111"


def test_event_code_and_actors_and_stance_polarity(store):
    db, first, _ = store
    event = first_record().events[0]
    stance = first_record().stances[0]
    corrector = Corrector(db, "tester")
    corrector.event(first, event.start, event.end, cameo="112", source="anna_vos")
    corrector.polarity(first, stance.start, stance.end, True)
    row = db.conn.execute("SELECT source, target, cameo, plover, goldstein FROM events WHERE doc_id = ?", (first,))
    source_id, target, cameo, plover, goldstein = row.fetchone()
    assert (source_id, target, cameo) == ("anna_vos", "landia", "112")
    entry = cameo_codes()["112"]
    assert (plover, goldstein) == (entry.plover, entry.goldstein)
    assert db.conn.execute("SELECT agree FROM stances").fetchone()[0] == 1
    with pytest.raises(CorrectionError, match="CAMEO"):
        corrector.event(first, event.start, event.end, cameo="999")


def test_merge_reaches_every_document_and_those_ingested_later(tmp_path):
    build_store(tmp_path, second=False)
    with open_store(tmp_path) as db:
        Corrector(db, "tester").merge("vos", "anna_vos")
        assert db.conn.execute("SELECT count(*) FROM mentions WHERE actor_id = 'vos'").fetchone()[0] == 0
        assert db.conn.execute("SELECT count(*) FROM mentions WHERE actor_id = 'anna_vos'").fetchone()[0] == 3
        assert db.conn.execute("SELECT source FROM events").fetchone()[0] == "anna_vos"
        assert json.loads(db.conn.execute("SELECT subject FROM claims").fetchone()[0]) == ["anna_vos"]
        assert merged_into(db.conn, "vos") == "anna_vos"
        record = second_record()
        record.actors[0].id = "vos"
        record.events[0].source = "vos"
        db.add(source(record), record, ["test.v1"])  # a later document naming the merged actor
        assert db.conn.execute("SELECT source FROM events WHERE doc_id = ?", (record.document.id,)).fetchone()[0] == (
            "anna_vos"
        )


def test_alias_merges_every_actor_of_that_name(store):
    db, _, second = store
    Corrector(db, "tester").alias("anna_vos", "Vos")
    assert aliases(db.conn, "anna_vos") == ["Vos"]
    ids = {r[0] for r in db.conn.execute("SELECT DISTINCT actor_id FROM mentions")}
    assert "vos" not in ids and "vos_2" not in ids
    assert db.conn.execute("SELECT source FROM events WHERE doc_id = ?", (second,)).fetchone()[0] == "anna_vos"


def test_split_moves_chosen_mentions_to_a_new_actor(store):
    db, first, _ = store
    second_vos = span(FIRST, "Vos", 2)
    made = Corrector(db, "tester").split(
        "vos", first, name="Piet Vos", actor_type="person", mentions=[(second_vos.start, second_vos.end)]
    )
    new_id = made["after"]["actor"]["id"]
    assert new_id == "piet_vos"
    rows = dict(db.conn.execute("SELECT start, actor_id FROM mentions WHERE doc_id = ? AND text = 'Vos'", (first,)))
    assert rows[second_vos.start] == "piet_vos" and rows[span(FIRST, "Vos", 1).start] == "vos"
    assert db.conn.execute("SELECT name, type FROM actors WHERE id = 'piet_vos'").fetchone()[:] == (
        "Piet Vos",
        "person",
    )


def test_split_of_every_mention_moves_what_is_said_of_the_actor(store):
    db, _, second = store
    Corrector(db, "tester").split("vos_2", second, into="anna_vos")
    assert db.conn.execute("SELECT source FROM events WHERE doc_id = ?", (second,)).fetchone()[0] == "anna_vos"


def test_bad_corrections_are_refused_and_change_nothing(store):
    db, first, _ = store
    before = db.conn.execute("SELECT count(*) FROM corrections").fetchone()[0]
    corrector = Corrector(db, "tester")
    start, end = quote_at(FIRST)
    for attempt in (
        lambda: corrector.speaker(first, start, end, "nobody"),
        lambda: corrector.speaker("0000000000000000", start, end, "vos"),
        lambda: corrector.speaker(first, 0, 3, "vos"),
        lambda: corrector.speaker(first, start, end, "jan_smit"),
        lambda: corrector.merge("vos", "vos"),
        lambda: corrector.mark(first, "quote", start, end, "maybe"),
        lambda: corrector.split("vos", first, name="X", actor_type="alien"),
        lambda: corrector.undo(12345),
    ):
        with pytest.raises(CorrectionError):
            attempt()
    assert db.conn.execute("SELECT count(*) FROM corrections").fetchone()[0] == before
    assert speakers(db) == ["jan_smit"]
    with pytest.raises(CorrectionError, match="author"):
        Corrector(db, "  ")


def test_the_second_document_is_untouched_by_the_first_ones_corrections(store):
    db, first, second = store
    start, end = quote_at(FIRST)
    Corrector(db, "tester").speaker(first, start, end, "vos")
    assert db.conn.execute("SELECT pipeline_record FROM extractions WHERE doc_id = ?", (second,)).fetchone()[0] is None
    assert SECOND in db.record(second)["document"]["text"]


def test_the_actor_look_up_finds_an_actor_by_an_alias_a_person_gave(store):
    from powermap.store.queries import AmbiguousActor, find_actor

    db, _, _ = store
    with pytest.raises(AmbiguousActor):  # two document actors are called Vos
        find_actor(db.conn, "Vos")
    Corrector(db, "tester").alias("anna_vos", "vós")
    assert find_actor(db.conn, "Vos")["id"] == "anna_vos"


def test_of_two_events_on_one_sentence_the_one_matched_is_corrected_and_stays_so(store):
    db, first, _ = store
    record = first_record()
    other = dataclasses.replace(record.events[0], source="anna_vos", target="jan_smit", cameo="040", plover="CONSULT")
    record.events.append(other)
    db.replace_extraction(record, ["test.v1"])
    corrector = Corrector(db, "tester")
    with pytest.raises(CorrectionError, match="cameo 190"):
        corrector.event(first, other.start, other.end, {"cameo": "190"}, target="landia")
    corrector.event(first, other.start, other.end, {"cameo": "040", "source": "anna_vos"}, target="landia")
    corrector.mark(first, "event", other.start, other.end, "wrong", like={"cameo": "111"})
    rows = db.conn.execute("SELECT source, cameo, target FROM events WHERE doc_id = ?", (first,)).fetchall()
    assert [tuple(r) for r in rows] == [("anna_vos", "040", "landia")]
    record.events.reverse()  # a newer pipeline lists them the other way round
    db.replace_extraction(record, ["test.v2"])
    rows = db.conn.execute("SELECT source, cameo, target FROM events WHERE doc_id = ?", (first,)).fetchall()
    assert [tuple(r) for r in rows] == [("anna_vos", "040", "landia")]


def test_corrections_take_the_text_from_the_document_not_the_stored_record(store):
    db, first, _ = store
    db.conn.execute("UPDATE extractions SET record = json_set(record, '$.document.text', json('null'))")
    start, end = quote_at(FIRST)
    Corrector(db, "tester").speaker(first, start, end, "vos")
    (record,) = iter_corrected_records(db.conn, [first])
    assert record["document"]["text"] == FIRST and record["quotes"][0]["speaker"] == "vos"
