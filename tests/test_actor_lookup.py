"""Actor look-ups accept what users type: an id, a CAMEO or ISO code, a name or an alias in any
language, and say so when a query names several actors (``powermap actor``, ``/api/actors/{id}``)."""

from __future__ import annotations

import pytest

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, ExtractionRecord, Span, document_id
from powermap.store import open_store
from powermap.store.queries import AmbiguousActor, actor_candidates, find_actor

TEXT = "Noorwegen en minister Ada Lindqvist en minister Bo Lindqvist spraken met Poetin in Oslo."


def _actor(aid: str, name: str, kind: str, word: str, **extra: str) -> Actor:
    start = TEXT.index(word)
    return Actor(id=aid, name=name, type=kind, mentions=[Span(word, start, start + len(word))], **extra)  # type: ignore[arg-type]


@pytest.fixture()
def store_path(tmp_path):
    doc = Document(id=document_id(TEXT), text=TEXT, language="nl", published="2024-05")
    actors = [
        _actor("norway", "Norway", "state", "Noorwegen", country="NOR", code="NOR"),
        _actor("ada_lindqvist", "Ada Lindqvist", "person", "Ada Lindqvist", country="NOR", code="NORGOV"),
        _actor("bo_lindqvist", "Bo Lindqvist", "person", "Bo Lindqvist", country="NOR", code="NORGOV"),
        _actor("vladimir_putin", "Vladimir Putin", "person", "Poetin", country="RUS"),
    ]
    store = open_store(tmp_path / "store")
    store.add(
        SourceDocument(text=TEXT, input="lookup.txt"), ExtractionRecord(document=doc, actors=actors), ["actors.v1"]
    )
    store.close()
    return tmp_path / "store"


@pytest.fixture()
def conn(store_path):
    return open_store(store_path).conn


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("norway", "norway"),  # the id
        ("NOR", "norway"),  # a state's ISO code (and CAMEO country code)
        ("nor", "norway"),  # codes in any case
        ("NORWAY", "norway"),  # the name, case ignored
        ("Noorwegen", "norway"),  # a knowledge-base alias in another language
        ("ada lindqvist", "ada_lindqvist"),
        ("Poetin", "vladimir_putin"),  # a person of the base in another spelling
    ],
)
def test_a_query_names_one_actor(conn, query, expected):
    assert find_actor(conn, query)["id"] == expected


def test_a_shared_code_is_ambiguous_and_lists_the_candidates(conn):
    assert [c["id"] for c in actor_candidates(conn, "NORGOV")] == ["ada_lindqvist", "bo_lindqvist"]
    with pytest.raises(AmbiguousActor, match=r"ada_lindqvist .*bo_lindqvist"):
        find_actor(conn, "NORGOV")


def test_nothing_found_is_none(conn):
    assert find_actor(conn, "Atlantis") is None


def test_the_api_answers_an_ambiguous_actor_with_400_and_the_ids(store_path):
    from fastapi.testclient import TestClient

    from powermap.serve.api import create_app

    client = TestClient(create_app(store_path, allowed_hosts=["testserver"]))
    assert client.get("/api/actors/NOR").json()["actor"]["id"] == "norway"
    answer = client.get("/api/actors/NORGOV")
    assert answer.status_code == 400
    assert "ada_lindqvist" in answer.json()["detail"] and "bo_lindqvist" in answer.json()["detail"]
