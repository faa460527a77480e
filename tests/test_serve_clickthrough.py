"""An analyst's path through the workbench in Debian's headless Chromium: a document, one of its
facts, the actor behind it, the network, and the events of one edge of the network, with no
console error anywhere on the way."""

from __future__ import annotations

import re

import pytest

from powermap.serve.api.app import vendor_assets

from .test_serve_web import CHROMIUM, running_server
from .workbench_store import build_workbench_store

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make setup installs it)"),
    pytest.mark.skipif(
        not all(vendor_assets().values()), reason="the browser libraries are not installed (make setup)"
    ),
]


def test_document_fact_actor_network_edge_events(tmp_path):
    from playwright.sync_api import sync_playwright

    build_workbench_store(tmp_path)
    errors: list[str] = []
    with running_server(tmp_path) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.set_default_timeout(30_000)
        page.on("console", lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(f"{page.url}: {exc}"))

        page.goto(base + "/documents")
        page.click("text=Valoria en Marendia tekenen havenakkoord")
        page.wait_for_url(re.compile(r"/documents/\w+$"))
        page.click("#text a.mark.k-quote")  # a mark in the text -> its fact
        assert re.search(r"#fact-quote-\d+$", page.url)
        assert "Ida Kersten" in page.inner_text("tr.fact:target")
        assert page.locator("#text a.mark.lit").count() >= 1  # the quote's marks are lit
        event_row = page.locator("#events").locator("xpath=following-sibling::table[1]//tr[contains(@class, 'fact')]")
        event_row.first.locator("td").nth(3).click()  # a table row -> its place in the text
        assert re.search(r"#text-event-\d+$", page.url)
        assert page.locator("#text a.mark.k-event.lit").count() >= 1

        event_row.first.locator("a", has_text="Valoria").click()  # the fact -> its actor
        page.wait_for_url(base + "/actors/valoria")
        assert "Marendia" in page.inner_text("#partners, #adversaries")
        assert page.locator(".chart canvas").count() == 1  # the dyad trend is drawn
        page.click("#network-place a")  # the actor -> the network
        page.wait_for_url(re.compile(r"/network"))
        page.wait_for_selector("#graph[data-ready=true]")
        box = page.locator("#graph").bounding_box()
        mid = page.evaluate("(() => { const e = window.powermapNetwork.edges()[0]; return e.renderedMidpoint(); })()")
        page.mouse.click(box["x"] + mid["x"], box["y"] + mid["y"])  # an edge -> its events
        page.wait_for_url(re.compile(r"/events\?actor=\w+&other=\w+"))
        assert page.locator("#events tr").count() == 1 + 4
        assert (
            sorted(page.locator("#events tr td:nth-child(2)").all_inner_texts()) == ["Marendia"] * 2 + ["Valoria"] * 2
        )
        browser.close()
    assert errors == []
