"""The read commands on a store built from the seed corpus."""

from __future__ import annotations

import json

import pytest

from .conftest import CORPUS, SEED_FILES


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    from .conftest import run_cli

    store = tmp_path_factory.mktemp("store")
    result = run_cli("ingest", str(CORPUS), "--store", str(store), "--json", timeout=900)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["stored"] == len(SEED_FILES)  # the folder's README is documentation, not an article
    return store


def test_show_prints_the_stored_record(seed_store, cli):
    from powermap.records import document_id

    text = SEED_FILES[0].read_text(encoding="utf-8")
    result = cli("show", document_id(text)[:10], "--store", str(seed_store))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["text"] == text
    missing = cli("show", "ffffffffffffffff", "--store", str(seed_store))
    assert missing.returncode == 1 and "no stored document" in missing.stderr


def test_search_and_stats(seed_store, cli):
    hits = json.loads(cli("search", "NAVO", "--store", str(seed_store), "--json").stdout)
    assert hits and all("[" in hit["snippet"] for hit in hits)
    stats = json.loads(cli("stats", "--store", str(seed_store), "--json").stdout)
    assert stats["documents"] == len(SEED_FILES)
    bad = cli("search", 'NAVO AND (', "--store", str(seed_store))
    assert bad.returncode == 2 and "bad query" in bad.stderr


def test_read_commands_on_missing_store(tmp_path, cli):
    result = cli("stats", "--store", str(tmp_path / "none"))
    assert result.returncode == 2 and "no powermap store" in result.stderr
