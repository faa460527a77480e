"""The extraction record's JSON Schema and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "extraction.schema.json"


@cache
def extraction_schema() -> dict[str, Any]:
    """The published JSON Schema of one extraction record."""
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` breaks the schema or the offset rule; empty when it is valid."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(extraction_schema())
    errors = [
        f"{'/'.join(str(p) for p in err.absolute_path) or '<record>'}: {err.message}"
        for err in validator.iter_errors(record)
    ]
    if errors:
        return errors
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
    return errors
