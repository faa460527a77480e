"""CAMEO actor codes for the GDELT export: from the store, the knowledge base, or the actor's country and type.

In order, the first that gives a code:

1. the code the store holds for the actor (set at extraction);
2. the knowledge base: the dated code of a role the actor held on the event's day (e.g.
   ``RUSGOV`` while in office), else the actor's own code;
3. the actor's country (store, else knowledge base) plus the CAMEO type code of its role
   (``president`` -> ``GOV``, ``general`` -> ``MIL``) or of its type (``media`` -> ``MED``,
   ``company`` -> ``BUS``); a stored role is a role key or free text ("President of Poland"),
   read through the languages' ``role_nouns`` (``lang/<code>/actors.yaml``, longest match);
   a state, place or an actor without a known role gets the country
   code alone, as GDELT codes an actor it only knows the country of; an actor with a type code
   but no country gets the type code alone (``MED``).

``split_code`` reads a code back into GDELT's fields: country (the first three letters when
they are a country code), then up to three type codes (``RUSGOVMIL`` -> ``RUS``, ``GOV``,
``MIL``). The type table is data: ``cameo_actor_types.tsv``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

TYPES_FILE = Path(__file__).with_name("cameo_actor_types.tsv")


@dataclass(frozen=True)
class ActorCode:
    """An actor's CAMEO code on one day and its GDELT fields."""

    code: str
    country: str
    types: tuple[str, str, str]


@cache
def type_table() -> dict[str, dict[str, str]]:
    """kind (``type``, ``role``, ``code``) -> key -> CAMEO type code, from ``cameo_actor_types.tsv``."""
    table: dict[str, dict[str, str]] = {"type": {}, "role": {}, "code": {}}
    lines = [ln for ln in TYPES_FILE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for line in lines[1:]:
        kind, key, code = [*line.split("\t"), "", ""][:3]
        table[kind][key] = code
    return table


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes (which CAMEO's country codes follow) plus the knowledge base's state codes."""
    import pycountry

    from powermap.kb import load_kb

    codes = {c.alpha_3 for c in pycountry.countries}
    codes |= {a.code for a in load_kb().actors.values() if a.type == "state" and a.code and len(a.code) == 3}
    return frozenset(codes)


def split_code(code: str | None) -> ActorCode | None:
    """A CAMEO actor code as (code, country, three type codes); None for an empty code."""
    if not code:
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = chunks.pop(0) if chunks and chunks[0] in country_codes() else ""
    known = type_table()["code"]
    types = [c for c in chunks if c in known][:3]
    return ActorCode(code, country, (*types, "", "", "")[:3])  # type: ignore[arg-type]


@cache
def role_nouns() -> dict[tuple[str, ...], str]:
    """Role noun (as a tuple of lower-case words) -> role key, over every language's ``role_nouns``."""
    from powermap import lang

    nouns: dict[tuple[str, ...], str] = {}
    for code in sorted(lang.codes()):
        for noun, key in ((lang.data(code, "actors") or {}).get("role_nouns") or {}).items():
            nouns.setdefault(tuple(str(noun).lower().split()), str(key))
    return nouns


def role_key(role: str | None) -> str | None:
    """A stored role as a role key: the key itself, else the longest role noun among its words."""
    if not role:
        return None
    if role in type_table()["role"]:
        return role
    words = [w.strip(".,;:()'\"") for w in role.lower().split()]
    best: tuple[int, str] | None = None
    for noun, key in role_nouns().items():
        size = len(noun)
        found = any(tuple(words[i : i + size]) == noun for i in range(len(words) - size + 1))
        if found and (best is None or size > best[0]):
            best = (size, key)
    return best[1] if best else None


class ActorCoder:
    """Codes store actors on a given day (knowledge base loaded once; results cached per actor and day)."""

    def __init__(self) -> None:
        from powermap.kb import load_kb

        self.kb = load_kb()
        self.types = type_table()
        self._cache: dict[tuple, ActorCode | None] = {}

    def code(
        self,
        actor_id: str | None,
        stored_code: str | None,
        actor_type: str | None,
        country: str | None,
        role: str | None,
        day: date | None,
    ) -> ActorCode | None:
        """The actor's code on ``day`` (None when nothing is known), by the rules of the module docstring."""
        if actor_id is None:
            return None
        key = (actor_id, stored_code, actor_type, country, role, day)
        if key not in self._cache:
            self._cache[key] = split_code(self._raw(actor_id, stored_code, actor_type, country, role, day))
        return self._cache[key]

    def _raw(
        self,
        actor_id: str,
        stored_code: str | None,
        actor_type: str | None,
        country: str | None,
        role: str | None,
        day: date | None,
    ) -> str | None:
        if stored_code:
            return stored_code
        known = self.kb.actors.get(actor_id)
        dated = [r for r in self.kb.roles.get(actor_id, []) if r.code and day is not None and r.covers(day)]
        if dated:
            return max(dated, key=lambda r: (r.start or date.min, len(r.code))).code
        if known is not None and known.code:
            return known.code
        country = country or (known.country if known else None)
        kind = self.types["role"].get(role_key(role) or "") or self.types["type"].get(actor_type or "", "")
        return (country or "") + kind or None
