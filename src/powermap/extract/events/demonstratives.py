"""Demonstrative descriptions of an act: who is behind *dit initiatief*, *this proposal*.

A noun of the language's ``act_nouns`` (*initiatief, plan, voorstel*; *initiative, plan,
proposal*) with a demonstrative determiner (``demonstratives``: *dit, dat, deze*; *this, that*)
names no actor itself; it points back at what the sentence before told, and stands for who did
it: the subject of that sentence's main clause, or the one before it (*De bond wil met de twee ministers praten.
Dit voorstel valt slecht bij X*: X is sceptical of the union). Read over the parse only.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.lexicon import EventLexicon, norm
from powermap.extract.events.syntax import dep, subjects

__all__ = ["ActDescriptions"]

#: sentences looked back for the act's doer
LOOK_BACK = 2


class ActDescriptions:
    """Demonstrative act nouns of one language and the subject they point back to.

    Args:
        lexicon (EventLexicon): the language's cues (``act_nouns``, ``demonstratives``).
    """

    def __init__(self, lexicon: EventLexicon) -> None:
        self.nouns = lexicon.cue_set("act_nouns")
        self.demonstratives = lexicon.cue_set("demonstratives")

    def is_act_description(self, tok: Token) -> bool:
        """A common noun of ``act_nouns`` with a demonstrative determiner (*dit initiatief*)."""
        if tok.pos_ != "NOUN" or (norm(tok.lemma_ or tok.text) not in self.nouns and tok.lower_ not in self.nouns):
            return False
        return any(dep(c) == "det" and c.lower_ in self.demonstratives for c in tok.children)

    def previous_subjects(self, tok: Token) -> list[Token]:
        """For an act description, the subjects of the main clauses of the sentences before
        ``tok``'s, nearest first (at most ``LOOK_BACK`` sentences: a sentence between may tell the
        act's aim, *Het doel is ...*); the caller takes the first that names an actor."""
        if not self.nouns or not self.is_act_description(tok):
            return []
        found: list[Token] = []
        start = tok.sent.start
        for _ in range(LOOK_BACK):
            if start == 0:
                break
            before = tok.doc[start - 1].sent
            found += [s for t in before if t.head.i == t.i for s in subjects(t)[:1]]
            start = before.start
        return found
