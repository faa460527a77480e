"""The claim stage (``claims.v1``): quantities with what they measure, period and source.

Reads the actor list, the parsed Doc (its sentences and dependencies) and the number lexicon
(``claims.numbers``). For every sentence of the body (the notes block at the end is left out)
it reads quantities written in digits with the language's separators (236,3 / 1,000.5), number
words, also compound ones (elf, vijfhonderd, twenty-five, anderhalf), fractions (twee derde ->
66.67 percent), shares (de helft, halved -> 50 percent), ranges (15 tot 20 %: the value is the
lower end, the span covers the range), scale words (miljard, billion), multipliers (dubbel zo
groot -> ratio 2), ranks (de derde handelspartner -> rank 3), the nth of a thing (zijn tweede
termijn -> count 2), units glued to numbers (zesjarig, eight-year, 19-year-old -> years), a
person's age in brackets (Naam (75) -> 75 years) and measure nouns (een BMI van 45).

A bare number is a count only when the parse has it modify a noun (vijf regio's) or take a
partitive (700 van zijn troepen). Not claims: years and dates, clock times (8:30), footnote
markers, numbers glued to names (G20, 5G), section and list numbers (3 Wie ...), labels
(Artikel 50), decades (de jaren tachtig), verbs that look like number words, two as a plain
count (the two countries: discourse, not measurement), vague plurals (miljarden), and number
words inside quotation marks (rhetoric: in vijf minuten). A quantity repeated in a document
(same value, unit and measured word) is one claim, its first mention.

A money amount with no currency word takes the currency of the next (or previous) amount in
its sentence: Peru (12 miljard) en Chili (31 miljard dollar).
"""

from __future__ import annotations

from powermap.extract._text import Notes, split_sentences
from powermap.extract.claims.describe import ClaimDescriber
from powermap.extract.claims.numbers import NumberLexicon, format_value, number_lexicon
from powermap.extract.claims.reader import QuantityReader
from powermap.extract.claims.tokens import Tok, opens_quantity, sentence_tokens
from powermap.extract.quotes.lexicon import quote_lexicon
from powermap.extract.quotes.marks import find_quotes
from powermap.extract.stage import ExtractionContext, Stage, stages
from powermap.records import Claim

__all__ = ["ClaimFinder", "ClaimStage", "format_value"]


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
        notes = self.notes
        qlex = quote_lexicon(ctx.language)
        self.quoted = [(q.start, q.end) for q in find_quotes(self.text, qlex.pairs, notes.body_end)]
        self.doc = ctx.doc if self.text.strip() else None
        self.parsed = self.doc is not None and self.doc.has_annotation("DEP")
        self.reader = QuantityReader(self.text, self.lex, self.notes.is_marker, self._in_quote, self.parsed)
        published = ctx.record.document.published
        self.describer = ClaimDescriber(self.text, self.lex, qlex, notes, ctx.record.actors, published)

    def run(self) -> list[Claim]:
        out: list[Claim] = []
        seen: set[tuple[float, str, str]] = set()
        for s_start, s_end in self._sentences():
            if not opens_quantity(self.text, s_start, s_end, self.lex):
                continue  # no token ``read`` or ``_ages`` starts at
            toks = sentence_tokens(self.text, self.doc, s_start, s_end)
            found = self.reader.read(toks) + self._ages(toks)
            found.sort(key=lambda c: c.start)
            self._fill_currency(found)
            for claim in found:
                key = (claim.value, claim.unit, claim.text.split()[-1].lower())
                if key in seen:
                    continue  # the same quantity restated: one claim
                seen.add(key)
                self.describer.describe(claim, s_start, s_end, toks)
                out.append(claim)
        return out

    def _sentences(self) -> list[tuple[int, int]]:
        end = self.notes.body_end
        if self.doc is not None and self.doc.has_annotation("SENT_START"):
            return [(s.start_char, min(s.end_char, end)) for s in self.doc.sents if s.start_char < end]
        return [(s.start, s.end) for s in split_sentences(self.text[:end])]

    def _ages(self, toks: list[Tok]) -> list[Claim]:
        """A person's age in brackets after the name: Naam (75)."""
        out = []
        ends = {m.end for a in self.ctx.record.actors if a.type == "person" for m in a.mentions}
        for n in range(1, len(toks) - 2):
            num = toks[n + 1]
            bracketed = toks[n].text == "(" and toks[n + 2].text == ")" and num.text.isdigit()
            if bracketed and toks[n - 1].end in ends and 0 < int(num.text) < 120:
                out.append(Claim(num.text, num.start, num.end, float(num.text), "years"))
        return out

    def _in_quote(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.quoted)

    def _fill_currency(self, claims: list[Claim]) -> None:
        """An amount with a scale word and no currency takes its neighbour's currency."""
        currencies = {unit for unit, kind in self.lex.units.values() if kind == "currency"}
        for n, claim in enumerate(claims):
            if claim.unit != "money?":
                continue
            others = [c for c in claims[n + 1 :] + claims[:n][::-1] if c.unit in currencies]
            claim.unit = others[0].unit if others else "count"
