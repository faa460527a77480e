"""Reading quantities from the tokens of one sentence (values, units, spans).

The reader works on regex tokens with character offsets; where the document has a dependency
parse it asks the parse whether a bare number counts something (``vijf regio's``: the number
modifies a noun) or is a label (``Artikel 50``), a heading (``3 Wie ...``), a decade
(``de jaren tachtig``) or a verb that looks like a number word (``acht`` = considers).
"""

from __future__ import annotations

import re

from powermap.extract.claims.numbers import NUMBER_TOKEN, NumberLexicon
from powermap.extract.claims.tokens import YEAR, Tok, index_after
from powermap.records import Claim

_NOUNS = ("NOUN", "PROPN")


class QuantityReader:
    """Reads the quantities of one sentence; see :meth:`read`.

    Args:
        text: the document text.
        lex: the language's number lexicon.
        skip: a predicate on (start, end) for spans that are no quantity (footnote markers).
        in_quote: a predicate on a position inside quoted words.
        parsed: whether the tokens carry a dependency parse.
    """

    def __init__(self, text: str, lex: NumberLexicon, skip, in_quote, parsed: bool) -> None:
        self.text = text
        self.lex = lex
        self.skip = skip
        self.in_quote = in_quote
        self.parsed = parsed

    def read(self, toks: list[Tok]) -> list[Claim]:
        out: list[Claim] = []
        i = 0
        inert = self.lex.inert
        while i < len(toks):
            if inert(toks[i].low):  # what ``_quantity`` would find for it: nothing
                i += 1
                continue
            claim, nxt = self._quantity(toks, i)
            if claim is not None:
                out.append(claim)
                i = nxt
            else:
                i += 1
        return out

    def _quantity(self, toks: list[Tok], i: int) -> tuple[Claim | None, int]:
        lex = self.lex
        tok = toks[i]
        unit: str | None = None
        start = tok.start
        j = i
        if lex.unit_kind(tok.low, "currency") and (not tok.low.isalpha() or tok.text.isupper()):
            unit = lex.unit_kind(tok.low, "currency")  # $ 747, €5, USD 20
            j += 1
            if j >= len(toks):
                return None, i + 1
        compound = lex.compound_unit(tok.text) if j == i else None
        if compound is not None and not self.in_quote(start):
            return self._make(toks, start, i + 1, compound[0], compound[1]), i + 1
        if j == i and self._glued_suffix(toks, i) is not None:
            value, unit_word, k = self._glued_suffix(toks, i)  # type: ignore[misc]
            return self._make(toks, start, k, value, unit_word), k
        value, spelled, j = self._number(toks, j)
        if value is None:
            return self._special(toks, i)
        if self.skip(toks[j - 1].start, toks[j - 1].end) or self._glued(toks[i]) or self._glued(toks[j - 1]):
            return None, j
        # range: 15 tot 20 (written upwards); a change is two quantities: from 2.4 to 3.1,
        # van 21 naar 18,5, van 2,4 tot 1,9 (downwards)
        change = (i > 0 and toks[i - 1].low in lex.cue("change_from")) or (
            j < len(toks) and toks[j].low in lex.cue("change_link")
        )
        if j + 1 < len(toks) and toks[j].low in lex.cue("range") and not change:
            other, _, k = self._number(toks, j + 1)
            if other is not None and other > value:
                j = k
            change = other is not None and other < value
        # fraction after a cardinal: twee derde (percent), een half jaar (0.5 years)
        if j < len(toks) and spelled and lex.kind(toks[j].low, "fraction") is not None:
            value = value * (lex.kind(toks[j].low, "fraction") or 0)
            measured = self._unit_word(toks, j + 1)
            if measured is not None:
                return self._make(toks, start, j + 2, value, measured), j + 2
            if j + 1 < len(toks) and toks[j + 1].pos in ("NOUN", "ADJ") and lex.kind(toks[i].low, "article"):
                return None, j  # a third party: an ordinal after an article, no share
            return self._make(toks, start, j + 1, value * 100, "percent"), j + 1
        if j < len(toks) and (self._is_date_word(toks, i, j) or self._clock(toks, j)):
            return None, j
        shared = self._coordinated(toks, j, change)
        if shared is not None:  # 20.000 en 4.000 euro, 6 of 7 miljoen: the first shares the tail
            scale, shared_unit = shared
            return self._make(toks, start, j, value * scale, shared_unit or "count"), j
        while j < len(toks) and lex.kind(toks[j].low, "scale") is not None:
            value *= lex.kind(toks[j].low, "scale") or 1
            j += 1
            spelled = False
        pair = f"{toks[j].low} {toks[j + 1].low}" if j + 1 < len(toks) else ""
        if pair in lex.units and lex.units[pair][1] not in ("suffix", "measure_noun"):
            unit = lex.units[pair][0] if unit is None or lex.units[pair][1] == "currency" else unit
            j += 2  # two-word units: per cent, percentage points
        elif j < len(toks) and toks[j].low in lex.units and lex.units[toks[j].low][1] not in ("suffix", "measure_noun"):
            word_unit, kind = lex.units[toks[j].low]
            if kind == "ratio":
                if j + 1 < len(toks) and toks[j + 1].low in lex.cue("ratio_link"):
                    return self._make(toks, start, j + 2, value, "ratio"), j + 2
                if (
                    j + 2 < len(toks)
                    and toks[j + 1].low in lex.cue("rate_link")
                    and lex.unit_kind(toks[j + 2].low, "time")
                ):
                    return self._make(toks, start, j + 3, value, "count"), j + 3  # twee keer per jaar
                return None, j + 1
            if unit is None or kind == "currency":
                unit = word_unit
            j += 1
        if unit is None:
            return self._bare(toks, i, j, value, spelled)
        if spelled and self.in_quote(start):
            return None, j
        return self._make(toks, start, j, value, unit), j

    def _unit_word(self, toks: list[Tok], k: int) -> str | None:
        """The unit of ``toks[k]`` when it is a time, measure or currency word."""
        if k >= len(toks):
            return None
        unit, kind = self.lex.units.get(toks[k].low, (None, ""))
        return unit if kind in ("time", "measure", "currency") else None

    def _coordinated(self, toks: list[Tok], j: int, change: bool) -> tuple[float, str | None] | None:
        """(scale, unit) a number shares with the next one: 2 en 3 jaar, 20.000 of 4.000 euro,
        van 2,4 tot 1,9 procent (a change)."""
        if j + 1 >= len(toks):
            return None
        link = toks[j].low in self.lex.cue("range") or toks[j].low in self.lex.cue("change_link")
        if toks[j].low not in self.lex.coordinators and not (change and link):
            return None
        if self.lex.kind(toks[j - 1].low, "scale") is not None or toks[j - 1].low in self.lex.units:
            return None
        second, _, k = self._number(toks, j + 1)
        if second is None:
            return None
        scale = 1.0
        while k < len(toks) and self.lex.kind(toks[k].low, "scale") is not None:
            scale *= self.lex.kind(toks[k].low, "scale") or 1
            k += 1
        unit = None
        if k < len(toks) and toks[k].low in self.lex.units:
            unit, kind = self.lex.units[toks[k].low]
            if kind in ("ratio", "suffix", "measure_noun"):
                unit = None
        return (scale, unit) if scale != 1 or unit else None

    def _clock(self, toks: list[Tok], j: int) -> bool:
        """21.15 uur, 1625 UTC, 1 o'clock: a time of day, not a quantity."""
        if toks[j].low in self.lex.cue("clock_word"):
            return True
        num = toks[j - 1].text
        hour, sep, minute = num.partition(self.lex.thousands)
        return bool(
            sep
            and len(minute) == 2
            and hour.isdigit()
            and int(hour) < 24
            and self.lex.unit_kind(toks[j].low, "time") == "hours"
        )

    def _bare(self, toks: list[Tok], i: int, j: int, value: float, spelled: bool) -> tuple[Claim | None, int]:
        """A number with no unit: a count of what it modifies, an age, a measure noun, or nothing."""
        start = toks[i].start
        if YEAR.match(toks[j - 1].text) and value == int(value) and "scale" not in self._kinds(toks, i, j):
            return None, j
        if spelled and self.in_quote(start):
            return None, j
        if "scale" in self._kinds(toks, i, j):
            return self._make(toks, start, j, value, "money?"), j
        measure = self._measure_noun(toks, i)
        if measure is not None:
            return self._make(toks, start, j, value, measure), j
        if self._heading(toks, i) or self._after_name(toks, i):
            return None, j
        if value < 3 and self.lex.kind(toks[i].low, "cardinal") is not None:
            return None, j  # one, two as plain counts: discourse (the two countries), not measurement
        end = self._counted(toks, j)
        if end is None:
            return None, j
        return self._make(toks, start, end, value, "count"), end

    def _counted(self, toks: list[Tok], j: int) -> int | None:
        """The token index after the noun the number counts, or None when it counts nothing."""
        num = toks[j - 1].parsed
        if not self.parsed or num is None:
            if j < len(toks) and self._noun_like(toks[j]):
                return j + 1  # no parse: the next word when it looks like a noun
            return None
        if num.pos_ not in ("NUM", "DET", "ADJ", "X") and not num.like_num:
            return None  # acht (considers), not eight
        head = num.head
        if num.dep_ in ("nummod", "det", "amod") and head.i > num.i and head.pos_ in _NOUNS:
            return index_after(toks, head.idx + len(head))
        if num.dep_ in ("flat", "appos", "compound"):
            return None  # a label or name part: Artikel 50, de jaren tachtig
        nxt = toks[j].parsed if j < len(toks) else None
        if nxt is not None and nxt.pos_ == "NOUN" and nxt.i == num.i + 1:
            return index_after(toks, nxt.idx + len(nxt))  # the parse missed the nummod
        if j + 1 < len(toks) and toks[j].low in self.lex.cue("partitive"):  # 700 van zijn troepen
            for k in range(j + 1, min(j + 4, len(toks))):
                if toks[k].pos == "NOUN":
                    return k + 1
                if toks[k].pos not in ("DET", "PRON", "ADJ"):
                    break
        for child in num.children:  # partitive: 700 van zijn troepen
            after = child.i > num.i and child.pos_ in _NOUNS and child.dep_.startswith("nmod")
            if after and any(c.dep_ == "case" and c.lower_ in self.lex.cue("partitive") for c in child.children):
                return index_after(toks, child.idx + len(child))
        return None

    def _heading(self, toks: list[Tok], i: int) -> bool:
        """A section or list number: digits opening a sentence, a capitalised word after them.

        Not when the capitalised word is an adjective of the noun the number counts
        (40 Amerikaanse soldaten): then the parse has a lower-case noun head after it.
        """
        if not NUMBER_TOKEN.fullmatch(toks[i].text) or i + 1 >= len(toks):
            return False
        if not (self._opens(toks, i) and toks[i + 1].text[:1].isupper()):
            return False
        num, nxt = toks[i].parsed, toks[i + 1].parsed
        counts = (
            num is not None
            and nxt is not None
            and nxt.pos_ == "ADJ"
            and num.dep_ == "nummod"
            and num.head.i > nxt.i
            and num.head.pos_ == "NOUN"
            and num.head.text.islower()
        )
        return not counts

    def _after_name(self, toks: list[Tok], i: int) -> bool:
        """A number right after a capitalised word inside the sentence: a label (Artikel 12, Versie 8)."""
        if i < 1 or not NUMBER_TOKEN.fullmatch(toks[i].text):
            return False
        prev = toks[i - 1].text
        if not (prev[:1].isupper() and prev.replace(".", "").isalpha()) or self._opens(toks, i - 1):
            return False
        num = toks[i].parsed
        # dat Zuidland 3.000 soldaten stuurde: the parse has the number count the noun after it
        return num is None or num.dep_ != "nummod" or num.head.i < num.i

    def _opens(self, toks: list[Tok], i: int) -> bool:
        """Whether ``toks[i]`` opens its sentence."""
        return i == 0 or (toks[i].parsed is not None and bool(toks[i].parsed.is_sent_start))

    def _measure_noun(self, toks: list[Tok], i: int) -> str | None:
        """een BMI van 45: a measure noun, then a preposition, then the bare number."""
        if i >= 2 and toks[i - 1].low in self.lex.cue("about_prep"):
            return self.lex.unit_kind(toks[i - 2].low, "measure_noun")
        return None

    def _glued_suffix(self, toks: list[Tok], i: int) -> tuple[float, str, int] | None:
        """19-year-old: digits, a hyphen, a unit suffix word."""
        if not NUMBER_TOKEN.fullmatch(toks[i].text) or i + 2 >= len(toks) or toks[i + 1].text != "-":
            return None
        if toks[i + 1].start != toks[i].end or toks[i + 2].start != toks[i + 1].end:
            return None
        found = self.lex.compound_unit(f"{toks[i].text}-{toks[i + 2].text}")
        return (found[0], found[1], i + 3) if found else None

    def _number(self, toks: list[Tok], i: int) -> tuple[float | None, bool, int]:
        """(value, spelled out?, next index) of a number starting at ``toks[i]``."""
        tok = toks[i]
        if NUMBER_TOKEN.fullmatch(tok.text):
            return self.lex.parse_digits(tok.text), False, i + 1
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if self.lex.kind(tok.low, "article") is not None:
            if self.lex.kind(nxt, "scale") is None and self.lex.kind(nxt, "fraction") is None:
                return None, False, i  # een/a: an article far more often than a number
            return 1.0, True, i + 1
        card = self.lex.word_value(tok.low)
        if card is None:
            return None, False, i
        if (
            tok.text[:1].isupper()
            and not self._opens(toks, i)
            and toks[i + 1 : i + 2]
            and toks[i + 1].text[:1].isupper()
        ):
            return None, False, i  # part of a name: (Vier Voeters), de Tweede Kamer
        if card == 1 and nxt not in self.lex.units and self.lex.kind(nxt, "scale") is None:
            return None, False, i  # one as a number only before a unit or scale: één week, one million
        return card, True, i + 1

    def _special(self, toks: list[Tok], i: int) -> tuple[Claim | None, int]:
        """Shares (de helft), multipliers (dubbel zo groot) and ordinals (de derde partner)."""
        lex = self.lex
        tok = toks[i]
        share = lex.kind(tok.low, "share")
        if share is not None:
            return self._make(toks, tok.start, i + 1, share, "percent"), i + 1
        mult = lex.kind(tok.low, "multiplier")
        if mult is not None:
            end = i + 2 if i + 1 < len(toks) and toks[i + 1].low in lex.cue("ratio_link") else i + 1
            return self._make(toks, tok.start, end, mult, "ratio"), end
        rank = lex.kind(tok.low, "ordinal")
        if rank is not None and i + 1 < len(toks):
            nouns = lex.cue("rank_noun")
            k = i + 1
            if toks[k].low in nouns and k + 1 < len(toks) and toks[k + 1].low in nouns:
                k += 1
            if toks[k].low in nouns:
                return self._make(toks, tok.start, k + 1, rank, "rank"), k + 1
            count_end = self._ordinal_count(toks, i, rank)
            if count_end is not None:
                return self._make(toks, tok.start, count_end, rank, "count"), count_end
        return None, i + 1

    def _ordinal_count(self, toks: list[Tok], i: int, rank: float) -> int | None:
        """zijn tweede termijn, the third official: the nth of one thing (a count of n).

        Only after an indefinite article or a possessive (the definite article names one of a
        set: de tweede groep); not the first (order, not number), not a name (de Tweede Kamer)
        and not a plural (third states).
        """
        ordinal = toks[i].parsed
        if not self.parsed or ordinal is None or rank < 2 or not toks[i].text.islower() or i == 0:
            return None
        before = toks[i - 1].low
        if self.lex.kind(before, "article") is None and before not in self.lex.possessives:
            return None
        head = ordinal.head
        if ordinal.dep_ not in ("amod", "nummod") or head.i <= ordinal.i or head.pos_ != "NOUN":
            return None
        if not head.text.islower() or "Plur" in head.morph.get("Number"):
            return None
        return index_after(toks, head.idx + len(head))

    def _kinds(self, toks: list[Tok], i: int, j: int) -> set[str]:
        return {k for t in toks[i:j] for k in self.lex.words.get(t.low, {})}

    def _glued(self, tok: Tok) -> bool:
        """A number glued to letters (G20, 5G) or part of a clock time (8:30) belongs to no claim."""
        before = self.text[tok.start - 1] if tok.start > 0 else " "
        after = self.text[tok.end] if tok.end < len(self.text) else " "
        if not NUMBER_TOKEN.fullmatch(tok.text):
            return False
        if before.isalpha() or (before == ":" and self.text[tok.start - 2 : tok.start - 1].isdigit()):
            return True
        if after == ":" and self.text[tok.end + 1 : tok.end + 2].isdigit():
            return True
        if after.isalpha():
            word = re.match(r"\w+", self.text[tok.end :])
            return word is None or word.group().lower() not in self.lex.units
        return False

    def _is_date_word(self, toks: list[Tok], i: int, j: int) -> bool:
        months = self.lex.months
        if toks[j].low in months or (i > 0 and toks[i - 1].low in months):
            return True
        return (
            j + 2 < len(toks)
            and toks[j].low in self.lex.cue("date_join")
            and NUMBER_TOKEN.fullmatch(toks[j + 1].text) is not None
            and toks[j + 2].low in months
        )

    def _noun_like(self, tok: Tok) -> bool:
        if not tok.text[:1].isalpha():
            return False
        low = tok.low
        stop = self.lex.cue("about_prep") | set(self.lex.periods) | self.lex.cue("range")
        return low not in stop and low not in self.lex.words and low not in self.lex.months

    def _make(self, toks: list[Tok], start: int, j: int, value: float, unit: str) -> Claim:
        end = toks[j - 1].end
        return Claim(self.text[start:end], start, end, round(value, 4), unit)
