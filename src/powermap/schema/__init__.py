"""The extraction record's JSON Schema and a validator for it."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "extraction.schema.json"


@cache
def extraction_schema() -> dict[str, Any]:
    """The published JSON Schema of one extraction record."""
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


@cache
def _validator():
    """The compiled schema: jsonschema-rs (about 200x faster, so every record can be checked)."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(extraction_schema())


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema or the offset rule; empty when it is valid."""
    errors = [
        f"{'/'.join(str(p) for p in err.instance_path) or '<record>'}: {err.message}"
        for err in _validator().iter_errors(record)
    ]
    if errors:
        return errors
    dates = [("document/published", record["document"]["published"])]
    dates += [(f"events/{i}/date", e.get("date")) for i, e in enumerate(record["events"])]
    errors += [f"{where}: {value!r} is not a date in the calendar" for where, value in dates if not _real_date(value)]
    text = record["document"]["text"]

    def check(where: str, span_text: str, start: int, end: int) -> None:
        if not 0 <= start <= end <= len(text) or text[start:end] != span_text:
            errors.append(f"{where}: text[{start}:{end}] != {span_text[:40]!r}")

    for i, actor in enumerate(record["actors"]):
        for j, m in enumerate(actor["mentions"]):
            check(f"actors/{i}/mentions/{j}", m["text"], m["start"], m["end"])
    for name, key in (
        ("quotes", "text"),
        ("claims", "text"),
        ("events", "sentence"),
        ("stances", "evidence"),
    ):
        for i, item in enumerate(record[name]):
            check(f"{name}/{i}", item[key], item["start"], item["end"])
    for i, quote in enumerate(record["quotes"]):
        if (m := quote.get("speaker_mention")) is not None:
            check(f"quotes/{i}/speaker_mention", m["text"], m["start"], m["end"])
    return errors


def _real_date(value: str | None) -> bool:
    """Whether a YYYY[-MM[-DD]] string (the schema checked its shape) names a day that exists."""
    if not value:
        return True
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
