"""Shared fixtures: paths to ../shared, a CLI runner, a local HTTP server."""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SEED_FILES = sorted(CORPUS.glob("*.txt"))


def run_cli(*args: str, timeout: float = 300, input_text: str | None = None) -> subprocess.CompletedProcess:
    """Run the installed ``powermap`` command as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "powermap", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input_text,
    )


def read_jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def http_folder(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A folder served over HTTP on 127.0.0.1; yields (folder, base URL)."""
    folder = tmp_path / "site"
    folder.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".rss": "application/rss+xml",
        ".html": "text/html; charset=utf-8",
    }

    def log_message(self, *args) -> None:
        return None


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """A store ingested from the seed corpus with the full default pipeline (built once per session)."""
    store = tmp_path_factory.mktemp("seed-store")
    result = run_cli("ingest", str(CORPUS), "--store", str(store), "--json", timeout=900)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["stored"] == len(SEED_FILES)  # the folder's README is documentation, not an article
    return store


@pytest.fixture(scope="session")
def nl():
    """The Dutch actor linker (loading the knowledge base once per session)."""
    from powermap.extract.actors.linker import Linker

    return Linker("nl")


@pytest.fixture(scope="session")
def en():
    """The English actor linker."""
    from powermap.extract.actors.linker import Linker

    return Linker("en")
