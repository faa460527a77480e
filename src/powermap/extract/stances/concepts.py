"""Concept lists for stances: labelled positions with per-language terms, kept as YAML.

A corpus can bring its own list (stage option ``concepts: path/to/list.yaml``); the default
is ``powermap/codebooks/concepts/international_relations.yaml``. See docs/events.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DEFAULT = Path(__file__).resolve().parents[2] / "codebooks" / "concepts" / "international_relations.yaml"


@dataclass(frozen=True)
class Concept:
    """A position actors can take sides on.

    Attributes:
        label (str): short English label, e.g. "sanctions against Russia".
        terms (dict[str, tuple[str, ...]]): words or phrases naming it, per language.
        with_ (dict[str, tuple[str, ...]]): words one of which must co-occur, per language.
        against (bool): whether a bare mention reads as opposition (e.g. "the war").
    """

    label: str
    terms: dict[str, tuple[str, ...]]
    with_: dict[str, tuple[str, ...]]
    against: bool = False

    def match(self, text: str, language: str) -> re.Match | None:
        """The first term occurrence in ``text`` when the concept fires there."""
        lower = text.lower()
        terms = self.terms.get(language) or self.terms.get("en") or ()
        if not any(term in lower for term in terms):
            return None  # every match contains a term as it is written: no regex search needed
        hit = _terms_re(terms).search(lower)
        if hit is None:
            return None
        needed = self.with_.get(language) or self.with_.get("en") or ()
        if needed and not _prefix_re(needed).search(lower):
            return None
        return hit


@cache
def _terms_re(terms: tuple[str, ...]) -> re.Pattern:
    """A term as a word, or as the end of a compound (``exportsancties`` ~ ``sancties``)."""
    alternation = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)|\w+(?:{alternation})(?!\w)")


@cache
def _prefix_re(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})")


@cache
def load_concepts(path: str | None = None) -> tuple[Concept, ...]:
    """The concepts of a YAML list (the default international-relations list when None)."""
    data = yaml.safe_load(Path(path or DEFAULT).read_text(encoding="utf-8")) or {}
    out = []
    for item in data.get("concepts") or []:
        out.append(
            Concept(
                label=str(item["label"]),
                terms={k: tuple(str(w).lower() for w in v) for k, v in (item.get("terms") or {}).items()},
                with_={k: tuple(str(w).lower() for w in v) for k, v in (item.get("with") or {}).items()},
                against=item.get("polarity") == "against",
            )
        )
    return tuple(out)
