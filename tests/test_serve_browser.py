"""Hostile stored data in a real browser: documents whose every field carries script, markup,
event-handler attributes or a ``javascript:`` URL are shown as text, and clicking every link on
their pages opens no dialog, runs no script and logs no console error (Debian's Chromium)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from powermap.ingest.model import SourceDocument
from powermap.records import Actor, Claim, Document, Event, ExtractionRecord, Quote, Span, document_id
from powermap.store import open_store

from .test_serve_web import CHROMIUM, running_server

PAYLOADS = [
    '<script>alert("script")</script>',
    '<img src=x onerror=alert("img")>',
    '"><svg onload=alert("svg")>',
    "' onmouseover='alert(1)' x='",
    "<a href=\"javascript:alert('a')\">klik</a>",
]
URLS = ["javascript:alert(document.domain)", "JaVaScRiPt:alert(2)", "java\tscript:alert(3)", "data:text/html,<b>x</b>"]
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def hostile_document(n: int, url: str) -> tuple[SourceDocument, ExtractionRecord]:
    """A document with payload ``n`` in every free-text field the store keeps and the pages show
    (fields with a pattern in the record schema, such as country, Wikidata id and date, refuse
    markup before it is stored: tests/test_reliability_hostile.py)."""
    evil = PAYLOADS[n % len(PAYLOADS)]
    name, quote_text = f"{evil} de minister {n}", f"{evil} wij gaan door"
    text = f"Bericht {n}. {name} zei: \u201c{quote_text}\u201d. Er kwamen {n + 3} procent meer {evil} bij."
    start = text.index(name)
    mention = Span(name, start, start + len(name))
    quote_start = text.index(quote_text)
    claim_text, sentence = f"{n + 3} procent", f"Er kwamen {n + 3} procent meer {evil} bij."
    claim_start, sentence_start = text.index(claim_text), text.index(sentence)
    doc = Document(id=document_id(text), text=text, path=f"{evil}.txt", url=url, title=f"{evil} titel {n}")
    actor = Actor(
        id=f"actor_{n}", name=name, type="person", country=None, role=evil, code=evil, wikidata=None, mentions=[mention]
    )
    record = ExtractionRecord(
        document=doc,
        actors=[actor],
        quotes=[Quote(quote_text, quote_start, quote_start + len(quote_text), actor.id, "direct", cue=evil)],
        claims=[
            Claim(claim_text, claim_start, claim_start + len(claim_text), float(n + 3), evil, about=evil, source=evil)
        ],
        events=[Event(actor.id, None, "042", evil, None, sentence, sentence_start, sentence_start + len(sentence))],
    )
    source = SourceDocument(
        text=text, input=f"{evil}.txt", url=url, title=doc.title, author=evil, site=evil, source=evil, path=doc.path
    )
    return source, record


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder: Path = tmp_path_factory.mktemp("store")
    with open_store(folder) as store:
        for n, url in enumerate([*URLS, "https://example.org/artikel?a=1&b=<x>"]):
            store.add(*hostile_document(n, url), ["test.v1"])
    with running_server(folder) as base:
        yield base


def test_hostile_urls_are_text_not_links(hostile_server):
    base = hostile_server
    for doc in httpx.get(base + "/api/documents").json()["documents"]:
        page = httpx.get(f"{base}/documents/{doc['id']}").text
        hrefs = re.findall(r'href="([^"]*)"', page)
        # data:, is the empty icon; #... jumps between a fact and its place in the text
        assert all(h.startswith(("/", "#", "data:,", "https://")) for h in hrefs), hrefs
        assert ('href="https://example.org/artikel?a=1&amp;b=&lt;x&gt;"' in page) is doc["url"].startswith("https:")
        assert html.escape(doc["url"]) in page  # an unsafe address is still shown, as text


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_clicking_every_link_runs_no_script(hostile_server):
    from playwright.sync_api import sync_playwright

    base = hostile_server
    origin = urlsplit(base).netloc
    doc_ids = [d["id"] for d in httpx.get(base + "/api/documents").json()["documents"]]
    pages = ["/", "/documents", "/actors", "/quotes", "/documents?q=script", "/quotes?q=alert", "/actors/actor_1"]
    pages += ["/events", "/claims", "/stances", "/network", "/timeline", "/changes?by=day&all=true", "/api/docs"]
    pages += [f"/documents/{i}" for i in doc_ids]
    dialogs: list[str] = []
    errors: list[str] = []
    clicked: set[str] = set()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))
        for path in pages:
            page.goto(base + path)
            injected = "script:not([src^='/static/']), svg, img, iframe, [onerror], [onload], [onmouseover], [onclick]"
            if (
                path != "/api/docs"
            ):  # Swagger UI draws its own icons (svg) from the API description, not from stored data
                assert page.locator(injected).count() == 0  # the only scripts: the pages' own files
            links = page.locator("a")
            found = [(a.get_attribute("href") or "", a.get_attribute("rel") or "") for a in links.all()]
            for i, (href, rel) in enumerate(found):
                parts = urlsplit(href)
                assert parts.scheme in ("", "http", "https") and not href.lower().startswith("javascript"), href
                if parts.netloc not in ("", origin):  # a document's own web address: a safe scheme is enough
                    assert "noreferrer" in rel
                    continue
                if href in clicked:
                    continue
                clicked.add(href)
                page.goto(base + path)
                page.locator("a").nth(i).click()
                page.wait_for_load_state()
                assert page.url.startswith(base), href
        browser.close()
    assert len(clicked) > 20  # every page's navigation, documents, actors, JSON twins
    assert dialogs == [] and errors == []
