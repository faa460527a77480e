"""The claim stage (``claims.v1``): quantities with what they measure, period and source.

Reads the actor list and the number lexicon (``claims.numbers``). For every sentence of the
body (the notes block at the end is left out) it reads quantities written in digits with the
language's separators (236,3 / 1,000.5), number words (elf, twintig), fractions
(twee derde -> 66.67 percent), shares (de helft -> 50 percent), ranges (15 tot 20 %: the
value is the lower end, the span covers the range), scale words (miljard, billion),
multipliers (dubbel zo groot -> ratio 2) and ranks (de derde handelspartner -> rank 3).

Not claims: years and dates, footnote markers, numbers glued to names (G20), one and two as
plain counts (two views, the two countries: discourse, not measurement), vague plurals
(miljarden), and number words inside quotation marks (rhetoric: in vijf minuten).

A money amount with no currency word takes the currency of the next (or previous) amount in
its sentence: de VS (747 miljard) en China (466 miljard dollar).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from powermap.extract._text import Notes, split_sentences
from powermap.extract.claims.numbers import NUMBER_TOKEN, NumberLexicon, number_lexicon
from powermap.extract.quotes.lexicon import quote_lexicon
from powermap.extract.quotes.marks import find_quotes
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Claim

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[$€£¥%]|\w+(?:[’'\-]\w+)*\.?|[^\w\s]")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


@stages.register("claims.v1")
class ClaimStage(Stage):
    """Quantitative claims (see the module docstring)."""

    produces = "claims"
    requires = ("actors",)

    def __call__(self, ctx: ExtractionContext) -> None:
        ctx.record.claims.extend(ClaimFinder(ctx).run())


class ClaimFinder:
    """The claim pass over one document."""

    def __init__(self, ctx: ExtractionContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.lex: NumberLexicon = number_lexicon(ctx.language)
        self.notes: Notes = ctx.notes
        pairs = quote_lexicon(ctx.language).pairs
        self.quoted = [(q.start, q.end) for q in find_quotes(self.text, pairs, self.notes.body_end)]

    def run(self) -> list[Claim]:
        out: list[Claim] = []
        for sent in split_sentences(self.text[: self.notes.body_end]):
            toks = [
                _Tok(m.group().rstrip("."), m.start(), m.start() + len(m.group().rstrip(".")) or m.end())
                for m in _TOKEN.finditer(self.text, sent.start, sent.end)
            ]
            found = self._sentence(toks)
            self._fill_currency(found)
            for claim in found:
                self._describe(claim, sent.start, sent.end, toks)
            out.extend(found)
        return out

    # -- reading quantities ------------------------------------------------------------
    def _sentence(self, toks: list[_Tok]) -> list[Claim]:
        out: list[Claim] = []
        i = 0
        while i < len(toks):
            claim, nxt = self._quantity(toks, i)
            if claim is not None:
                out.append(claim)
                i = nxt
            else:
                i += 1
        return out

    def _quantity(self, toks: list[_Tok], i: int) -> tuple[Claim | None, int]:
        lex = self.lex
        tok = toks[i]
        unit: str | None = None
        start = tok.start
        j = i
        if tok.low in lex.units and lex.units[tok.low][1] == "currency" and not tok.low.isalpha():
            unit = lex.units[tok.low][0]  # $ 747, €5
            j += 1
            if j >= len(toks):
                return None, i + 1
        value, spelled, j = self._number(toks, j)
        if value is None:
            return self._special(toks, i)
        if self.notes.is_marker(toks[j - 1].start, toks[j - 1].end) or self._glued(toks[i]):
            return None, j
        # range: 15 tot 20
        if j + 1 < len(toks) and toks[j].low in lex.cues.get("range", ()):
            upper, _, k = self._number(toks, j + 1)
            if upper is not None and upper > value:
                j = k
        # fraction after a cardinal: twee derde
        if j < len(toks) and spelled and lex.kind(toks[j].low, "fraction") is not None:
            value = value * (lex.kind(toks[j].low, "fraction") or 0) * 100
            return self._make(toks, start, j + 1, value, "percent"), j + 1
        if j < len(toks) and self._is_date_word(toks, i, j):
            return None, j
        while j < len(toks) and lex.kind(toks[j].low, "scale") is not None:
            value *= lex.kind(toks[j].low, "scale") or 1
            j += 1
            spelled = False
        if j < len(toks) and toks[j].low in lex.units:
            word_unit, kind = lex.units[toks[j].low]
            if kind == "ratio":
                if j + 1 < len(toks) and toks[j + 1].low in ("zo", "so", "as", "meer", "more"):
                    return self._make(toks, start, j + 2, value, "ratio"), j + 2
                return None, j + 1
            if unit is None or kind == "currency":
                unit = word_unit
            j += 1
        elif j + 1 < len(toks) and toks[j].low == "per" and toks[j + 1].low == "cent":
            unit = "percent"
            j += 2
        if unit is None:
            if _YEAR.match(toks[j - 1].text) and value == int(value) and "scale" not in self._kinds(toks, i, j):
                return None, j
            if self.lex.kind(toks[i].low, "cardinal") is not None and value < 3:
                return None, j
            if spelled and self._in_quote(start):
                return None, j
            if "scale" in self._kinds(toks, i, j):
                unit = "money?"
            elif j < len(toks) and self._noun_like(toks[j]) and value >= 3:
                unit = "count"
                j += 1  # the counted noun belongs to the span: vijf regio's
            else:
                return None, j
        elif spelled and self._in_quote(start):
            return None, j
        return self._make(toks, start, j, value, unit), j

    def _number(self, toks: list[_Tok], i: int) -> tuple[float | None, bool, int]:
        """(value, spelled out?, next index) of a number starting at ``toks[i]``."""
        tok = toks[i]
        if NUMBER_TOKEN.fullmatch(tok.text):
            return self.lex.parse_digits(tok.text), False, i + 1
        card = self.lex.kind(tok.low, "cardinal")
        if card is None:
            return None, False, i
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        if card == 1 and self.lex.kind(nxt, "scale") is None and self.lex.kind(nxt, "fraction") is None:
            return None, False, i  # een/one/a: an article far more often than a number
        return card, True, i + 1

    def _special(self, toks: list[_Tok], i: int) -> tuple[Claim | None, int]:
        """Shares (de helft), multipliers (dubbel zo groot) and ranks (de derde partner)."""
        lex = self.lex
        tok = toks[i]
        share = lex.kind(tok.low, "share")
        if share is not None:
            return self._make(toks, tok.start, i + 1, share, "percent"), i + 1
        mult = lex.kind(tok.low, "multiplier")
        if mult is not None:
            end = i + 2 if i + 1 < len(toks) and toks[i + 1].low in ("zo", "so", "as") else i + 1
            return self._make(toks, tok.start, end, mult, "ratio"), end
        rank = lex.kind(tok.low, "ordinal")
        if rank is not None and i + 1 < len(toks):
            nouns = lex.cues.get("rank_noun", set())
            k = i + 1
            if toks[k].low in nouns and k + 1 < len(toks) and toks[k + 1].low in nouns:
                k += 1
            if toks[k].low in nouns:
                return self._make(toks, tok.start, k + 1, rank, "rank"), k + 1
        return None, i + 1

    def _kinds(self, toks: list[_Tok], i: int, j: int) -> set[str]:
        return {k for t in toks[i:j] for k in self.lex.words.get(t.low, {})}

    def _glued(self, tok: _Tok) -> bool:
        """A number glued to letters (G20, COVID19) belongs to a name."""
        return tok.start > 0 and self.text[tok.start - 1].isalpha()

    def _is_date_word(self, toks: list[_Tok], i: int, j: int) -> bool:
        months = self.lex.months
        if toks[j].low in months or (i > 0 and toks[i - 1].low in months):
            return True
        return (
            j + 2 < len(toks)
            and toks[j].low in ("en", "and", "tot", "-", "–")
            and NUMBER_TOKEN.fullmatch(toks[j + 1].text) is not None
            and toks[j + 2].low in months
        )

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _noun_like(self, tok: _Tok) -> bool:
        if not tok.text[:1].isalpha():
            return False
        low = tok.low
        stop = self.lex.cues.get("about_prep", set()) | set(self.lex.periods) | self.lex.cues.get("range", set())
        return low not in stop and low not in self.lex.words and low not in self.lex.months

    def _make(self, toks: list[_Tok], start: int, j: int, value: float, unit: str) -> Claim:
        end = toks[j - 1].end
        return Claim(self.text[start:end], start, end, round(value, 4), unit)

    def _fill_currency(self, claims: list[Claim]) -> None:
        """An amount with a scale word and no currency takes its neighbour's currency."""
        for n, claim in enumerate(claims):
            if claim.unit != "money?":
                continue
            others = [c for c in claims[n + 1 :] + claims[:n][::-1] if c.unit in _CURRENCIES(self.lex)]
            claim.unit = others[0].unit if others else "count"

    # -- describing them -----------------------------------------------------------------
    def _describe(self, claim: Claim, s_start: int, s_end: int, toks: list[_Tok]) -> None:
        claim.about = self._about(claim, toks)
        seen: list[str] = []
        for actor in self.ctx.record.actors:
            if any(s_start <= m.start < s_end for m in actor.mentions) and actor.id not in seen:
                seen.append(actor.id)
        claim.subject = seen
        claim.period = self._period(claim, toks)
        claim.source = self._source(s_start, s_end, toks)

    def _about(self, claim: Claim, toks: list[_Tok]) -> str | None:
        after = [t for t in toks if t.start >= claim.end]
        preps = self.lex.cues.get("about_prep", set())
        if claim.unit == "count":
            return claim.text.split()[-1]
        if after and after[0].low in preps:
            phrase = []
            for t in after[:8]:
                if not t.text[:1].isalnum() or (phrase and t.low in self.lex.periods and t.low not in preps):
                    break
                phrase.append(t.text)
            return " ".join(phrase) or None
        return None

    def _period(self, claim: Claim, toks: list[_Tok]) -> str | None:
        """The year nearest the claim (one before it first), with its preposition."""
        years = [n for n, t in enumerate(toks) if _YEAR.match(t.text) and not self.notes.is_marker(t.start, t.end)]
        years.sort(key=lambda n: (toks[n].start > claim.start, abs(toks[n].start - claim.start)))
        if not years:
            return None
        n = years[0]
        prep = self.lex.periods.get(toks[n - 1].low) if n else None
        if prep in ("before", "until"):
            return f"../{toks[n].text}"
        if prep in ("since", "after"):
            return f"{toks[n].text}/.."
        return toks[n].text

    def _source(self, s_start: int, s_end: int, toks: list[_Tok]) -> str | None:
        for start, _, number in self.notes.markers:
            if s_start <= start <= s_end + 1:
                return f"{number}: {self.notes.notes[number]}"
        qlex = quote_lexicon(self.ctx.language)
        for n, t in enumerate(toks):
            according = qlex.markers.get(t.low) == "according" or (
                n + 1 < len(toks) and qlex.markers.get(f"{t.low} {toks[n + 1].low}") == "according"
            )
            if according or t.low in qlex.verbs:
                # the nearest named body or person after the cue; a state only when none is named
                # (volgens het Britse instituut X: X, not Britain)
                found = [
                    (actor.type == "state", m.start, actor.name)
                    for actor in self.ctx.record.actors
                    if actor.type in ("organisation", "media", "person", "state", "company")
                    for m in actor.mentions
                    if t.end <= m.start <= t.end + 45 and s_start <= m.start < s_end
                ]
                if found:
                    return min(found)[2]
        return None


def _CURRENCIES(lex: NumberLexicon) -> set[str]:
    return {unit for unit, kind in lex.units.values() if kind == "currency"}
