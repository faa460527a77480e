"""A correction in Debian's headless Chromium: with the token, set a quote's speaker on the document
page and see the quote on the new speaker's actor page; then undo it. Any console error fails."""

from __future__ import annotations

import pytest

from .corrections_fixtures import build_store
from .test_serve_web import CHROMIUM, running_server

TOKEN = "browser-test-token-0123456789"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make setup installs it)")
def test_correct_a_speaker_in_the_browser_and_see_it_in_the_analysis(tmp_path):
    from playwright.sync_api import sync_playwright

    first, _ = build_store(tmp_path)
    errors: list[str] = []
    with running_server(tmp_path, "--token", TOKEN) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page()
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))

        page.goto(f"{base}/actors/anna_vos")
        assert page.locator("#corrections").count() == 1
        page.goto(f"{base}/quotes?speaker=anna_vos")
        assert "Wij steunen" not in page.inner_text("main")  # the pipeline gave the quote to someone else

        page.goto(f"{base}/documents/{first}")
        page.fill("#corrections-token input[name=token]", TOKEN)
        page.fill("#corrections-token input[name=author]", "browser")
        page.click("#corrections-token button[type=submit]")
        row = page.locator("#corrections-review tr[data-kind=quote]")
        row.locator("select").select_option("anna_vos")
        row.locator("button", has_text="set speaker").click()
        page.wait_for_selector("#corrections-status:has-text('saved')")
        # the list is fetched again after the save: wait for it rather than read it at once
        page.locator("#corrections-list").get_by_text("speaker: jan_smit → anna_vos").wait_for()

        page.goto(f"{base}/quotes?speaker=anna_vos")
        assert "Wij steunen het plan voor de haven" in page.inner_text("main")  # the analysis shows the correction

        page.goto(f"{base}/documents/{first}")
        page.locator("#corrections-list button", has_text="undo").click()
        page.wait_for_selector("#corrections-list tr.undone")
        page.goto(f"{base}/quotes?speaker=anna_vos")
        assert "Wij steunen" not in page.inner_text("main")
        browser.close()
    assert errors == []
