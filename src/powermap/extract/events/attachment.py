"""Phrases the parser hung in the wrong place.

*X protesteert tegen haar ontslag door Y*: the parser often hangs *door Y* on the verb
instead of the event noun before it. In an active clause an agent phrase (``agent_preps``:
*door*, *by*) on the verb names no one the verb's own subject acts with, so when it follows an
event noun that the verb governs, right after that noun's phrase, it is the noun's agent.

*zegt X, een ondernemer uit Y die al jaren zakendoet met Z*: when the parser hangs a relative
clause on another clause (as a conjunct), its relative pronoun still stands for the noun phrase
right before it: the nearest noun before the pronoun that is not inside a prepositional phrase.
"""

from __future__ import annotations

from spacy.tokens import Token

from powermap.extract.events.syntax import dep, is_passive, prepositional, subtree

#: relations of a noun to the verb it depends on, for which the repair applies
NOUN_POSITIONS = {"obj", "obl", "obl:arg", "iobj", "nmod"}


def detached_agents(noun: Token, agent_preps: frozenset[str] | set[str]) -> list[Token]:
    """The agent phrase nouns the parser hung on ``noun``'s verb right after ``noun``'s phrase
    (see the module docstring), else []."""
    verb = noun.head
    if dep(noun) not in NOUN_POSITIONS or verb.i == noun.i or verb.pos_ not in ("VERB", "AUX"):
        return []
    if is_passive(verb):
        return []  # a passive verb's own agent
    end = max(t.i for t in subtree(noun))
    found = []
    for label, prep, head in prepositional(verb):
        if prep not in agent_preps or label == "obl:agent" or head.i <= end:
            continue
        first = min(t.i for t in subtree(head))
        if head.head.i != verb.i:  # ClearNLP: by <- prep, Y <- pobj
            first = min(first, head.head.i)
        if first == end + 1:  # *uitsluiting | door de VS*: nothing between the two phrases
            found.append(head)
    return found


def has_agent(noun: Token, agent_preps: frozenset[str] | set[str]) -> bool:
    """Whether an event noun has an agent phrase, its own or one hung on its verb (*zijn
    uitsluiting door Y*): its possessor then undergoes the act."""
    return any(p in agent_preps for _label, p, _n in prepositional(noun)) or bool(detached_agents(noun, agent_preps))


def stray_relative_noun(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for when the parser did not hang its clause on a noun:
    the nearest noun before it (skipping prepositional phrases in between), unless a verb or a
    clause boundary comes first; else None."""
    for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1):
        t = pronoun.doc[i]
        if t.pos_ in ("VERB", "AUX") or t.text in (".", ";", ":"):
            return None
        if t.pos_ not in ("NOUN", "PROPN") or dep(t) in ("flat", "fixed", "compound"):
            continue
        if any(dep(c) == "case" for c in t.children) or dep(t.head) == "case":
            continue  # *op het gebied van X*: inside a prepositional phrase
        return t
    return None
