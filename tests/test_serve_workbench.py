"""The workbench pages and their JSON twins: the document's marks, events with filters and facets,
claims side by side, stances and coalitions, an actor's relations, the network, the timeline,
paging totals, HTML errors for browsers and searches as people type them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import create_app
from powermap.serve.api.actor_queries import sentence_around
from powermap.serve.api.marks import mark_text

from .workbench_store import TEXTS, build_workbench_store

HTML = {"accept": "text/html,application/xhtml+xml"}


@pytest.fixture(scope="module")
def wb(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workbench")
    ids = build_workbench_store(folder)
    return TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False)), ids


def test_marks_cut_the_text_at_every_boundary_and_link_the_innermost_fact():
    text = "Anna zei: gaan we nu."
    spans = [(0, 21, "event", "event-1", "e"), (10, 20, "quote", "quote-2", "q"), (0, 4, "mention", "actor-0", "a")]
    pieces = mark_text(text, spans)
    assert "".join(p["text"] for p in pieces) == text
    assert [(p["text"], p.get("ref")) for p in pieces] == [
        ("Anna", "actor-0"),
        (" zei: ", "event-1"),
        ("gaan we nu", "quote-2"),
        (".", "event-1"),
    ]
    assert pieces[0]["kinds"] == ["mention", "event"] and pieces[0]["starts"] == ["event-1", "actor-0"]
    assert [r for p in pieces for r in p.get("starts", [])].count("quote-2") == 1  # one anchor per fact


def test_a_mention_context_is_its_sentence():
    text = "Eerste zin hier. Dan komt Anna langs! En daarna niets."
    start = text.index("Anna")
    assert sentence_around(text, start, start + 4, 0) == ("Dan komt Anna langs!", 17)
    assert sentence_around(text[5:], start, start + 4, 5) == ("Dan komt Anna langs!", 17)


def test_the_document_page_marks_every_kind(wb):
    client, ids = wb
    page = client.get(f"/api/documents/{ids[0]}").json()
    assert "".join(s["text"] for s in page["segments"]) == TEXTS[0][2]
    assert page["counts"] == {"mention": 5, "quote": 1, "claim": 1, "event": 1, "stance": 1}
    marked = {k for s in page["segments"] for k in s["kinds"]}
    assert marked == {"mention", "quote", "claim", "event", "stance"}
    quote = page["facts"]["quotes"][0]
    assert quote["speaker_name"] == "Ida Kersten" and quote["ref"] == f"quote-{quote['id']}"
    html = client.get(f"/documents/{ids[0]}").text
    assert f'id="text-{quote["ref"]}"' in html and f'href="#fact-{quote["ref"]}"' in html
    assert f'id="fact-{quote["ref"]}"' in html and f'href="#text-{quote["ref"]}"' in html
    assert 'class="legend"' in html and '<script src="/static/document.js">' in html


def test_events_filter_by_dyad_type_and_period_with_facets(wb):
    client, _ = wb
    every = client.get("/api/events").json()
    assert every["total"] == 4 and len(every["events"]) == 4
    assert sum(f["count"] for f in every["facets"]["cameo"]) == 4
    assert {f["value"]: f["count"] for f in every["facets"]["source"]} == {"valoria": 2, "marendia": 2}
    dyad = client.get("/api/events", params={"actor": "Marendia", "other": "VAL"}).json()
    assert dyad["total"] == 4
    assert client.get("/api/events", params={"cameo": "11"}).json()["total"] == 1
    april = client.get("/api/events", params={"since": "2031-04", "until": "2031-04"}).json()
    assert april["total"] == 2 and {e["day"] for e in april["events"]} == {"2031-04-11"}
    assert client.get("/api/events", params={"actor": "nobody at all"}).json()["total"] == 0
    paged = client.get("/api/events", params={"limit": 3, "offset": 3}).json()
    assert len(paged["events"]) == 1 and paged["next_offset"] is None and paged["total"] == 4
    for bad in ({"since": "2031-13"}, {"cameo": "x1"}, {"modality": "maybe"}, {"limit": "0"}):
        response = client.get("/api/events", params=bad)
        assert response.status_code == 400 and response.json()["detail"], bad
    assert client.get("/api/events", params={"since": "", "cameo": "", "modality": ""}).json()["total"] == 4


def test_claims_on_one_measure_stand_side_by_side(wb):
    client, ids = wb
    measures = client.get("/api/claims", params={"disputed": "true"}).json()
    assert measures["total"] == 1
    (measure,) = measures["measures"]
    assert measure["about"] == "werkloosheid" and measure["disputed"] and measure["documents"] == 2
    assert [c["value"] for c in measure["claims"]] == [6.1, 7.4]
    assert [c["doc_id"] for c in measure["claims"]] == ids[:2]
    assert "claim-card" in client.get("/claims").text


def test_stances_and_coalitions(wb):
    client, _ = wb
    page = client.get("/api/stances").json()
    assert page["total"] == 3 and {c["concept"] for c in page["concepts"]} == {"gezamenlijke energiemarkt", "sancties"}
    assert client.get("/api/stances", params={"agree": "false"}).json()["stances"][0]["concept"] == "sancties"
    (coalition,) = page["coalitions"]  # the two who agree on the energy market
    assert {m["id"] for m in coalition["members"]} == {"ida_kersten", "tomas_veld"} and coalition["size"] == 2


def test_the_actor_page_shows_relations_aliases_and_sentences(wb):
    client, _ = wb
    page = client.get("/api/actors/valoria").json()
    assert page["total"] == 5 and page["actor"]["name"] == "Valoria"
    relation = (page["partners"] + page["adversaries"])[0]
    assert relation["id"] == "marendia" and relation["events"] == 4
    assert page["dyad"]["with"] == "marendia" and sum(p["events"] for p in page["dyad"]["points"]) == 4
    assert page["mentions"][0]["context"] == "Valoria en Marendia tekenden maandag een havenakkoord."
    assert {"name": "Valoria", "kind": "mentioned", "count": 5} in page["aliases"]
    assert page["network"]["degree"] == 1
    person = client.get("/api/actors/ida_kersten").json()
    assert person["quote_total"] == 1 and {s["concept"] for s in person["stances"]} == {
        "gezamenlijke energiemarkt",
        "sancties",
    }
    weekly = client.get("/api/actors/valoria", params={"with": "Marendia", "by": "month"}).json()["dyad"]
    assert [p["period"] for p in weekly["points"]] == ["2031-03", "2031-04"]
    assert client.get("/api/actors/valoria", params={"with": "nobody at all"}).status_code == 404
    assert client.get("/api/actors/valoria", params={"limit": 2, "offset": 4}).json()["next_offset"] is None


def test_the_network_and_the_timeline(wb):
    client, _ = wb
    net = client.get("/api/network").json()
    assert {n["id"] for n in net["nodes"]} == {"valoria", "marendia"} and net["edges"][0]["events"] == 4
    assert client.get("/api/network", params={"type": "person"}).json()["edges"] == []
    assert client.get("/api/network", params={"since": "2031-04"}).json()["edges"][0]["events"] == 2
    timeline = client.get("/api/timeline", params={"by": "month"}).json()
    assert [(p["period"], p["documents"], p["events"]) for p in timeline["periods"]] == [
        ("2031-03", 2, 2),
        ("2031-04", 1, 2),
    ]
    html = client.get("/timeline").text
    assert 'data-chart="timeline"' in html and "2031-W" in html  # weeks for a corpus of weeks


def test_every_list_has_a_total(wb):
    client, _ = wb
    for path, key, total in (
        ("/api/documents", "documents", 3),
        ("/api/actors", "actors", 4),
        ("/api/quotes", "quotes", 1),
    ):
        page = client.get(path, params={"limit": 1}).json()
        assert page["total"] == total and len(page[key]) == 1, path
        assert page["next_offset"] == (1 if total > 1 else None)
    assert "1–1 of 3" in client.get("/documents", params={"limit": 1}).text


def test_browsers_get_html_errors_and_the_api_json(wb):
    client, _ = wb
    page = client.get("/documents/0000000000000000", headers=HTML)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "no document 0000000000000000" in page.text
    assert client.get("/api/documents/0000000000000000", headers=HTML).json()["detail"]
    bad = client.get("/events", params={"limit": "abc"}, headers=HTML)
    assert bad.status_code == 400 and "limit" in bad.text and bad.headers["content-type"].startswith("text/html")
    assert client.get("/events", params={"limit": "abc"}).json()["detail"].startswith("limit")
    missing = client.get("/no/such/page", headers=HTML)
    assert missing.status_code == 404 and "<h1>404" in missing.text


@pytest.mark.parametrize(
    ("typed", "found"),
    [("jean-luc", 1), ("d'ancona", 1), ("D\u2019Ancona", 1), ("malmo", 1), ("Sao Tome", 1), ("ida kersten", 2),
     ('"goede dag"', 1), ("valoria NOT visrechten", 2), ("title:haven", 0), ("NEAR(a b)", 0), ("(", 0)],
)  # fmt: skip
def test_search_takes_what_people_type(wb, typed, found):
    client, _ = wb
    response = client.get("/api/documents", params={"q": typed})
    assert response.status_code == 200 and response.json()["total"] == found, response.json()["searched"]


def test_the_api_description_and_its_viewer_are_served_locally(wb):
    client, _ = wb
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/claims", "/api/stances", "/api/network", "/api/timeline"} <= set(spec["paths"])
    docs = client.get("/api/docs").text
    assert "http" not in docs.replace('href="/', "").split("<main>")[1]  # nothing fetched from elsewhere
