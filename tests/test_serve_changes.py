"""The what-changed page and its JSON twin over HTTP, on a store whose true shift is known
(tests/changes_fixtures.py): Armenia and Russia turn from cooperation to conflict."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from powermap.serve.api import create_app

from .analyse_fixtures import make_store
from .changes_fixtures import february, march


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    folder = tmp_path_factory.mktemp("changes_store")
    store, _ = make_store(folder, february() + march())
    store.close()
    return TestClient(create_app(folder, allowed_hosts=["testserver"], warm=False))


def test_the_json_twin_names_the_known_shift_with_its_evidence(client):
    data = client.get("/api/changes", params={"from": "2019-02", "to": "2019-03"}).json()
    assert [w["label"] for w in data["windows"]] == ["2019-02", "2019-03"]
    (comparison,) = data["comparisons"]
    assert [(d["a"], d["b"]) for d in comparison["dyads"]] == [("armenia", "russia")]
    shift = comparison["dyads"][0]
    assert shift["significant"] and shift["direction"] == "toward conflict" and shift["shift"] < 0
    assert all(e["document"]["published"].startswith("2019-03") for e in shift["evidence"]["after"])
    assert [m["actor"] for m in comparison["camps"]] == ["armenia"]
    stances = {(s["actor"], s["change"]) for s in comparison["stances"]}
    assert stances >= {("petrov", "reversed"), ("ivanov", "appeared")}
    assert [m["about"] for m in comparison["claims"]["disputed"]] == ["GDP growth"]


def test_the_page_shows_the_shift_and_links_each_piece_of_evidence_to_its_fact(client):
    page = client.get("/changes?from=2019-02&to=2019-03")
    assert page.status_code == 200
    html = page.text
    assert 'href="/changes"' in html  # in the site navigation
    row = html[html.index('<table class="dyads">') : html.index("</table>", html.index('<table class="dyads">'))]
    assert "Armenia" in row and "Russia" in row and "toward conflict" in row
    events = client.get("/api/changes?from=2019-02&to=2019-03").json()["comparisons"][0]["dyads"][0]["evidence"]
    for e in events["after"] + events["quotes"]:
        anchor = f"/documents/{e['document']['doc_id']}#fact-{e['kind']}-{e['id']}"
        assert anchor in row
        assert client.get(anchor.split("#")[0]).status_code == 200
    assert "reversed" in html and "GDP growth" in html and "according to IMF" in html
    assert "<script>" not in html and "style=" not in html  # the strict CSP: no inline code or styles


def test_by_month_compares_the_last_periods_of_the_data(client):
    data = client.get("/api/changes", params={"by": "month"}).json()
    assert [w["label"] for w in data["windows"]] == ["2019-02", "2019-03"]
    assert data["comparisons"][0]["dyads"][0]["a"] == "armenia"
    assert client.get("/api/changes").json()["windows"] == data["windows"]  # by month is the default


def test_without_a_significant_shift_the_page_says_so(client):
    data = client.get("/api/changes", params={"from": "2019-02-11..2019-02-13", "to": "2019-02-14..2019-02-16"}).json()
    assert data["comparisons"][0]["dyads"] == []
    html = client.get("/changes", params={"from": "2019-02-11..2019-02-13", "to": "2019-02-14..2019-02-16"}).text
    assert re.search(r"No dyad.s shift is significant", html)


BAD = [
    "from=2019-13&to=2019-03",
    "to=2019-02-30",
    "by=fortnight",
    "windows=1",
    "windows=99",
    "alpha=2",
]


@pytest.mark.parametrize("query", BAD)
def test_bad_parameters_are_a_400(client, query):
    response = client.get(f"/api/changes?{query}")
    assert response.status_code == 400 and response.json()["detail"]


def test_a_store_without_dated_events_gets_a_note_not_an_error(tmp_path):
    store, _ = make_store(tmp_path, [])
    store.close()
    empty = TestClient(create_app(tmp_path, allowed_hosts=["testserver"], warm=False))
    data = empty.get("/api/changes").json()
    assert data["comparisons"] == [] and "no dated events" in data["note"]
    assert "no dated events" in empty.get("/changes").text


def test_periods_that_cannot_be_compared_get_a_note(client):
    data = client.get("/api/changes", params={"from": "2019-03", "to": "2019-02"}).json()
    assert data["comparisons"] == [] and "comes after" in data["note"]
    for query in ({"from": "2020", "to": "2019", "by": "month"}, {"from": "2030", "by": "week"}):
        data = client.get("/api/changes", params=query).json()
        assert data["comparisons"] == [] and "comes after" in data["note"]


def test_by_day_from_long_ago_compares_only_the_last_periods(client):
    data = client.get("/api/changes", params={"from": "1000", "by": "day", "windows": 3}).json()
    assert [w["label"] for w in data["windows"]] == ["2019-03-14", "2019-03-15", "2019-03-16"]
    assert len(data["comparisons"]) == 2
    far = client.get("/api/changes", params={"from": "2019-02", "to": "9999", "by": "year"}).json()
    assert [w["label"] for w in far["windows"]] == ["9998", "9999"]
