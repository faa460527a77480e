"""A helper shared by the actor tests (the linker fixtures ``nl`` and ``en`` are in conftest.py)."""

from __future__ import annotations


def mentions(found, actor_id: str) -> list[str]:
    """The sorted surface forms of one actor's mentions in a linking result."""
    a = found.actors.get(actor_id)
    return sorted(a.mentions.values()) if a else []


def parsed(language: str, text: str):
    """``text`` parsed by the language's default annotator; skips the test without a parser."""
    import pytest

    from powermap.annotate import get_annotator

    doc = get_annotator(language)(text)
    if not doc.has_annotation("DEP"):
        pytest.skip(f"no dependency parser for {language}")
    return doc
