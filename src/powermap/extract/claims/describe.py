"""What a claim measures, whom it is about, when, and who says so.

- about: the counted noun (vijf regio's -> regio's) or the phrase after van/of (35 % van de
  handel);
- subject: the actors of the sentence in the parse's order (the subject of the verb that holds
  the number, the actors inside the quantity's own phrase, the rest of its clause, then the rest
  of the sentence), the source's mention left out;
- period: the year nearest the claim in its sentence (one before it first), with its
  preposition (voor 2022 -> ../2022); else the publication date;
- source: a footnote marker in the sentence, else the nearest attribution: a cue such as
  volgens / according to followed by a named body, or a source verb (schat, estimates, meldt)
  whose subject is an actor.
"""

from __future__ import annotations

from powermap.extract._text import Notes
from powermap.extract.claims.numbers import NumberLexicon
from powermap.extract.claims.tokens import YEAR, Tok
from powermap.extract.quotes.lexicon import QuoteLexicon
from powermap.records import Actor, Claim

_SOURCE_TYPES = ("organisation", "media", "person", "state", "company")


class ClaimDescriber:
    """Fills about, subject, period and source of the claims of one document."""

    def __init__(
        self,
        text: str,
        lex: NumberLexicon,
        qlex: QuoteLexicon,
        notes: Notes,
        actors: list[Actor],
        published: str | None,
    ) -> None:
        self.text = text
        self.lex = lex
        self.qlex = qlex
        self.notes = notes
        self.actors = actors
        self.published = published
        self.state_names = {a.name for a in actors if a.type == "state"}

    def describe(self, claim: Claim, s_start: int, s_end: int, toks: list[Tok]) -> None:
        claim.about = self.about(claim, toks)
        claim.source, source_start = self.source(s_start, s_end, toks)
        claim.subject = self.subject(claim, s_start, s_end, toks, source_start)
        claim.period = self.period(claim, toks) or self.published

    def about(self, claim: Claim, toks: list[Tok]) -> str | None:
        after = [t for t in toks if t.start >= claim.end]
        preps = self.lex.cue("about_prep")
        if claim.unit == "count":
            return claim.text.split()[-1]
        if after and after[0].low in preps:
            phrase: list[str] = []
            for t in after[:8]:
                if not t.text[:1].isalnum() or (phrase and t.low in self.lex.periods and t.low not in preps):
                    break
                phrase.append(t.text)
            return " ".join(phrase) or None
        return None

    def subject(self, claim: Claim, s_start: int, s_end: int, toks: list[Tok], source_at: int | None) -> list[str]:
        """Actor ids of the sentence: the clause's subject, the quantity's phrase and its clause first."""
        spans = [(s_start, s_end)]
        num = next((t.parsed for t in toks if t.start == claim.start and t.parsed is not None), None)
        if num is not None:
            verb = num
            while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            phrase = num.head if num.dep_ in ("nummod", "det", "amod") else num
            spans = [_edges(c) for c in verb.children if c.dep_.startswith("nsubj")]
            spans += [_edges(phrase), _edges(verb), (s_start, s_end)]
        seen: list[str] = []
        for lo, hi in spans:
            pairs = [(m.start, a) for a in self.actors for m in a.mentions if lo <= m.start < hi]
            for m_start, actor in sorted(pairs, key=lambda p: p[0]):
                if actor.id not in seen and m_start != source_at:
                    seen.append(actor.id)
        return seen

    def period(self, claim: Claim, toks: list[Tok]) -> str | None:
        """The year nearest the claim (one before it first), with its preposition."""
        years = [n for n, t in enumerate(toks) if YEAR.match(t.text) and not self.notes.is_marker(t.start, t.end)]
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

    def source(self, s_start: int, s_end: int, toks: list[Tok]) -> tuple[str | None, int | None]:
        """(source, offset of the source mention) of a sentence's claims."""
        for start, _, number in self.notes.markers:
            if s_start <= start <= s_end + 1:
                return f"{number}: {self.notes.notes[number]}", None
        words = {t.low for t in toks}
        for n, t in enumerate(toks):
            phrases = [" ".join(w.low for w in toks[n : n + size]) for size in (1, 2, 3)]
            according = any(self.qlex.markers.get(p) == "according" for p in phrases[:2])
            marker = [size for size, p in enumerate(phrases, 1) if p in self.lex.cue("source_marker")]
            verb = self._says(t.low, words) or t.low in self.lex.cue("source_verb")
            if according or marker or (verb and t.parsed is None):
                # the nearest named body or person after the cue; a state only when none is named
                # (volgens het Britse instituut X: X, not Britain)
                cue_end = toks[n + max(marker) - 1].end if marker else t.end
                found = self._named(cue_end, cue_end + 45, s_start, s_end, states_last=True)
                if found:
                    return found
            elif verb and t.parsed.pos_ == "VERB":  # zegt X, X schat: the verb's subject
                for child in t.parsed.children:
                    if child.dep_.startswith("nsubj") and child.pos_ != "PRON":
                        lo, hi = _edges(child)
                        named = self._named(lo, hi, s_start, s_end, states_last=True)
                        if named and named[0] not in self.state_names:  # a named body or person
                            return named
                        return self.text[lo:hi], lo  # een Venezolaanse journalist
        return None, None

    def _says(self, word: str, words: set[str]) -> bool:
        """A verb of saying, its particle words (het hebben over) present in the sentence."""
        return any(all(p in words for p in cue.particle) for cue in self.qlex.verbs.get(word, ()))

    def _named(self, lo: int, hi: int, s_start: int, s_end: int, states_last: bool) -> tuple[str, int] | None:
        """(name, offset) of the first actor that can be a source mentioned in [lo, hi] of the sentence."""
        found = [
            (states_last and actor.type == "state", m.start, actor.name)
            for actor in self.actors
            if actor.type in _SOURCE_TYPES
            for m in actor.mentions
            if lo <= m.start <= hi and s_start <= m.start < s_end
        ]
        if not found:
            return None
        best = min(found)
        return best[2], best[1]


def _edges(tok) -> tuple[int, int]:
    """Character span of a spaCy token's subtree."""
    right = tok.right_edge
    return tok.left_edge.idx, right.idx + len(right)
