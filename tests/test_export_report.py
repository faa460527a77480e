"""The HTML report: self-contained, and opened in headless Chromium without console errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from powermap.serve.report.html import build_report

from .analyse_fixtures import make_store, sample_docs
from .conftest import run_cli

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store")
    store, _ = make_store(path, sample_docs())
    yield store
    store.close()


def test_export_report_is_self_contained(store):
    page = build_report(store.reader(), ["russia"])
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing fetched from the network
    assert page.count("<svg") == 5  # Russia against all, three partners, the network
    assert "Russia ↔ Armenia" in page and "GDP growth" in page
    assert "We stand together." not in page  # Russia's report shows Russia's quotes only
    assert "We stand together." in build_report(store.reader())


def test_export_report_cli(store, tmp_path):
    out = tmp_path / "report.html"
    result = run_cli("report", "--actor", "RUS", "--out", str(out), "--store", str(store.path))
    assert result.returncode == 0, result.stderr
    assert "Russia ↔ China" in out.read_text(encoding="utf-8")
    bad = run_cli("report", "--actor", "Atlantis", "--out", str(out), "--store", str(store.path))
    assert bad.returncode == 2 and "no stored actor" in bad.stderr


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")
def test_export_report_opens_in_chromium(store, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    path = tmp_path / "report.html"
    path.write_text(build_report(store.reader()), encoding="utf-8")
    problems: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: problems.append(r.url) if not r.url.startswith("file:") else None)
        page.goto(path.as_uri())
        assert page.locator("svg").count() == 5
        assert page.locator("svg.network circle").count() == 5
        assert page.title().startswith("powermap report")
        browser.close()
    assert problems == []
