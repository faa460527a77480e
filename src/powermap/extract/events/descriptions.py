"""Definite plural descriptions of organisations that take up a coordination named before.

*VNO-NCW en MKB-Nederland waarschuwen ... De werkgeversorganisaties roepen op tot ...*: a definite
plural noun whose head (or a compound's end) is a party noun (``plural_party_nouns`` in
``lang/<code>/words.yaml``) stands for the organisations or companies coordinated last before it
(in its sentence or the ``REACH`` sentences before), when all of the coordination's members are
actors of those kinds. Counted descriptions of states (*twee handelspartners*) are read by
``Referents.group``; an indefinite description (*veel bedrijven*) stands for no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.syntax import conjuncts, dep, language_words, window_start
from powermap.records import Actor

#: how many sentences before its own the coordination may stand
REACH = 2
#: actor types a party noun may stand for
PARTY_TYPES = frozenset({"organisation", "company"})
#: letters a compound must add before a party noun (*werkgevers* + *organisaties*)
COMPOUND_MIN = 3


class Descriptions:
    """Reads definite plural descriptions of organisations.

    Args:
        language (str): the language code (its ``plural_party_nouns`` and definite determiners).
        definite (set[str]): the language's definite determiners.
        index (ActorIndex): the record's actors by offset.
    """

    def __init__(self, language: str, definite: set[str] | frozenset[str], index: ActorIndex) -> None:
        self.nouns = language_words(language, "plural_party_nouns")
        self.definite = definite
        self.index = index

    def party_noun(self, tok: Token) -> bool:
        """Whether ``tok`` heads a definite plural description of organisations."""
        word = tok.lower_
        if tok.pos_ != "NOUN" or "Sing" in tok.morph.get("Number", []):
            return False
        if not any(word == n or (word.endswith(n) and len(word) - len(n) >= COMPOUND_MIN) for n in self.nouns):
            return False
        return any(dep(c) == "det" and c.lower_ in self.definite for c in tok.children)

    def take_up(self, tok: Token) -> list[Actor]:
        """The organisations a definite plural description stands for (see the module docstring),
        else []."""
        if not self.nouns or not self.party_noun(tok):
            return []
        doc = tok.doc
        for i in range(tok.i - 1, window_start(tok, REACH) - 1, -1):
            t = doc[i]
            if dep(t) == "conj" or len(members := conjuncts(t)) < 2:
                continue  # a coordination is read once, from its first member
            found: list[Actor] = []
            for m in members:
                actor = self.index.at(m.idx, m.idx + len(m.text))
                if actor is None or actor.type not in PARTY_TYPES:
                    break
                if actor not in found:
                    found.append(actor)
            else:
                if len(found) >= 2:
                    return found
        return []
