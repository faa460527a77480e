"""Number lexicon and number parsing for the claim stage, per language (``lang/<code>/``).

Tables, read through :func:`powermap.lang.table`: numbers.tsv (number words, ordinals,
fractions, scale and multiplier words, articles that look like "one"), units.tsv (currencies,
percent, durations, measures, compound suffixes such as -jarig / -year, measure nouns such as
BMI), periods.tsv (months, period prepositions), claims.tsv (range joiners, hedges, rank nouns,
label nouns, source verbs, footnote headings), number_format.tsv (decimal and thousands
separators, how compound number words are built).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from powermap import lang

#: words whose number reading is remembered (then the memory starts again)
WORD_CACHE = 50_000


@dataclass(frozen=True)
class NumberLexicon:
    """Language data the claim stage reads; every key is lower case."""

    words: dict[str, dict[str, float]]  # word -> {kind: value}
    units: dict[str, tuple[str, str]]  # word -> (unit, kind)
    months: frozenset[str]
    periods: dict[str, str]  # preposition -> in | before | since | after | until
    cues: dict[str, set[str]]  # kind -> words (range, approx, rank_noun, about_prep, ...)
    decimal: str
    thousands: str
    joiners: tuple[str, ...] = ()  # between the parts of a compound number word (vijfentwintig)
    units_first: bool = False  # vijfentwintig (5 + 20) rather than twenty-five (20 + 5)
    possessives: frozenset[str] = frozenset()  # zijn, his: zijn tweede termijn
    coordinators: frozenset[str] = frozenset()  # en, of: 2 en 3 jaar
    #: word -> its value as a number word (None: none), filled as words are read
    _word_values: dict[str, float | None] = field(default_factory=dict, compare=False, repr=False)
    _unit_values: dict[str, tuple[float, str] | None] = field(default_factory=dict, compare=False, repr=False)
    _cardinal_words: dict[float, list[str]] = field(default_factory=dict, compare=False, repr=False)
    _inert: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)

    def inert(self, low: str) -> bool:
        """Whether the lower-case token ``low`` can open no quantity: no digits, in neither the
        number nor the units table, no number word and no number glued to a unit suffix (most
        words of a text; remembered per word)."""
        known = self._inert.get(low)
        if known is None:
            if len(self._inert) >= WORD_CACHE:
                self._inert.clear()
            known = self._inert[low] = (
                low not in self.words
                and low not in self.units
                and NUMBER_TOKEN.fullmatch(low) is None
                and self.compound_unit(low) is None
                and self.word_value(low) is None
            )
        return known

    def cardinal_words(self, value: float) -> list[str]:
        """The words whose cardinal value is ``value``, in the table's order (read once per value)."""
        if value not in self._cardinal_words:
            self._cardinal_words[value] = [w for w, kinds in self.words.items() if kinds.get("cardinal") == value]
        return self._cardinal_words[value]

    def kind(self, word: str, kind: str) -> float | None:
        return self.words.get(word.lower(), {}).get(kind)

    def cue(self, kind: str) -> set[str]:
        return self.cues.get(kind, set())

    def unit_kind(self, word: str, kind: str) -> str | None:
        """The unit of ``word`` when the units table lists it with ``kind``."""
        row = self.units.get(word.lower())
        return row[0] if row and row[1] == kind else None

    def parse_digits(self, token: str) -> float | None:
        """The value of a digit token written with the language's separators."""
        t = token.replace("\u00a0", self.thousands)
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

    def word_value(self, word: str) -> float | None:
        """A cardinal number word, also compound (vijfhonderd, tweeënveertig, twenty-five)."""
        low = word.lower()
        if low not in self._word_values:
            if len(self._word_values) >= WORD_CACHE:  # memory stays flat on a corpus of any size
                self._word_values.clear()
            self._word_values[low] = _compound(self, low, 0)
        return self._word_values[low]

    def compound_unit(self, word: str) -> tuple[float, str] | None:
        """(value, unit) of a number glued to a unit suffix: zesjarig, eight-year, 19-year-old."""
        low = word.lower()
        if low not in self._unit_values:
            if len(self._unit_values) >= WORD_CACHE:
                self._unit_values.clear()
            self._unit_values[low] = self._compound_unit(low)
        return self._unit_values[low]

    def _compound_unit(self, low: str) -> tuple[float, str] | None:
        for suffix, (unit, kind) in self.units.items():
            if kind != "suffix" or not low.endswith(suffix) or len(low) == len(suffix):
                continue
            head = low[: -len(suffix)].rstrip("-")
            value = self.parse_digits(head) if NUMBER_TOKEN.fullmatch(head) else self.word_value(head)
            if value is not None:
                return value, unit
        return None


def _compound(lex: NumberLexicon, word: str, depth: int) -> float | None:
    """Value of a (compound) cardinal word, built from the table's cardinals; None if not one."""
    if not word or depth > 4:
        return None
    card = lex.kind(word, "cardinal")
    if card is not None:
        return card
    # a multiplying part: vijfhonderd(drie), drieduizend, five-hundred
    for part in ("1000", "100"):
        for w in lex.cardinal_words(float(part)):
            if w not in word:
                continue
            left, _, right = word.partition(w)
            left, right = left.strip("-"), right.strip("-")
            lv = _compound(lex, left, depth + 1) if left else 1.0
            rv = _compound(lex, right, depth + 1) if right else 0.0
            if lv is not None and rv is not None and lv < float(part) and rv < float(part):
                return lv * float(part) + rv
    # units and tens joined: vijfentwintig (units first), twenty-five (tens first)
    for joiner in lex.joiners:
        left, sep, right = word.partition(joiner)
        while sep:
            a, b = _small(lex, left), _small(lex, right)
            if a is not None and b is not None:
                units, tens = (a, b) if lex.units_first else (b, a)
                if 1 <= units <= 9 and tens in (20, 30, 40, 50, 60, 70, 80, 90):
                    return tens + units
            nxt = right.find(joiner)
            if nxt < 0:
                break
            left, right = word[: len(left) + len(joiner) + nxt], right[nxt + len(joiner) :]
    return None


def _small(lex: NumberLexicon, word: str) -> float | None:
    return lex.kind(word, "cardinal")


@cache
def number_lexicon(language: str) -> NumberLexicon:
    """The number lexicon for ``language`` (English when the language has no tables)."""
    code = language if language in lang.codes() and lang.table(language, "numbers") else "en"
    words: dict[str, dict[str, float]] = {}
    for row in lang.table(code, "numbers"):
        words.setdefault(row["word"].lower(), {})[row["kind"]] = float(row["value"])
    units = {r["word"].lower(): (r["unit"], r["kind"]) for r in lang.table(code, "units")}
    periods = lang.table(code, "periods")
    months = frozenset(r["word"].lower() for r in periods if r["kind"] == "month")
    preps = {r["word"].lower(): r["kind"] for r in periods if r["kind"] != "month"}
    cues: dict[str, set[str]] = {}
    for row in lang.table(code, "claims"):
        cues.setdefault(row["kind"], set()).add(row["word"].lower())
    fmt = {r["key"]: r["value"] for r in lang.table(code, "number_format")}
    return NumberLexicon(
        words,
        units,
        months,
        preps,
        cues,
        fmt.get("decimal", "."),
        fmt.get("thousands", ","),
        tuple(j for j in fmt.get("compound_joiners", "").split("|") if j),
        fmt.get("compound_order", "tens_first") == "units_first",
        lang.get(code).possessives,
        lang.get(code).coordinators,
    )


def format_value(value: float) -> str:
    """A claim value the way people read it: 1,000,000 / 236,300,000,000 / 66.67 / 0.5."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


NUMBER_TOKEN = re.compile(r"\d+(?:[.,\u00a0]\d+)*")
