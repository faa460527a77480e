"""A helper shared by the actor tests (the linker fixtures ``nl`` and ``en`` are in conftest.py)."""

from __future__ import annotations


def mentions(found, actor_id: str) -> list[str]:
    """The sorted surface forms of one actor's mentions in a linking result."""
    a = found.actors.get(actor_id)
    return sorted(a.mentions.values()) if a else []
