"""Polarity of a stated position: the language's stance cues, negation, and which words count.

A position is read from the words of its sentence, less those that stated another position of
the same holder; an evaluative adjective counts only for the phrase of the noun it modifies.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Span, Token

from powermap import lang
from powermap.extract.events.syntax import dep

#: the characters of the words that state a position (an event's clause, a stance verb and its
#: complements, a quote, the words naming a listed concept)
Stated = tuple[int, int]


@cache
def stance_cues(language: str) -> dict[str, set[str]]:
    data = lang.data(language, "stance_cues") if language in lang.codes() else None
    if data is None:
        data = lang.data("en", "stance_cues") or {}
    return {k: {str(w).lower() for w in v} for k, v in data.items()}


def polarity(
    sent: Span, language: str, base: bool = True, skip: Sequence[Stated] = (), about: Stated | None = None
) -> bool:
    """Agree (True) or disagree, from disagree cues and the parity of negations. The words in
    ``skip`` (those that stated another position of the same holder: *levert kritiek op X*)
    say nothing of this one. With ``about`` (the characters naming what the position is about),
    an evaluative adjective judges only its own noun (*het neokoloniale beleid*): it turns the
    position only when that noun's phrase holds ``about``."""
    cues = stance_cues(language)

    def counts(t: Token) -> bool:
        if any(a <= t.idx < b for a, b in skip):
            return False
        return about is None or dep(t) != "amod" or covers(t.head, about)

    tokens = [t for t in sent if counts(t)]
    # a preposition heading a phrase (sancties *tegen* Rusland) is no stance cue; *ertegen zijn* is
    words = {w for t in tokens if t.dep_ != "case" for w in (t.lower_, (t.lemma_ or "").lower())}
    agree = base and not (words & cues.get("disagree", set()))
    negations = sum(1 for t in tokens if t.lower_ in cues.get("negation", set()))
    return agree if negations % 2 == 0 else not agree


def inside(span: Stated | None, start: int, end: int) -> bool:
    return span is not None and start <= span[0] < end


def covers(tok: Token, span: Stated) -> bool:
    """Whether the phrase ``tok`` heads holds the start of ``span``."""
    last = tok.right_edge
    return tok.left_edge.idx <= span[0] < last.idx + len(last)
