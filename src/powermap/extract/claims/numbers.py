"""Number lexicon and number parsing for the claim stage, per language (``lang/<code>/``).

Tables: numbers.tsv (number words, ordinals, fractions, scale and multiplier words),
units.tsv (currencies, percent, durations), periods.tsv (months, period prepositions),
claims.tsv (range joiners, hedges, rank nouns, footnote headings), number_format.tsv
(decimal and thousands separators).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from powermap.lang.tables import load_table


@dataclass(frozen=True)
class NumberLexicon:
    """Language data the claim stage reads; every key is lower case."""

    words: dict[str, dict[str, float]]  # word -> {kind: value}
    units: dict[str, tuple[str, str]]  # word -> (unit, kind)
    months: frozenset[str]
    periods: dict[str, str]  # preposition -> in | before | since | after | until
    cues: dict[str, set[str]]  # kind -> words (range, approx, rank_noun, about_prep)
    decimal: str
    thousands: str

    def kind(self, word: str, kind: str) -> float | None:
        return self.words.get(word.lower(), {}).get(kind)

    def parse_digits(self, token: str) -> float | None:
        """The value of a digit token written with the language's separators."""
        t = token
        if self.thousands in t and self.decimal in t:
            t = t.replace(self.thousands, "").replace(self.decimal, ".")
        elif self.decimal in t:
            t = t.replace(self.decimal, ".")
        elif self.thousands in t:
            groups = t.split(self.thousands)
            t = "".join(groups) if all(len(g) == 3 for g in groups[1:]) else t.replace(self.thousands, ".")
        try:
            return float(t)
        except ValueError:
            return None


@cache
def number_lexicon(language: str) -> NumberLexicon:
    """The number lexicon for ``language`` (English when the language has no tables)."""
    lang = language if load_table(language, "numbers") else "en"
    words: dict[str, dict[str, float]] = {}
    for row in load_table(lang, "numbers"):
        words.setdefault(row["word"].lower(), {})[row["kind"]] = float(row["value"])
    units = {r["word"].lower(): (r["unit"], r["kind"]) for r in load_table(lang, "units")}
    periods = load_table(lang, "periods")
    months = frozenset(r["word"].lower() for r in periods if r["kind"] == "month")
    preps = {r["word"].lower(): r["kind"] for r in periods if r["kind"] != "month"}
    cues: dict[str, set[str]] = {}
    for row in load_table(lang, "claims"):
        cues.setdefault(row["kind"], set()).add(row["word"].lower())
    fmt = {r["key"]: r["value"] for r in load_table(lang, "number_format")}
    return NumberLexicon(words, units, months, preps, cues, fmt.get("decimal", "."), fmt.get("thousands", ","))


NUMBER_TOKEN = re.compile(r"\d+(?:[.,\u00a0]\d+)*")
