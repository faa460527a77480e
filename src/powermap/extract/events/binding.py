"""Binding: a personal pronoun subject is not a name inside its own clause.

*Hij werd de rivaal van X en kreeg steun van Y*: *hij* cannot be X, who
is named inside the clause *hij* is the subject of (a name is never bound by a pronoun that
c-commands it). When the actor layer resolved the pronoun to such a name, the coder takes the
person named before it instead. Conjoined clauses that share the pronoun as their subject
(*..., en kreeg steun*) are read through the clause the pronoun heads.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.actors import ActorIndex
from powermap.extract.events.syntax import SUBJECT, clause_words, dep
from powermap.records import Actor


def named_in_own_clause(pronoun: Token, actor: Actor, index: ActorIndex) -> bool:
    """Whether ``actor`` is named (by a proper name) among the dependents of the clause whose
    subject ``pronoun`` is, outside nested clauses."""
    if dep(pronoun) not in SUBJECT or pronoun.head.i == pronoun.i:
        return False
    for t in clause_words(pronoun.head):
        if t.i != pronoun.i and t.pos_ == "PROPN" and index.at(t.idx, t.idx + len(t.text)) == actor:
            return True
    return False


def rebound(
    pronoun: Token, actor: Actor | None, personal: set[str] | frozenset[str], index: ActorIndex
) -> Actor | None:
    """``actor`` for a personal pronoun, unless binding rules it out (see the module docstring):
    then the person named before the pronoun other than ``actor``."""
    if actor is None or actor.type != "person" or pronoun.pos_ != "PRON" or pronoun.lower_ not in personal:
        return actor
    if not named_in_own_clause(pronoun, actor, index):
        return actor
    return index.previous_person(pronoun.idx, actor.id)
