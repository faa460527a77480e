"""State actor ids by ISO code, built once per knowledge base."""

from __future__ import annotations

from powermap.kb import KnowledgeBase

_STATES: dict[int, dict[str, str]] = {}


def states_by_country(kb: KnowledgeBase) -> dict[str, str]:
    """ISO 3166-1 alpha-3 code -> the id of the state actor with that code."""
    if id(kb) not in _STATES:
        _STATES[id(kb)] = {a.country: a.id for a in kb.actors.values() if a.type == "state" and a.country}
    return _STATES[id(kb)]
