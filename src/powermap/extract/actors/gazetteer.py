"""Aho-Corasick matching of the knowledge base's aliases over a document.

The automaton runs over the folded text (``kb.names.fold``: lower case, no accents, same length),
so one pass finds every alias in every spelling of case and accents; each hit is then checked
against the original text: abbreviations must match case exactly, capitalised aliases must start
with a capital, and a hit must sit on word boundaries. A hyphen is a boundary (``VS-president``,
``EU-land``); a genitive ending (``Ruslands``) and, in languages that write closed compounds, a
lower-case continuation (``Kremlinbeleid``) are accepted after a capitalised alias.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import ahocorasick

from powermap import lang
from powermap.kb import KnowledgeBase, load_kb
from powermap.kb.names import fold

#: Preference among actors sharing an alias (lower wins).
_TYPE_RANK = {"state": 0, "organisation": 1, "group": 2, "media": 3, "company": 3, "place": 4, "person": 5}
_SOURCE_RANK = {"curated": 0, "mledoze": 1, "capital": 1, "wikidata": 2, "phoenix": 3}


@dataclass(frozen=True)
class Hit:
    """One alias found in the text."""

    start: int
    end: int
    ids: tuple[str, ...]  # candidate actors, best first
    kind: str
    alias: str


class Gazetteer:
    """Finds KB aliases in text. Build once per base (``gazetteer()`` caches the default one)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        entries: dict[str, list[tuple[str, str, str]]] = {}
        for alias, aid, kind in kb.aliases:
            key = fold(alias)
            if len(key) < 2 or (len(key) < 3 and kind not in ("abbr", "adj") and not alias.isupper()):
                continue
            entries.setdefault(key, []).append((alias, aid, kind))
        self.automaton = ahocorasick.Automaton()
        for key, vals in entries.items():
            self.automaton.add_word(key, (len(key), tuple(vals)))
        self.automaton.make_automaton()

    def find(self, text: str, folded: str | None = None, closed_compounds: bool = False,
             genitives: tuple[str, ...] = (), inhabitants: tuple[str, ...] = ()) -> list[Hit]:  # fmt: skip
        """Leftmost-longest, non-overlapping alias hits in ``text``; a state's name with an
        inhabitant ending glued to it (``inhabitants``: *Nieuw-Zeelanders*) is a hit of the state."""
        folded = folded if folded is not None else fold(text)
        raw: list[Hit] = []
        for end_idx, (length, vals) in self.automaton.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "_"):
                continue
            surface = text[start:end]
            ok = [(a, i, k) for a, i, k in vals if _case_ok(a, k, surface)]
            if not ok:
                continue
            stop = end
            if end < len(text) and (text[end].isalnum()):
                stop = _extension(text, end, ok[0][0], closed_compounds, genitives)
                if stop is None and _inhabitant(text, end, inhabitants):
                    ok = [v for v in ok if v[2] == "name" and self.kb.actors[v[1]].type == "state"]
                    stop = end if ok else None
                    end = _word_end(text, end)
                    surface = text[start:end]
                if stop is None:
                    continue
            ok.sort(key=lambda v: (_TYPE_RANK.get(self.kb.actors[v[1]].type, 9),
                                   _SOURCE_RANK.get(self.kb.actors[v[1]].source, 9)))  # fmt: skip
            ok = [v for v in ok if v[2] == ok[0][2]] + [v for v in ok if v[2] != ok[0][2]]
            ids = tuple(dict.fromkeys(i for _, i, _ in ok))
            raw.append(Hit(start, end, ids, ok[0][2], surface))
        raw.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[Hit] = []
        last_end = -1
        for h in raw:
            if h.start >= last_end:
                out.append(h)
                last_end = h.end
        return out


def _case_ok(alias: str, kind: str, surface: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    if kind == "abbr" or (len(letters) <= 6 and letters and all(c.isupper() for c in letters)):
        return surface == alias
    if alias[:1].isupper():
        return surface[:1].isupper()
    if alias[:1].islower() and alias.split()[0] in lang.union("name_articles"):
        rest = alias.split(" ", 1)
        return len(rest) < 2 or surface.split(" ", 1)[-1][:1] == rest[1][:1]
    return True


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalnum():
        pos += 1
    return pos


def _inhabitant(text: str, end: int, suffixes: tuple[str, ...]) -> bool:
    """Whether the letters glued to a hit are an inhabitant ending (*Nieuw-Zeeland|ers*)."""
    return text[end : _word_end(text, end)] in suffixes


def _extension(text: str, end: int, alias: str, closed: bool, genitives: tuple[str, ...]) -> int | None:
    """Where a hit followed by letters may still end: a genitive or a closed compound, else None."""
    j = end
    while j < len(text) and (text[j].isalnum()):
        j += 1
    tail = text[end:j]
    if not alias[:1].isupper():
        return None
    if tail in genitives:
        return end
    if closed and len(alias) >= 5 and len(tail) >= 4 and tail.islower():
        return end
    return None


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer over the packaged base (built on first use, about a second)."""
    return Gazetteer(load_kb())
