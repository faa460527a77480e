"""Import places from CountryInfo (``gazetteer/countryinfo``, CC BY-SA 3.0) into the base being built.

Each country's ``<MajorCities>`` and ``<GeogFeatures>`` blocks list cities (also their historical
names: *Constantinople*), seas, rivers and mountains. ``<Regions>`` (provinces and states) are not
read: their names stand inside names of bodies (*University of Southern California*) and one is a
German word (*Sind*), which cost the seed articles actors and mentions.
Each name becomes a place of that country (no ``parent``: only a capital stands for its state).
A name is skipped when it is already an alias of another actor (a state, a capital, a person:
*Georgia*, *Washington*), when all its words are common words of Dutch or English (*Nice*,
*Split*, *Reading*, *Mobile*; *North Carolina* stays), when it is one known first name
(*Victoria*), or when it is shorter than four letters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from powermap.kb.countryinfo import FILE
from powermap.kb.phoenix import titlecase

if TYPE_CHECKING:
    from powermap.kb.build import Builder

BLOCKS = ("MajorCities", "GeogFeatures")
LOWER = ("of", "the", "and", "de", "del", "la", "al", "el")


def read_places(path: Path) -> Iterator[tuple[str, list[str]]]:
    """(ISO alpha-3, name tokens) for every place line of the CountryInfo file."""
    country, block = "", ""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"<CountryCode>([A-Z]+)</CountryCode>", line)
        if m:
            country = m.group(1) if len(m.group(1)) == 3 else ""
            continue
        s = line.split("#")[0].strip()
        if s.startswith("</"):
            block = ""
        elif s.startswith("<"):
            block = s.strip("<>") if s.strip("<>") in BLOCKS else ""
        elif country and block and s:
            tokens = [t for t in re.split(r"[_ ]+", s) if t]
            if tokens and all(re.fullmatch(r"[A-Z][A-Z.'-]*", t) for t in tokens):
                yield country, tokens


def import_places(b: Builder, common: frozenset[str]) -> int:
    """Add the CountryInfo places to ``b``; returns how many were added."""
    path = b.data / FILE
    if not path.exists():
        return 0
    taken = {a.lower() for e in b.entries.values() for a in e.aliases}
    first_names = {e.name.split()[0].lower() for e in b.entries.values() if e.type == "person" and " " in e.name}
    added = 0
    for iso3, tokens in read_places(path):
        if iso3 not in b.by_iso3:
            continue
        words = [p.lower() for t in tokens for p in re.split(r"[-']", t) if p]
        name = titlecase(tokens, LOWER)
        if (
            name.lower() in taken
            or len(name) < 4
            or all(w in common or w in LOWER for w in words)
            or (len(words) == 1 and words[0] in first_names)
        ):
            continue
        id_ = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        if id_ in b.entries:
            id_ = f"{id_}_{iso3.lower()}"
            if id_ in b.entries:
                continue
        b.entry(id_, name, "place", country=iso3, source="countryinfo")
        taken.add(name.lower())
        added += 1
    return added
