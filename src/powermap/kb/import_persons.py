"""Import persons from the Phoenix actor dictionaries (``event-coding/petrarch2``) into the base.

A person comes from a dated entry with at least two name words and a term that ends in
``PHOENIX_MIN_YEAR`` or later; an entry that names an existing actor of another type or another
country becomes its own person (``<slug>_<country>``). Aliases that end in the same surname are kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from powermap.kb.entries import Role
from powermap.kb.names import slug
from powermap.kb.phoenix import TITLE_WORDS, parse_phoenix, titlecase

if TYPE_CHECKING:
    from powermap.kb.build import Builder

#: the earliest year a person's last term may end in and still be added
PHOENIX_MIN_YEAR = 1990


def import_phoenix_persons(builder: Builder) -> None:
    """Persons of the Phoenix dictionaries: CountryInfo leaders with a term from 1990 on, and dated
    international rulers (IGO heads), each with their dated codes as roles."""
    base = builder.data / "event-coding/petrarch2"
    for entry_name, aliases, codes, comment in parse_phoenix(base / "Phoenix.Countries.actors.txt"):
        if "CountryInfo" not in comment or not codes:
            continue
        phoenix_person(builder, entry_name, aliases, codes)
    for entry_name, aliases, codes, comment in parse_phoenix(base / "Phoenix.International.actors.txt"):
        if not codes:
            continue
        dated = any(start or end for _, start, end in codes)
        if dated and ("IGOrulers" in comment or len(entry_name.split("_")) in (2, 3)):
            phoenix_person(builder, entry_name, aliases, codes)


def phoenix_person(builder: Builder, raw: str, aliases: list[str], codes: list[tuple[str, str, str]]) -> None:
    """One dictionary entry (``raw`` name, its aliases and dated codes) as a person of the base."""
    tokens = [t for t in raw.split("_") if t]
    if len(tokens) < 2 or tokens[0] in TITLE_WORDS:
        return
    ends = [end for _, start, end in codes if end] + ["9999" for _, _, end in codes if not end]
    if not any(e[:4] >= str(PHOENIX_MIN_YEAR) for e in ends):
        return
    name = titlecase(tokens)
    country = next((c[:3] for c, _, _ in codes if c[:3] in builder.by_iso3), "")
    e = builder.entries.get(slug(name))
    if e is not None and (e.type != "person" or (e.country and country and e.country != country)):
        e = None
        pid = f"{slug(name)}_{country.lower()}" if country else f"{slug(name)}_x"
    else:
        pid = e.id if e else slug(name)
    e = builder.entry(pid, name, "person", country=country, code=codes[0][0], source="phoenix")
    last = tokens[-1]
    for alias in aliases:
        at = [t for t in alias.split("_") if t]
        if len(at) >= 2 and at[-1] == last and not TITLE_WORDS.intersection(at) and at[0] != "RUSSIAN":
            e.add(titlecase(at))
    for code, start, end in codes:
        builder.roles.append(Role(e.id, code[:3], "", "", start, end, code, "phoenix"))
