"""A picture of every page of the web UI, for docs/web.md (``make screenshots``).

Serves a synthetic store (``bench/generate_corpus.py``: generated text, no article from anywhere)
with ``powermap serve`` and photographs each page in Debian's headless Chromium, after its charts
and network have been drawn. Exits 1 when a page answers with an error or logs a console error.

    python scripts/screenshots.py --out docs/screenshots [--docs 300]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
VIEWPORT = {"width": 1280, "height": 900}


def pages(base: str) -> list[tuple[str, str]]:
    """(file name, path) of every page, with a real document, actor and dyad of the store."""
    doc = httpx.get(base + "/api/documents", params={"limit": 1}, timeout=60).json()["documents"][0]["id"]
    actor = httpx.get(base + "/api/actors", params={"limit": 1, "type": "state"}, timeout=60).json()["actors"][0]
    edge = httpx.get(base + "/api/network", timeout=120).json()["edges"][0]
    return [
        ("index", "/"),
        ("documents", "/documents?q=summit"),
        ("document", f"/documents/{doc}"),
        ("actors", "/actors"),
        ("actor", f"/actors/{actor['id']}"),
        ("quotes", "/quotes"),
        ("events", f"/events?actor={edge['source']}"),
        ("events-of-an-edge", f"/events?actor={edge['source']}&other={edge['target']}"),
        ("claims", "/claims?disputed=true"),
        ("stances", "/stances"),
        ("network", "/network"),
        ("timeline", "/timeline"),
        ("changes", "/changes?by=month&all=true"),
        ("api-docs", "/api/docs"),
        ("not-found", "/documents/0000000000000000"),
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(store: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "powermap", "serve", "--store", str(store), "--port", str(port)]
    process = subprocess.Popen([*command, "--time-limit-ms", "30000"], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            httpx.get(base + "/api/documents?limit=1", timeout=5)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("powermap serve did not start")


def photograph(base: str, out: Path) -> list[str]:
    """Save one PNG per page into ``out``; the problems seen (errors, console messages)."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        expected_404 = "the server responded with a status of 404"  # the not-found page's own status

        def console(msg) -> None:
            if msg.type == "error" and not (page.url.endswith("/0000000000000000") and expected_404 in msg.text):
                problems.append(f"{page.url}: {msg.text}")

        page.on("console", console)
        page.on("pageerror", lambda exc: problems.append(f"{page.url}: {exc}"))
        for name, path in pages(base):
            response = page.goto(base + path)
            expected = 404 if name == "not-found" else 200
            if response is None or response.status != expected:
                problems.append(f"{path}: {response.status if response else 'no response'}")
            if page.locator("#graph").count():
                page.wait_for_selector("#graph[data-ready=true]", timeout=60_000)
            if name == "api-docs":
                page.wait_for_selector(".opblock", timeout=60_000)
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}.png"))
            print(f"{name}.png  {path}")
        browser.close()
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--docs", type=int, default=300, help="documents in the synthetic store")
    args = parser.parse_args()
    from generate_corpus import cached_store

    process, base = serve(cached_store(args.docs))
    try:
        problems = photograph(base, args.out)
    finally:
        process.terminate()
        process.wait(timeout=10)
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
