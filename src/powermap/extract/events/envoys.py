"""Envoys stand for their state in acts on diplomatic relations.

CAMEO 161 (*reduce or break diplomatic relations*: expel or recall an ambassador) is an act
between states: the envoy it names is the channel, the state that sent the envoy is the party.
An event with such a code whose target is a person with an envoy role (``envoy_roles`` in the
language's ``event_cues.yaml``) and a country is aimed at the state actor of that country, when
the record has one.
"""

from __future__ import annotations

from powermap.records import Actor

#: CAMEO codes of acts on diplomatic relations, between states
DIPLOMATIC_RELATION_CODES = ("161",)


def envoy_state(
    code: str, target: Actor | None, actors: list[Actor], envoy_roles: set[str] | frozenset[str]
) -> Actor | None:
    """The state ``target`` represents when ``code`` is an act on diplomatic relations and
    ``target`` is an envoy (*expelled the X-ian ambassador*: X); else ``target``."""
    if target is None or not code.startswith(DIPLOMATIC_RELATION_CODES) or target.type != "person":
        return target
    role = (target.role or "").lower()
    if not target.country or not any(word in envoy_roles for word in role.split()):
        return target
    state = next((a for a in actors if a.type == "state" and a.code == target.country), None)
    return state or target
