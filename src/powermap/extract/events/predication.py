"""Predicative nouns: who a noun stands for when it says what someone is or poses as.

A relative clause on a predicative noun (*X wierp zich op als de leider die Y bestrijdt*, *X is
de man die Y bestrijdt*) is about the one the noun describes: the subject of the clause the
noun completes, or its object in a small clause (*X noemt Y de man die ...*: Y). Read over the
parse only; the language's labels come through ``syntax.dep``.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet

from spacy.tokens import Token

from powermap.extract.events.attachment import stray_relative_noun
from powermap.extract.events.syntax import OBJECT, dep, subjects

__all__ = ["predicative_holder", "relative_antecedent"]

#: relative clauses on predicative nouns followed, at most
CHAIN = 4


def relative_antecedent(tok: Token, relative: AbstractSet[str], names_actor: Callable[[Token], bool]) -> Token:
    """What a relative pronoun stands for: the noun its clause modifies (or, for a clause the
    parser hung elsewhere, ``stray_relative_noun``); when that noun is a predicative noun that
    names no actor itself, whom it describes (*X wierp zich op als de kracht die ...*: X),
    following such chains a bounded number of steps. Any other token stands for itself."""
    for _ in range(CHAIN):
        if not ((tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType", [])) or tok.lower_ in relative):
            return tok
        clause = tok.head
        if not (dep(clause) in ("acl:relcl", "acl") and clause.head.i != clause.i):
            return stray_relative_noun(tok) or tok  # a relative clause the parser hung elsewhere
        noun = clause.head
        holder = None if names_actor(noun) else predicative_holder(noun)
        if holder is None or holder.i in (tok.i, noun.i):
            return noun
        tok = holder
    return tok


def predicative_holder(noun: Token) -> Token | None:
    """The phrase a common predicative noun describes, or None: the object of its verb when
    the verb has one (a small clause), else the verb's subject; for a copular noun (*X is de
    man*), its own subject."""
    if noun.pos_ != "NOUN":
        return None
    if any(dep(c) == "cop" for c in noun.children):
        own = subjects(noun)
        return own[0] if own and own[0].i != noun.i else None
    verb = noun.head
    if dep(noun) != "xcomp" or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if dep(c) in OBJECT and c.i != noun.i]
    if objects:
        return objects[0]
    own = subjects(verb)
    return own[0] if own else None
