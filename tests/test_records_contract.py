"""The extraction record: schema, offsets and the scorer, on the seed articles."""

from __future__ import annotations

import subprocess
import sys

import pytest

from powermap.records import ExtractionRecord
from powermap.schema import extraction_schema, validation_errors

from .conftest import GOLD, SEED_FILES, SHARED, read_jsonl


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory) -> tuple[list[dict], str]:
    from .conftest import run_cli

    result = run_cli("extract", *map(str, SEED_FILES), "--format", "jsonl", timeout=900)
    assert result.returncode == 0, result.stderr
    path = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    path.write_text(result.stdout, encoding="utf-8")
    return read_jsonl(result.stdout), str(path)


def test_one_record_per_seed_in_input_order(seed_records):
    records, _ = seed_records
    assert [r["document"]["path"] for r in records] == [str(p) for p in SEED_FILES]
    for record, path in zip(records, SEED_FILES, strict=True):
        assert record["document"]["text"] == path.read_text(encoding="utf-8")
        assert record["document"]["language"] == "nl"


def test_seed_records_validate_and_offsets_hold(seed_records):
    records, _ = seed_records
    for record in records:
        assert validation_errors(record) == []
        text = record["document"]["text"]
        for span_text, start, end in ExtractionRecord.from_dict(record).spans():
            assert text[start:end] == span_text


def test_scorer_accepts_the_records(seed_records):
    _, path = seed_records
    result = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_extraction.py"), "--gold", str(GOLD), "--pred", path],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no prediction for" not in result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("overall F1")


def test_round_trip_through_dataclasses(seed_records):
    records, _ = seed_records
    for record in records:
        assert ExtractionRecord.from_dict(record).to_dict() == record


def test_validator_catches_broken_records():
    text = "Kiev en Warschau overlegden."
    record = {
        "document": {
            "id": "0" * 16,
            "path": None,
            "url": None,
            "title": None,
            "published": "2024-13",
            "language": "nl",
            "text": text,
        },
        "actors": [
            {
                "id": "POL",
                "name": "Poland",
                "type": "state",
                "wikidata": None,
                "country": "POL",
                "role": None,
                "mentions": [{"text": "Warschau", "start": 0, "end": 8}],
            }
        ],
        "quotes": [],
        "claims": [],
        "events": [],
        "stances": [],
    }
    assert any("text[0:8]" in e for e in validation_errors(record))
    record["actors"][0]["type"] = "country"
    assert any("actors/0/type" in e for e in validation_errors(record))
    assert extraction_schema()["required"] == ["document", "actors", "quotes", "claims", "events", "stances"]
