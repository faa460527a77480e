"""The read commands on a store built from the seed corpus."""

from __future__ import annotations

import json

from .conftest import SEED_FILES


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
    bad = cli("search", "NAVO AND (", "--store", str(seed_store))
    assert bad.returncode == 2 and "bad query" in bad.stderr


def test_read_commands_on_missing_store(tmp_path, cli):
    result = cli("stats", "--store", str(tmp_path / "none"))
    assert result.returncode == 2 and "no powermap store" in result.stderr


def test_query_commands_on_the_seed_store(seed_store, cli):
    actors = json.loads(cli("actors", "--store", str(seed_store), "--json").stdout)
    assert actors and actors[0]["mentions"] >= actors[-1]["mentions"]
    top = actors[0]["id"]
    detail = cli("actor", top, "--store", str(seed_store), "--json")
    assert detail.returncode == 0, detail.stderr
    quotes = json.loads(cli("quotes", "--store", str(seed_store), "--json").stdout)
    assert quotes and all(q["text"] for q in quotes)
    speaker = next(q["speaker_name"] for q in quotes if q.get("speaker_name"))
    by_speaker = json.loads(cli("quotes", "--speaker", speaker, "--store", str(seed_store), "--json").stdout)
    assert by_speaker and {q["speaker_name"] for q in by_speaker} == {speaker}
    claims = json.loads(cli("claims", "--store", str(seed_store), "--json").stdout)
    assert claims and all(isinstance(c["value"], float | int) for c in claims)
    units = {c["unit"] for c in claims}
    some_unit = sorted(units)[0]
    filtered = json.loads(cli("claims", "--unit", some_unit, "--store", str(seed_store), "--json").stdout)
    assert filtered and {c["unit"] for c in filtered} == {some_unit}


def test_claims_table_prints_values_the_way_people_read_them(seed_store, cli):
    from powermap.extract.claims.numbers import format_value

    stored = json.loads(cli("claims", "--store", str(seed_store), "--json").stdout)
    big = max(stored, key=lambda c: c["value"])
    result = cli("claims", "--unit", big["unit"], "--limit", "500", "--store", str(seed_store))
    assert result.returncode == 0, result.stderr
    assert big["value"] >= 1e6 and format_value(big["value"]) in result.stdout and "e+" not in result.stdout
