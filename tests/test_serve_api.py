"""The JSON API's bounds: no 500 for any parameter, bounded full-text queries, a query time limit,
headers for any Unicode, the Host allow-list and the security headers."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, ExtractionRecord, Quote, Span, document_id
from powermap.serve.api import create_app, responses
from powermap.serve.api.app import safe_url
from powermap.serve.api.fulltext import to_fts5
from powermap.store import open_store

NAMES = ["Erdoğan", "Wałęsa", "Gdańsk", "Ελλάδα", "Київ", "北京"]
TEXT = "De minister sprak in " + ", ".join(NAMES) + " over de \u201cnieuwe afspraken over handel\u201d met de buren."
LISTS = ["/api/documents", "/api/actors", "/api/quotes", "/documents", "/actors", "/quotes"]
BAD_NUMBERS = ["abc", "1.5", "²", "", str(2**63), "-1", "1e3", "0x10"]


def build_store(folder: Path) -> str:
    doc = Document(id=document_id(TEXT), text=TEXT, path="unicode.txt", title="Namen", language="nl")
    actors = []
    for name in NAMES:
        start = TEXT.index(name)
        actors.append(Actor(id=name, name=name, type="place", mentions=[Span(name, start, start + len(name))]))
    start = TEXT.index("nieuwe")
    quote = Quote(text="nieuwe afspraken over handel", start=start, end=start + 28, speaker=NAMES[0], kind="direct")
    with open_store(folder) as store:
        store.add(SourceDocument(text=TEXT, input="unicode.txt"), ExtractionRecord(doc, actors, [quote]), ["test.v1"])
    return doc.id


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> tuple[Path, str]:
    folder = tmp_path_factory.mktemp("store")
    return folder, build_store(folder)


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store[0], allowed_hosts=["testserver"]))


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("name", ["limit", "offset"])
@pytest.mark.parametrize("value", BAD_NUMBERS)
def test_malformed_paging_is_a_400_with_a_short_detail(client, path, name, value):
    response = client.get(path, params={name: value})
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert detail.startswith(f"{name}: ") and len(detail) < 200


def test_paging_walks_every_row_once(client):
    pages, offset = [], 0
    while offset is not None:
        body = client.get("/api/actors", params={"limit": 4, "offset": offset}).json()
        pages.append([a["id"] for a in body["actors"]])
        offset = body["next_offset"]
    assert [len(p) for p in pages] == [4, 2] and sorted(i for p in pages for i in p) == sorted(NAMES)
    page = client.get("/actors", params={"limit": 4})
    assert 'href="/actors?limit=4&amp;offset=4"' in page.text


@pytest.mark.parametrize("name", NAMES)
def test_pages_named_outside_latin1_have_ascii_link_headers(client, name):
    page = client.get(f"/actors/{name}")
    assert page.status_code == 200 and name in page.text
    link = page.headers["link"]
    assert link.isascii()
    twin = link.split(";")[0].strip("<>")
    assert client.get(twin).json()["actor"]["name"] == name
    found = client.get("/quotes", params={"speaker": name, "q": "handel"})
    assert found.status_code == 200 and found.headers["link"].isascii()


def test_an_overlong_full_text_query_is_a_400(client):
    for path in ("/api/documents", "/api/quotes", "/documents"):
        response = client.get(path, params={"q": "a* " * 2000})  # 6 KB: once stalled every request for minutes
        assert response.status_code == 400
        assert response.json()["detail"] == "q: String should have at most 200 characters"


@pytest.mark.parametrize(
    ("query", "searched"),
    [
        ("a* " * 60, '"a"'),  # a prefix needs three letters, a repeated term counts once
        (" ".join(f"w{i}*" for i in range(40)), " ".join(['"w0"', '"w1"', *(f'"w{i}"' for i in range(2, 10))])),
        ("han* afs* nie* ove* bur*", '"han"* "afs"* "nie"* "ove" "bur"'),
        ("abc* OR " * 20, '"abc"*'),
    ],
)
def test_pathological_full_text_queries_are_bounded(client, query, searched):
    for path in ("/api/documents", "/api/quotes"):
        response = client.get(path, params={"q": query})
        assert response.status_code == 200 and response.json()["searched"] == searched


def test_a_query_without_words_matches_nothing(client):
    for query in ("!!! ???", '""', "*", "OR"):
        body = client.get("/api/documents", params={"q": query}).json()
        assert body["searched"] is None and body["documents"] == []
    assert len(client.get("/api/documents", params={"q": " "}).json()["documents"]) == 1  # empty form: everything


@pytest.mark.parametrize(
    "query", ['"unterminated', "title:handel", "NEAR(handel afspraken)", "handel OR", "^handel", "handel AND NOT"]
)
def test_fts5_syntax_is_only_text(client, query):
    for path in ("/api/documents", "/api/quotes"):
        response = client.get(path, params={"q": query})
        assert response.status_code == 200, response.text


def test_phrases_and_prefixes_find_what_they_say(client):
    for query in ('"afspraken over handel"', "afspr*", "handel OR zeilen", '"afspraken over', "handel AND NOT"):
        found = client.get("/api/documents", params={"q": query}).json()["documents"]
        assert len(found) == 1, query
    assert client.get("/api/documents", params={"q": "handel NOT buren"}).json()["documents"] == []


def test_full_text_operators_between_terms():
    assert to_fts5('handel OR "nieuwe afspraken" NOT buren') == '"handel" OR "nieuwe afspraken" NOT "buren"'
    assert to_fts5("OR handel AND") == '"handel"'
    assert to_fts5("a OR OR b") == '"a" OR "b"'
    assert to_fts5("a OR a") == '"a"'
    assert to_fts5('afspr* "a""b" c"d') == '"afspr"* "a" "b" "c""d"'
    assert to_fts5("  ") is None and to_fts5("*") is None


def test_a_query_past_the_time_limit_is_a_503(store, monkeypatch):
    clock = itertools.count(0.0, 10.0)  # every look at the clock is ten seconds later
    monkeypatch.setattr(responses, "PROGRESS_STEPS", 1)
    monkeypatch.setattr(responses.time, "monotonic", lambda: next(clock))
    client = TestClient(create_app(store[0], allowed_hosts=["testserver"], time_limit_ms=50))
    response = client.get("/api/documents", params={"q": "handel"})
    assert response.status_code == 503
    assert response.json() == {"detail": "the query took longer than the time limit (50 ms); narrow it down"}


def test_store_errors_never_show_sql(client):
    response = client.get("/api/documents/0000000000000000")
    assert response.status_code == 404 and response.json() == {"detail": "no document 0000000000000000"}


def test_only_allowed_hosts_are_answered(store):
    client = TestClient(create_app(store[0]))  # default: the loopback names
    for host in ("localhost", "localhost:8765", "127.0.0.1:80", "[::1]:8765"):
        assert client.get("/api", headers={"host": host}).status_code == 200, host
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.", ""):
        refused = client.get("/api", headers={"host": host})
        assert refused.status_code == 400 and "host" in refused.json()["detail"], host
    assert TestClient(create_app(store[0], allowed_hosts=["*"])).get("/api").status_code == 200


def test_security_headers_on_every_response(client):
    for path in ("/", "/api", "/api/documents?limit=x", "/static/powermap.css", "/nowhere"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        # scripts only from the server's own files: never inline, never eval, never another origin
        assert "script-src 'self';" in csp and "unsafe" not in csp and "http" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a?b=1", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox", False),
        ("//example.org/x", False),
        ("http:/relative", False),
        ("", False),
    ],
)
def test_only_http_urls_become_links(url, safe):
    assert (safe_url(url) == url) is safe
