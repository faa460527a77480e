"""The web UI and JSON API over HTTP on a real socket, and the pages in headless Chromium."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Document, ExtractionRecord, Quote, Span, document_id
from powermap.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
TEXT = (
    "De Noorse premier bezocht maandag Ottawa. \u201cWe willen samenwerken in het noordpoolgebied\u201d, "
    "zei Jonas Berg. Canada reageerde positief."
)


def find(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(part, start, start + len(part))


def build_store(folder: Path) -> str:
    doc = Document(
        id=document_id(TEXT),
        text=TEXT,
        path="noorwegen.txt",
        title="Bezoek aan Ottawa",
        published="2024-04-08",
        language="nl",
    )
    quote = find(TEXT, "We willen samenwerken in het noordpoolgebied")
    record = ExtractionRecord(
        document=doc,
        actors=[
            Actor(
                id="jonas_berg", name="Jonas Berg", type="person", country="NOR", mentions=[find(TEXT, "Jonas Berg")]
            ),
            Actor(id="CAN", name="Canada", type="state", country="CAN", code="CAN", mentions=[find(TEXT, "Canada")]),
        ],
        quotes=[
            Quote(text=quote.text, start=quote.start, end=quote.end, speaker="jonas_berg", kind="direct", cue="zei")
        ],
    )
    with open_store(folder) as store:
        store.add(SourceDocument(text=TEXT, input="noorwegen.txt"), record, ["test.v1"])
    return doc.id


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_server(folder: Path, *options: str) -> Iterator[str]:
    """``powermap serve`` on a free port of 127.0.0.1 over the store at ``folder``: its base URL."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "powermap", "serve", "--store", str(folder), "--port", str(port), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            httpx.get(base + "/api", timeout=1)
            break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("powermap serve did not start: " + process.stderr.read().decode())
    try:
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("store")
    doc_id = build_store(folder)
    with running_server(folder) as base:
        yield base, doc_id


def test_json_api(server):
    base, doc_id = server
    index = httpx.get(base + "/api").json()
    assert index["counts"]["documents"] == 1 and index["counts"]["quotes"] == 1
    record = httpx.get(f"{base}/api/documents/{doc_id}/extraction").json()
    assert record["document"]["text"] == TEXT
    assert record["quotes"][0]["speaker"] == "jonas_berg"
    actors = httpx.get(base + "/api/actors").json()["actors"]
    assert {a["id"]: a["mentions"] for a in actors} == {"jonas_berg": 1, "CAN": 1}
    quotes = httpx.get(base + "/api/quotes", params={"q": "noordpoolgebied"}).json()["quotes"]
    assert [q["speaker_name"] for q in quotes] == ["Jonas Berg"]
    assert httpx.get(base + "/api/quotes", params={"q": "fietsen"}).json()["quotes"] == []
    found = httpx.get(base + "/api/documents", params={"q": "Ottawa"}).json()["documents"]
    assert [d["id"] for d in found] == [doc_id]


def test_every_page_has_its_json_twin(server):
    base, doc_id = server
    for path in ("/", "/documents", f"/documents/{doc_id}", "/actors", "/actors/CAN", "/quotes"):
        page = httpx.get(base + path)
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        twin = page.headers["link"].split(";")[0].strip("<>")
        assert httpx.get(base + twin).status_code == 200


def test_errors_are_clear(server):
    base, _ = server
    missing = httpx.get(base + "/api/documents/0000000000000000")
    assert missing.status_code == 404 and "no document" in missing.json()["detail"]
    bad = httpx.get(base + "/api/documents", params={"q": "a* " * 100})
    assert bad.status_code == 400 and "at most 200 characters" in bad.json()["detail"]
    assert httpx.get(base + "/api/documents", params={"limit": "abc"}).status_code == 400
    assert httpx.get(base + "/api", headers={"host": "rebound.example"}).status_code == 400


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_pages_in_a_real_browser(server):
    from playwright.sync_api import sync_playwright

    base, doc_id = server
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
            ],
        )
        page = browser.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + "/")
        assert "1 documents" in page.inner_text("main")
        page.click("text=Jonas Berg")
        page.wait_for_url(base + "/actors/jonas_berg")
        assert page.inner_text("#mentions mark") == "Jonas Berg"
        page.click("#mentions a")
        page.wait_for_url(f"{base}/documents/{doc_id}")
        assert page.locator("#text mark.mention").count() == 2
        page.goto(base + "/documents")
        page.fill("input[name=q]", "noordpoolgebied")
        page.press("input[name=q]", "Enter")
        page.wait_for_url(base + "/documents?q=noordpoolgebied")
        assert page.locator("#documents a").first.inner_text() == "Bezoek aan Ottawa"
        browser.close()
    assert errors == []


def test_allowed_hosts_from_the_command_line(tmp_path):
    build_store(tmp_path)
    with running_server(tmp_path, "--allowed-host", "powermap.newsroom.example") as base:
        assert httpx.get(base + "/api", headers={"host": "powermap.newsroom.example:8765"}).status_code == 200
        refused = httpx.get(base + "/api")  # 127.0.0.1 is not named, so it is not answered
        assert refused.status_code == 400 and refused.headers["content-security-policy"]
